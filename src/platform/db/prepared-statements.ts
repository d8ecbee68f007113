// Named prepared statements for the pg pool. node-postgres sends every parameterised query as an
// unnamed statement, so PostgreSQL parses, analyses and plans it again on each call; on the pay path
// that was about a third of the database's time. Naming a statement after its text lets each
// connection parse it once and, after a few runs, reuse a generic plan where that plan is no worse.
// Off for poolers that move sessions between server connections (PgBouncer in transaction mode).
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Beyond this many distinct statements a connection sends the rest unnamed, so no backend grows without bound. */
const MAX_PER_CONNECTION = 1000;
/** Statement names remembered by text (process-wide), so hashing a statement's text is done once. */
const MAX_NAMES = 10_000;

type QueryFn = (...args: unknown[]) => unknown;

const statementName = (text: string) => `m_${createHash('sha1').update(text).digest('base64url')}`;

/** Makes every client of `pool` send parameterised queries as named statements. */
export function usePreparedStatements(pool: pg.Pool, options: { maxPerConnection?: number } = {}): void {
  const limit = options.maxPerConnection ?? MAX_PER_CONNECTION;
  const names = new Map<string, string>();
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as QueryFn;
    const prepared = new Set<string>();
    // Kysely calls query(text, values); a query without values keeps the simple protocol, which
    // alone accepts several statements in one string (migrations).
    (client as unknown as { query: QueryFn }).query = (text: unknown, values: unknown, ...rest: unknown[]) => {
      if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0) return query(text, values, ...rest);
      let name = names.get(text);
      if (name === undefined) {
        name = statementName(text);
        if (names.size < MAX_NAMES) names.set(text, name);
      }
      if (!prepared.has(name)) {
        if (prepared.size >= limit) return query(text, values, ...rest);
        prepared.add(name);
      }
      return query({ name, text, values }, ...rest);
    };
  });
}
