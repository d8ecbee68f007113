// The table-owners lint rule (tools/lint/table-owners.js) through the repository's own ESLint
// configuration, as `npm run check` runs it: module code that reads another module's table in SQL,
// writes a read model, or takes a handle on the whole database fails; declared reads pass.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root, cache: false });

/** The table-owners messages for `code` linted as if it were the file `file`. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  assert.ok(result);
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], 'the code parses');
  return result.messages.filter((m) => m.ruleId === 'marquee/table-owners').map((m) => m.message);
}

const SQL = "import { sql } from 'kysely';\n";

test("a module reading another module's table in SQL fails; its own tables and declared read models pass", async () => {
  const bad = await problems(
    'src/modules/catalog/scratch.ts',
    `${SQL}export const q = sql\`select s.id from showtimes s, tickets as t join users u on u.id = t.user_id\`;\n`,
  );
  assert.equal(bad.length, 2, bad.join('\n'));
  assert.match(bad.join('\n'), /catalog reads 'users', a table of accounts/);
  assert.match(bad.join('\n'), /catalog reads 'tickets', a table of tickets/);

  // seat_claims and bookings: booking's, read through BookingReadModel, which CatalogDb declares.
  const good = await problems(
    'src/modules/catalog/scratch.ts',
    `${SQL}export const q = sql\`select 1 from showtimes st where exists (select 1 from seat_claims c join bookings b on b.id = c.booking_id)\`;\n`,
  );
  assert.deepEqual(good, []);
});

test('plain strings and Kysely calls by table name are checked too', async () => {
  const bad = await problems(
    'src/modules/tickets/scratch.ts',
    "export const text = 'select amount from payments where id = $1';\n" +
      "export const read = (db: any) => db.selectFrom('bookings as b').innerJoin('tickets as t', 't.booking_id', 'b.id');\n",
  );
  assert.equal(bad.length, 2, bad.join('\n'));
  assert.match(bad[0] ?? '', /tickets reads 'payments', a table of payments/);
  assert.match(bad[1] ?? '', /tickets reads 'bookings', a table of booking/);
});

test('a read model is read-only', async () => {
  const bad = await problems(
    'src/modules/booking/scratch.ts',
    `${SQL}export const a = sql\`update showtimes set status = 'cancelled'\`;\n` +
      "export const b = (db: any) => db.deleteFrom('seats');\n" +
      "export const c = (db: any) => db.selectFrom('seats').select('id');\n",
  );
  assert.equal(bad.length, 2, bad.join('\n'));
  for (const m of bad) assert.match(m, /booking writes '(showtimes|seats)', which it may only read/);
});

test('module code takes its own typed handle, never one on the whole database', async () => {
  const bad = await problems(
    'src/modules/sales/scratch.ts',
    "import type { Kysely } from 'kysely';\n" +
      "import type { Database, Executor } from '../../platform/db/database.ts';\n" +
      "import type { DB } from '../../platform/db/schema.ts';\n" +
      'export const a = (database: Database) => database.db;\n' +
      'export const b = (ex: Executor) => ex;\n' +
      'export const c = (k: Kysely<DB>) => k;\n',
  );
  assert.equal(bad.length, 3, bad.join('\n'));
  const good = await problems(
    'src/modules/sales/scratch.ts',
    "import type { Database, Executor } from '../../platform/db/database.ts';\n" +
      "import { moduleDb } from '../../platform/db/module-db.ts';\n" +
      "import type { SalesDb } from './sales.tables.ts';\n" +
      'export const a = (database: Database) => moduleDb<SalesDb>(database);\n' +
      'export const b = (ex: Executor<SalesDb>) => ex;\n',
  );
  assert.deepEqual(good, []);
});

test('a read model is published by the owner of its tables; a handle names only declared ones', async () => {
  const bad = await problems(
    'src/modules/tickets/tickets.tables.ts',
    "import type { DB } from '../../platform/db/generated-schema.ts';\n" +
      "import type { ReadOnly } from '../../platform/db/module-db.ts';\n" +
      "export type TicketsTables = Pick<DB, 'tickets'>;\n" +
      "export type TicketsReadModel = ReadOnly<{ tickets: Pick<DB['tickets'], 'id'>; users: Pick<DB['users'], 'email'> }>;\n" +
      'export type TicketsDb = TicketsTables & UsersReadModel;\n',
  );
  assert.equal(bad.length, 2, bad.join('\n'));
  assert.match(bad[0] ?? '', /Read model TicketsReadModel names 'users', a table of accounts/);
  assert.match(bad[1] ?? '', /names UsersReadModel, which no \*\.tables\.ts declares/);
});

test('test files and fixtures may set up any table', async () => {
  assert.deepEqual(
    await problems('src/modules/catalog/scratch.test.ts', `${SQL}export const q = sql\`select 1 from users\`;\n`),
    [],
  );
});
