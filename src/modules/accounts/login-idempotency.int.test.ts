// A sign-in sent with Idempotency-Key: its session token is kept nowhere at rest (the answer is not
// stored for a replay), and a retry with the same key signs in again with a new token, checking the
// password again, rather than handing out the first token (which may have been logged out since).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { login, registerUser } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/** Every table and text-like column of the database holding `needle` anywhere in its value. */
async function columnsHolding(t: TestApp, needle: string): Promise<string[]> {
  const db = t.app.platform.database.db;
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'jsonb', 'json', 'bytea')`.execute(
    db,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    const hit = await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table_name)} where position(${needle} in ${sql.ref(column_name)}::text) > 0`.execute(
      db,
    );
    if ((hit.rows[0]?.n ?? 0) > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

for (const backend of backends()) {
  describe(`signing in with Idempotency-Key on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(() => t.close());

    test('the session token is stored nowhere, and a retry after logout signs in again with a new token', async () => {
      const user = await registerUser(t);
      const key = { 'idempotency-key': 'login-once' };
      const first = await login(t, user.email, user.password, key);
      assert.equal(first.status, 200, first.text);
      const token: string = first.body.token;
      assert.deepEqual(await columnsHolding(t, token), [], 'the token is in no table');
      assert.deepEqual(await columnsHolding(t, user.password), [], 'nor is the password');

      assert.equal((await t.request({ method: 'POST', url: '/api/v1/auth/logout', token })).status, 204);
      const retry = await login(t, user.email, user.password, key);
      assert.equal(retry.status, 200, retry.text);
      assert.equal(retry.headers['idempotent-replayed'], undefined, 'not a replay');
      assert.notEqual(retry.body.token, token, 'never the first token again');
      assert.match(String(retry.headers['set-cookie']), new RegExp(`session=${retry.body.token}`));
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/me', token })).status,
        401,
        'the logged-out token stays dead',
      );
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/me', token: retry.body.token })).status, 200);
      assert.deepEqual(await columnsHolding(t, retry.body.token), []);
    });

    test('a retry checks the password again: a wrong one is refused, another body with the key is 422', async () => {
      const user = await registerUser(t);
      const key = { 'idempotency-key': 'login-wrong' };
      const wrong = await login(t, user.email, `${user.password}-nope`, key);
      assert.equal(wrong.status, 401);
      assert.equal((await login(t, user.email, `${user.password}-nope`, key)).status, 401);
      const other = await login(t, user.email, user.password, key);
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'idempotency_key_reused');
    });
  });
}
