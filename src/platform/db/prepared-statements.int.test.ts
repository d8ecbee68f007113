// Named prepared statements on the pg pool: a parameterised query is prepared once per connection
// and reused; scripts without parameters keep the simple protocol (several statements in one
// string); past the per-connection cap, queries still run, unnamed; `select *` is never prepared,
// and a statement whose result type a migration changed fails once, then runs unnamed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { realPostgres } from '../../../test/support/backends.ts';
import { usePreparedStatements } from './prepared-statements.ts';

for (const backend of realPostgres()) {
  describe('prepared statements on postgres', () => {
    test('a parameterised query is prepared once and reused; scripts and queries past the cap still run', async () => {
      const { url, drop } = await backend.create({ empty: true });
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      // As the app's pool does: a connection the server ends (the database dropped at teardown) is not a crash.
      pool.on('error', () => {});
      usePreparedStatements(pool, { maxPerConnection: 2 });
      const prepared = async () =>
        (
          await pool.query<{ statement: string }>(
            "select statement from pg_prepared_statements where name like 'm\\_%' order by statement",
          )
        ).rows.map((r) => r.statement);
      try {
        assert.equal((await pool.query('select $1::int + 1 as n', [1])).rows[0].n, 2);
        assert.equal((await pool.query('select $1::int + 1 as n', [41])).rows[0].n, 42);
        assert.deepEqual(await prepared(), ['select $1::int + 1 as n']);
        // No parameters: simple protocol, so a script of several statements is accepted.
        await pool.query('create table t (x int); insert into t values (1)');
        assert.equal((await pool.query('select $1::text as s', ['a'])).rows[0].s, 'a');
        // The cap of two is reached: a third statement answers without being prepared.
        assert.equal((await pool.query('select $1::int * 2 as n', [21])).rows[0].n, 42);
        assert.deepEqual(await prepared(), ['select $1::int + 1 as n', 'select $1::text as s']);
        // An error in a prepared statement leaves the connection usable.
        await assert.rejects(pool.query('select 1 / $1::int as n', [0]), /division by zero/);
        assert.equal((await pool.query('select $1::int + 1 as n', [2])).rows[0].n, 3);
      } finally {
        await pool.end();
        await drop();
      }
    });

    test('select * is not prepared; a statement whose result type changed fails once, then runs unnamed', async () => {
      const { url, drop } = await backend.create({ empty: true });
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      // As the app's pool does: a connection the server ends (the database dropped at teardown) is not a crash.
      pool.on('error', () => {});
      usePreparedStatements(pool);
      const prepared = async () =>
        (
          await pool.query<{ statement: string }>(
            "select statement from pg_prepared_statements where name like 'm\\_%' order by statement",
          )
        ).rows.map((r) => r.statement);
      try {
        await pool.query('create table t (x int, y int)');
        await pool.query('insert into t values (1, 2)');
        assert.deepEqual((await pool.query('select * from t where x = $1', [1])).rows, [{ x: 1, y: 2 }]);
        assert.deepEqual((await pool.query('select t.* from t where x = $1', [1])).rows, [{ x: 1, y: 2 }]);
        assert.equal((await pool.query('select count(*)::int as n from t where x = $1', [1])).rows[0].n, 1);
        assert.deepEqual(await prepared(), ['select count(*)::int as n from t where x = $1']);
        // A later migration adds a column: select * answers with it.
        await pool.query('alter table t add column z int');
        assert.deepEqual(Object.keys((await pool.query('select * from t where x = $1', [1])).rows[0]), ['x', 'y', 'z']);
        // A prepared statement whose result type changes under it fails once, then works unnamed.
        assert.equal((await pool.query('select y from t where x = $1', [1])).rows[0].y, 2);
        await pool.query('alter table t alter column y type bigint');
        await assert.rejects(
          pool.query('select y from t where x = $1', [1]),
          /cached plan must not change result type/,
        );
        assert.equal(Number((await pool.query('select y from t where x = $1', [1])).rows[0].y), 2);
        assert.equal(Number((await pool.query('select y from t where x = $1', [1])).rows[0].y), 2);
      } finally {
        await pool.end();
        await drop();
      }
    });
  });
}
