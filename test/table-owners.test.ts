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
  // The import of Database, database.db, Executor without tables, Kysely<DB>.
  assert.equal(bad.length, 4, bad.join('\n'));
  const good = await problems(
    'src/modules/sales/scratch.ts',
    "import type { Executor } from '../../platform/db/database.ts';\n" +
      "import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';\n" +
      "import type { SalesDb } from './sales.tables.ts';\n" +
      'export const a = (database: ModuleDatabase) => moduleDb<SalesDb>(database);\n' +
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

// Round 2 of issue 13: payments, accounts and notifications are held to their handles like the others.
test('payments, accounts and notifications take their own handles and read only declared tables', async () => {
  for (const module of ['payments', 'accounts', 'notifications']) {
    const bad = await problems(
      `src/modules/${module}/scratch.ts`,
      `${SQL}import type { Executor } from '../../platform/db/database.ts';\n` +
        'export const a = (ex: Executor) => ex;\n' +
        'export const b = sql`select 1 from bookings`;\n',
    );
    assert.equal(bad.length, 2, `${module}: ${bad.join('\n')}`);
    assert.match(bad[1] ?? '', new RegExp(`${module} reads 'bookings', a table of booking`));
  }
  // Payments reads a showtime's status through CatalogReadModel, anywhere in the module.
  assert.deepEqual(
    await problems('src/modules/payments/scratch.ts', `${SQL}export const q = sql\`select status from showtimes\`;\n`),
    [],
  );
});

test('no module reaches the whole database through what the platform gives it', async () => {
  const bad = await problems(
    'src/modules/payments/scratch.ts',
    "import type { Database } from '../../platform/db/database.ts';\n" +
      "import type { Platform } from '../../platform/context.ts';\n" +
      'export const a = (platform: Platform) => {\n' +
      '  const { db } = platform.database;\n' +
      '  return db;\n' +
      '};\n' +
      'export const b = ({ database: { db } }: Platform) => db;\n' +
      'export const c = (platform: Platform) => (platform.database as unknown as Database).db;\n' +
      "export const d = (database: Platform['database']) => database['db'];\n" +
      "export const e = (x: import('../../platform/db/database.ts').Database) => x;\n",
  );
  assert.equal(bad.length, 6, bad.join('\n'));
  assert.equal(bad.filter((m) => /ModuleDatabase/.test(m)).length, 2, bad.join('\n'));
  // A module's own `db` (a typed handle it was given) is not the Database's.
  assert.deepEqual(
    await problems('src/modules/payments/scratch.ts', 'export const f = (deps: { db: unknown }) => deps.db;\n'),
    [],
  );
});

test('table names hidden in casts, arrays, variables, sql helpers and withTables are checked', async () => {
  const bad = await problems(
    'src/modules/payments/scratch.ts',
    `${SQL}const T = 'users' as const;\n` +
      'const name = String(Date.now());\n' +
      'export const a = (db: any) => db.selectFrom(T);\n' +
      "export const b = (db: any) => db.selectFrom(['users'] as const);\n" +
      "export const c = (db: any) => db.selectFrom('users' as 'payments');\n" +
      "export const d = (db: any) => db.withTables<{ users: { email: string } }>().selectFrom('payments');\n" +
      'export const e = (db: any) => db.withTables<Record<string, never>>();\n' +
      'export const f = (db: any) => db.withSchema(name);\n' +
      "export const g = sql.table('users');\n" +
      "export const h = sql.id('login_devices');\n" +
      'export const i = sql.raw(`select email from ${T}`);\n' +
      'export const j = sql.table(T);\n' +
      "export const k = sql.ref('users.email');\n",
  );
  const expected = [
    /cannot read/, // a: selectFrom(T)
    /reads 'users'/, // b
    /reads 'users'/, // c
    /reads 'users'/, // d
    /withTables/, // e
    /cannot read/, // f
    /reads 'users'/, // g
    /reads 'login_devices'/, // h
    /cannot read/, // i
    /cannot read/, // j
    /reads 'users'/, // k
  ];
  assert.equal(bad.length, expected.length, bad.join('\n'));
  expected.forEach((re, i) => assert.match(bad[i] ?? '', re, `problem ${i}: ${bad.join('\n')}`));

  // What modules write every day still passes: aliases, subqueries, their own tables.
  const good = await problems(
    'src/modules/payments/scratch.ts',
    `${SQL}export const a = (db: any) => db.selectFrom('payments as p').innerJoin('refunds as r', 'r.payment_id', 'p.id');\n` +
      "export const b = (db: any) => db.selectFrom((eb: any) => eb.selectFrom('refunds').selectAll().as('x'));\n" +
      "export const c = (db: any, lock: boolean) => db.selectFrom(lock ? 'payments' : 'refunds');\n" +
      "export const d = sql.ref('p.amount');\n" +
      'export const e = sql.table(`payments`);\n',
  );
  assert.deepEqual(good, []);
});

test('a reporting read model serves only the module that declares it', async () => {
  const tables = await problems(
    'src/modules/payments/payments.tables.ts',
    "import type { DB } from '../../platform/db/generated-schema.ts';\n" +
      "import type { SalesReadModel } from '../sales/sales.module.ts';\n" +
      "export type PaymentsTables = Pick<DB, 'payments'>;\n" +
      'export type PaymentsDb = PaymentsTables & SalesReadModel;\n',
  );
  assert.equal(tables.length, 1, tables.join('\n'));
  assert.match(tables[0] ?? '', /SalesReadModel .*sales/);

  const code = await problems(
    'src/modules/accounts/scratch.ts',
    "import type { Executor } from '../../platform/db/database.ts';\n" +
      "import type { SalesDb, SalesReadModel } from '../sales/sales.module.ts';\n" +
      "import type { CatalogTables } from '../catalog/catalog.module.ts';\n" +
      'export const a = (ex: Executor<SalesDb>) => ex;\n' +
      'export const b = (ex: Executor<SalesReadModel>) => ex;\n' +
      'export const c = (ex: Executor<CatalogTables>) => ex;\n',
  );
  assert.equal(code.length, 3, code.join('\n'));
});

test("a handle is typed with the module's own *Db, and each table has one owner", async () => {
  const bad = await problems(
    'src/modules/payments/scratch.ts',
    "import type { Kysely } from 'kysely';\n" +
      "import type { Executor } from '../../platform/db/database.ts';\n" +
      "import { type ModuleDatabase, moduleDb, narrowTx, type SharedTx } from '../../platform/db/module-db.ts';\n" +
      "import type { CatalogDb } from '../catalog/catalog.module.ts';\n" +
      'export const a = (ex: Executor<{ users: { email: string } }>) => ex;\n' +
      'export const b = (database: ModuleDatabase) => moduleDb<CatalogDb>(database);\n' +
      'export const c = (tx: SharedTx) => narrowTx<{ users: { email: string } }>(tx);\n' +
      'export const d = (k: Kysely<unknown>) => k;\n',
  );
  assert.equal(bad.length, 4, bad.join('\n'));
  for (const m of bad)
    assert.match(m, /a handle in payments is typed with a \*Db its \*\.tables\.ts declares \(PaymentsDb\)/);

  const twice = await problems(
    'src/modules/notifications/notifications.tables.ts',
    "import type { DB } from '../../platform/db/generated-schema.ts';\n" +
      "export type NotificationsTables = Pick<DB, 'mail_outbox' | 'users'>;\n" +
      'export type NotificationsDb = NotificationsTables;\n',
  );
  assert.equal(twice.length, 1, twice.join('\n'));
  assert.match(twice[0] ?? '', /'users' is picked by accounts too/);
});
