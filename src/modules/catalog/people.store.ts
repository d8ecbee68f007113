// SQL for people (actors, directors…) and the movies they are linked to.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ImageRecord } from '../../platform/media/image-processing.ts';
import type { CatalogDb } from './catalog.tables.ts';

export type PersonRole = 'actor' | 'director' | 'writer' | 'producer' | 'composer';
export const PERSON_ROLES: readonly PersonRole[] = ['actor', 'director', 'writer', 'producer', 'composer'];

export interface PersonRow {
  id: string;
  name: string;
  bio: string;
  photo: ImageRecord | null;
  created_at: Date;
  updated_at: Date;
}

export interface PersonMovieRow {
  movie_id: string;
  title: string;
  role: PersonRole;
}

export async function insertPerson(
  trx: Executor<CatalogDb>,
  values: { name: string; bio: string },
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto('people')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(
  trx: Executor<CatalogDb>,
  id: string,
  values: { name?: string; bio?: string },
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('people')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function setPersonPhoto(
  trx: Executor<CatalogDb>,
  id: string,
  photo: ImageRecord,
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('people')
    .set({ photo: JSON.stringify(photo) as never, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function deletePerson(trx: Executor<CatalogDb>, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('people').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function findPerson(ex: Executor<CatalogDb>, id: string): Promise<PersonRow | undefined> {
  return (await ex.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()) as PersonRow | undefined;
}

/** The ids among `ids` that are people (to refuse links to nobody with a clear error). */
export async function existingPeople(ex: Executor<CatalogDb>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ex.selectFrom('people').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function moviesOfPerson(ex: Executor<CatalogDb>, personId: string): Promise<PersonMovieRow[]> {
  const r = await sql<PersonMovieRow>`
    select mp.movie_id, m.title, mp.role from movie_people mp join movies m on m.id = mp.movie_id
    where mp.person_id = ${personId}
    order by m.release_date desc nulls last, m.title, mp.role`.execute(ex);
  return r.rows;
}

/** People by name (accents and case ignored), alphabetically, for pickers in the staff console. */
export async function listPeople(
  ex: Executor<CatalogDb>,
  q: string | undefined,
  limit: number,
  after: string[] | null,
): Promise<(PersonRow & { sort_key: string })[]> {
  const conds = [];
  if (q !== undefined) {
    const qn = sql`immutable_unaccent(lower(${q}::text))`;
    const like = sql`'%' || replace(replace(replace(${qn}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
    conds.push(sql`(immutable_unaccent(lower(p.name)) like ${like} or ${qn} <% immutable_unaccent(lower(p.name)))`);
  }
  if (after) conds.push(sql`(lower(p.name), p.id) > (${after[0]}::text, ${after[1]}::uuid)`);
  const where = conds.length > 0 ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  const r = await sql<PersonRow & { sort_key: string }>`
    select p.*, lower(p.name) as sort_key from people p ${where}
    order by lower(p.name), p.id limit ${limit + 1}`.execute(ex);
  return r.rows;
}
