// SQL for cinemas and the cities they are in.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { CatalogDb } from './catalog.tables.ts';

export interface CinemaRow {
  id: string;
  name: string;
  city: string;
  address: string;
  timezone: string;
}

interface CinemaValues {
  name: string;
  city: string;
  address: string;
  timezone: string;
}

const cinemaColumns = ['id', 'name', 'city', 'address', 'timezone'] as const;

export async function insertCinema(trx: Executor<CatalogDb>, values: CinemaValues, now: Date): Promise<string> {
  const row = await trx
    .insertInto('cinemas')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCinema(
  trx: Executor<CatalogDb>,
  id: string,
  values: Partial<CinemaValues>,
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('cinemas')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function findCinema(ex: Executor<CatalogDb>, id: string): Promise<CinemaRow | undefined> {
  return ex.selectFrom('cinemas').select(cinemaColumns).where('id', '=', id).executeTakeFirst();
}

/** Cinemas by name (optionally in one city, case ignored), keyset-paged. */
export async function listCinemas(
  ex: Executor<CatalogDb>,
  city: string | undefined,
  limit: number,
  after: string[] | null,
): Promise<(CinemaRow & { sort_key: string })[]> {
  let q = ex.selectFrom('cinemas').select([...cinemaColumns, sql<string>`lower(name)`.as('sort_key')]);
  if (city !== undefined) q = q.where(sql`lower(city)`, '=', city.toLowerCase());
  if (after) q = q.where(sql`(lower(name), id)`, '>', sql`(${after[0]}::text, ${after[1]}::uuid)`);
  return q
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

/** Cities that have cinemas, with how many. */
export async function listCities(ex: Executor<CatalogDb>): Promise<{ city: string; cinemaCount: number }[]> {
  const r = await sql<{ city: string; cinemaCount: number }>`
    select min(city) as city, count(*)::int as "cinemaCount" from cinemas group by lower(city) order by lower(min(city))`.execute(
    ex,
  );
  return r.rows;
}

/** Asks PostgreSQL too: the zone must work in its date arithmetic, not only in the runtime's. */
export async function databaseKnowsTimeZone(ex: Executor<CatalogDb>, tz: string): Promise<boolean> {
  const r = await sql<{
    ok: boolean;
  }>`select exists (select 1 from pg_timezone_names where name = ${tz}) as ok`.execute(ex);
  return r.rows[0]?.ok === true;
}
