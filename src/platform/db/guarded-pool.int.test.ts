// Waits on PostgreSQL are bounded: a request (its deadline) that cannot get a connection or an
// answer in time fails with 503 service_unavailable and Retry-After; a transaction caught by its
// deadline is rolled back whole, its statement cancelled on the server, and the pool stays healthy;
// a COMMIT already sent is waited for; outside a request, a silent server is given up on after the
// statement timeout and a margin. The server gets the configured statement and idle-in-transaction
// timeouts; migrations have none. Real PostgreSQL only (PGlite has no network).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { realPostgres } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTcpProxy } from '../../../test/support/tcp-proxy.ts';
import { withDeadline } from '../deadline.ts';
import { AppError } from '../errors.ts';
import { type Database, type DatabaseTimeouts, openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { isDatabaseUnavailable } from './pg-errors.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `work`'s error, failing the test if it takes longer than a client would wait (it must not hang). */
async function failure(work: Promise<unknown>, clientGivesUpMs = 30_000): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${clientGivesUpMs} ms`)), clientGivesUpMs);
  });
  try {
    await Promise.race([work, gaveUp]);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith('still waiting')) throw err;
    return err;
  } finally {
    clearTimeout(timer);
  }
  throw new Error('expected a failure, got an answer');
}

const assertUnavailable = (err: unknown) => {
  assert.ok(err instanceof AppError, `an AppError, got ${String(err)}`);
  assert.equal(err.code, 'service_unavailable');
  assert.equal(err.status, 503);
  assert.ok((err.retryAfter ?? 0) >= 1, 'says when to retry');
};

const inDeadline = <T>(ms: number, fn: () => Promise<T>) => withDeadline(performance.now() + ms, fn);

for (const backend of realPostgres()) {
  describe('bounded waits on postgres', () => {
    const open = async (poolSize: number, timeouts: Partial<DatabaseTimeouts> = {}) => {
      const created = await backend.create({ empty: true });
      const database = await openDatabase({ databaseUrl: created.url, dataDir: 'unused', poolSize, timeouts });
      await database.db.schema.createTable('items').addColumn('n', 'integer').execute();
      return {
        database,
        db: database.db as unknown as Kysely<{ items: { n: number } }>,
        count: async () =>
          Number((await sql<{ n: number }>`select count(*)::int as n from items`.execute(database.db)).rows[0]?.n),
        async close() {
          await database.close();
          await created.drop();
        },
      };
    };
    /** Sessions of this database other than `database`'s ones that are still busy in a transaction. */
    const busyElsewhere = async (database: Database) =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')`.execute(
            database.db,
          )
        ).rows[0]?.n,
      );

    test('a request waiting for a connection past its deadline gets 503 with Retry-After; the pool is fine after', async () => {
      const t = await open(1);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const holder = t.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await gate;
      });
      try {
        await sleep(50);
        assertUnavailable(await failure(inDeadline(300, () => t.db.selectFrom('items').selectAll().execute())));
        release();
        await holder;
        assert.equal(await t.count(), 0);
      } finally {
        release();
        await t.close();
      }
    });

    test('a deadline passing between statements rolls the whole transaction back', async () => {
      const t = await open(2);
      try {
        const err = await failure(
          inDeadline(300, () =>
            t.db.transaction().execute(async (trx) => {
              await trx.insertInto('items').values({ n: 1 }).execute();
              await sleep(600);
              await trx.insertInto('items').values({ n: 2 }).execute();
            }),
          ),
        );
        assertUnavailable(err);
        assert.equal(await t.count(), 0, 'nothing of it was saved');
        await eventually(
          async () => (await busyElsewhere(t.database)) === 0,
          30_000,
          50,
          'no session left in a transaction',
        );
        await t.db.insertInto('items').values({ n: 3 }).execute();
        assert.equal(await t.count(), 1);
      } finally {
        await t.close();
      }
    });

    test('a statement still running at the deadline is cut off and cancelled on the server; its transaction rolls back', async () => {
      // No server-side statement timeout: only the cancel can stop the sleep before it ends.
      const t = await open(2, { statementMs: 0 });
      try {
        const err = await failure(
          inDeadline(300, () =>
            t.db.transaction().execute(async (trx) => {
              await trx.insertInto('items').values({ n: 1 }).execute();
              await sql`select pg_sleep(600)`.execute(trx);
            }),
          ),
        );
        assertUnavailable(err);
        await eventually(
          async () => (await busyElsewhere(t.database)) === 0,
          30_000,
          50,
          'the sleeping statement cancelled',
        );
        assert.equal(await t.count(), 0, 'nothing of it was saved');
      } finally {
        await t.close();
      }
    });

    test('a COMMIT already sent when the deadline passes is waited for, so a 503 never hides saved work', async () => {
      const t = await open(2);
      try {
        // A deferred constraint trigger runs at COMMIT: this one makes the commit outlast the deadline.
        await sql`create function slow_commit() returns trigger language plpgsql as $$ begin perform pg_sleep(3); return null; end $$`.execute(
          t.database.db,
        );
        await sql`create constraint trigger slow_commit after insert on items deferrable initially deferred for each row execute function slow_commit()`.execute(
          t.database.db,
        );
        await inDeadline(2000, () =>
          t.db.transaction().execute((trx) => trx.insertInto('items').values({ n: 1 }).execute()),
        );
        assert.equal(await t.count(), 1);
      } finally {
        await t.close();
      }
    });

    test('the statement and idle-in-transaction timeouts reach the server; a statement past it is unavailable, not a bug', async () => {
      const t = await open(2, { statementMs: 300, idleInTransactionMs: 400 });
      try {
        const show = async (name: string) =>
          (await sql<Record<string, string>>`${sql.raw(`show ${name}`)}`.execute(t.database.db)).rows[0]?.[name];
        assert.equal(await show('statement_timeout'), '300ms');
        assert.equal(await show('idle_in_transaction_session_timeout'), '400ms');
        const slow = await failure(sql`select pg_sleep(5)`.execute(t.database.db));
        assert.equal((slow as { code?: string }).code, '57014');
        assert.ok(isDatabaseUnavailable(slow));
        // Idle in a transaction past the limit: the server ends the session; the process lives on.
        const idle = await failure(
          t.db.transaction().execute(async (trx) => {
            await trx.insertInto('items').values({ n: 1 }).execute();
            await sleep(1000);
            await trx.insertInto('items').values({ n: 2 }).execute();
          }),
        );
        assert.ok(isDatabaseUnavailable(idle), String(idle));
        assert.equal(await t.count(), 0);
      } finally {
        await t.close();
      }
    });

    test(
      'outside a request (background jobs), a silent server is given up on after the statement timeout and a margin',
      { timeout: 120_000 },
      async () => {
        const created = await backend.create({ empty: true });
        const proxy = await startTcpProxy(created.url as string);
        const database = await openDatabase({
          databaseUrl: proxy.url,
          dataDir: 'unused',
          poolSize: 2,
          timeouts: { statementMs: 200 },
        });
        try {
          await sql`select 1`.execute(database.db);
          proxy.stall();
          assertUnavailable(await failure(sql`select 1`.execute(database.db)));
          proxy.resume();
          await eventually(
            async () =>
              (await sql<{ n: number }>`select 1 as n`.execute(database.db).then(
                (r) => r.rows[0]?.n,
                () => 0,
              )) === 1,
          );
        } finally {
          proxy.resume();
          await database.close();
          await proxy.close();
          await created.drop();
        }
      },
    );

    test('migrations run without the statement timeout, and leave none of their settings to the pool', async () => {
      const t = await open(2, { statementMs: 500 });
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'marquee-migrations-'));
      try {
        await fs.writeFile(path.join(dir, '001_slow.sql'), 'create table slow_made (x int); select pg_sleep(1);');
        assert.deepEqual(await migrate(t.database, dir), ['001_slow.sql']);
        const settings = await Promise.all(
          [0, 1].map(() => sql<{ statement_timeout: string }>`show statement_timeout`.execute(t.database.db)),
        );
        assert.deepEqual(
          settings.map((r) => r.rows[0]?.statement_timeout),
          ['500ms', '500ms'],
        );
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
        await t.close();
      }
    });
  });
}
