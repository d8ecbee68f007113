// Migrations: applied once each, in order; running them again changes nothing; two processes
// migrating one fresh PostgreSQL database at the same moment both succeed (advisory lock).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { backends, realPostgres } from '../../../test/support/backends.ts';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';

const files = async () =>
  (await fs.readdir(path.join(import.meta.dirname, 'migrations')))
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();

const recorded = async (database: import('./database.ts').Database) =>
  database.withSession((s) =>
    s.query<{ name: string; n: number }>(
      'select name, count(*)::int as n from schema_migrations group by name order by name',
    ),
  );

for (const backend of backends()) {
  describe(`migrations on ${backend.name}`, () => {
    test('a fresh database gets every migration once, in order; a second run applies nothing', async () => {
      const { database, drop } = await backend.create({ empty: true });
      try {
        const applied = await migrate(database);
        assert.deepEqual(applied, await files());
        assert.deepEqual(await migrate(database), []);
        const rows = await recorded(database);
        assert.deepEqual(
          rows.map((r) => r.name),
          await files(),
        );
        assert.ok(rows.every((r) => r.n === 1));
      } finally {
        await drop();
      }
    });

    test('holds are decided by booking_hold_batch: the single booking_hold is gone (087), and the 078 batch stays beside 096 for a rolling deploy', async () => {
      const { database, drop } = await backend.create({ empty: true });
      try {
        await migrate(database);
        const rows = await database.withSession((s) =>
          s.query<{ proname: string; pronargs: number }>(
            "select proname, pronargs from pg_proc where proname like 'booking_hold%' order by pronargs",
          ),
        );
        // 17 arguments: the previous release's (078); 21: with guests, channels and ticket types (096).
        assert.deepEqual(
          rows.map((r) => [r.proname, Number(r.pronargs)]),
          [
            ['booking_hold_batch', 17],
            ['booking_hold_batch', 21],
          ],
        );
      } finally {
        await drop();
      }
    });
  });
}

for (const backend of realPostgres()) {
  describe('migrations by two processes at once', () => {
    test('two migrate() calls in parallel on one fresh database both succeed, each migration recorded once', async () => {
      const { database, url, drop } = await backend.create({ empty: true });
      const other = await openDatabase({ databaseUrl: url, dataDir: 'unused', poolSize: 2 });
      try {
        const [a, b] = await Promise.all([migrate(database), migrate(other)]);
        const all = await files();
        assert.deepEqual([...a, ...b].sort(), all, 'between them, each migration applied exactly once');
        const rows = await recorded(database);
        assert.deepEqual(
          rows.map((r) => r.name),
          all,
        );
        assert.ok(rows.every((r) => r.n === 1));
        assert.deepEqual(await migrate(other), []);
      } finally {
        await other.close();
        await drop();
      }
    });
  });
}
