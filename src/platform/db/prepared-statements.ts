// Named prepared statements for the pg pool. node-postgres sends every parameterised query as an
// unnamed statement, so PostgreSQL parses, analyses and plans it again on each call; on the pay path
// that was about a third of the database's time. Naming a statement after its text lets each
// connection parse it once and, after a few runs, reuse a generic plan where that plan is no worse.
// Off for poolers that move sessions between server connections (PgBouncer in transaction mode).
//
// A prepared statement's result columns are fixed when it is prepared: once a migration (run by a
// newer process in a rolling deploy) adds a column, `select *` or `returning *` from that table
// fails with "cached plan must not change result type" on every connection that prepared it. So
// statements with a bare `*` are never prepared, and a statement that still hits that error (a
// column's type changed) is sent unnamed from then on: one failed call per connection at most.
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Beyond this many distinct statements a connection sends the rest unnamed, so no backend grows without bound. */
const MAX_PER_CONNECTION = 1000;
/** Statement names remembered by text (process-wide), so hashing a statement's text is done once. */
const MAX_NAMES = 10_000;

type QueryFn = (...args: unknown[]) => unknown;

/** `*`, `t.*` or `returning *` (not `count(*)`): the result columns follow the table's. */
const SELECTS_STAR = /(?:^|[\s,.])\*(?=\s|,|$)/;

const isStalePlan = (err: unknown) =>
  (err as { code?: string } | null)?.code === '0A000' &&
  /cached plan must not change result type/.test(String((err as Error).message));

const statementName = (text: string) => `m_${createHash('sha1').update(text).digest('base64url')}`;

/** Makes every client of `pool` send parameterised queries as named statements. */
export function usePreparedStatements(pool: pg.Pool, options: { maxPerConnection?: number } = {}): void {
  const limit = options.maxPerConnection ?? MAX_PER_CONNECTION;
  const names = new Map<string, string>();
  const unnamed = new Set<string>();
  const forget = (text: string, err: unknown) => {
    if (isStalePlan(err)) unnamed.add(text);
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as QueryFn;
    const prepared = new Set<string>();
    // Kysely calls query(text, values); a query without values keeps the simple protocol, which
    // alone accepts several statements in one string (migrations).
    (client as unknown as { query: QueryFn }).query = (text: unknown, values: unknown, ...rest: unknown[]) => {
      if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || unnamed.has(text))
        return query(text, values, ...rest);
      if (SELECTS_STAR.test(text)) return query(text, values, ...rest);
      let name = names.get(text);
      if (name === undefined) {
        name = statementName(text);
        if (names.size < MAX_NAMES) names.set(text, name);
      }
      if (!prepared.has(name)) {
        if (prepared.size >= limit) return query(text, values, ...rest);
        prepared.add(name);
      }
      const [callback] = rest;
      if (typeof callback === 'function') {
        return query({ name, text, values }, (err: unknown, result: unknown) => {
          if (err) forget(text, err);
          (callback as (err: unknown, result: unknown) => void)(err, result);
        });
      }
      return (query({ name, text, values }) as Promise<unknown>).catch((err: unknown) => {
        forget(text, err);
        throw err;
      });
    };
  });
}
