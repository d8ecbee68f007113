// SQL for movies and their links to people.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ImageRecord } from '../../platform/media/image-processing.ts';
import type { PersonRole } from './people.store.ts';
import type { CatalogDb, MovieTranslations } from './catalog.tables.ts';

export interface MovieRow {
  id: string;
  title: string;
  original_title: string | null;
  synopsis: string;
  duration_minutes: number;
  age_rating: string | null;
  genres: string[];
  language: string | null;
  countries: string[];
  release_date: string | null;
  poster: ImageRecord | null;
  backdrop: ImageRecord | null;
  cast_names: string[];
  director: string | null;
  created_at: Date;
  updated_at: Date;
  translations: MovieTranslations;
}

export interface MovieValues {
  title: string;
  original_title: string | null;
  synopsis: string;
  duration_minutes: number;
  age_rating: string | null;
  genres: string[];
  language: string | null;
  countries: string[];
  release_date: string | null;
  cast_names: string[];
  director: string | null;
  translations: MovieTranslations;
}

export interface LinkRow {
  movie_id: string;
  person_id: string;
  name: string;
  role: PersonRole;
}

// release_date as text: a date has no time zone and must not drift through a JS Date.
const movieColumns = sql`m.id, m.title, m.original_title, m.synopsis, m.duration_minutes, m.age_rating, m.genres, m.language,
  m.countries, m.release_date::text as release_date, m.poster, m.backdrop, m.cast_names, m.director, m.created_at, m.updated_at,
  m.translations`;

export async function insertMovie(trx: Executor<CatalogDb>, values: MovieValues, now: Date): Promise<string> {
  const row = await trx
    .insertInto('movies')
    .values({ ...values, translations: JSON.stringify(values.translations), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMovie(
  trx: Executor<CatalogDb>,
  id: string,
  values: Partial<MovieValues>,
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('movies')
    .set({
      ...values,
      translations: values.translations && JSON.stringify(values.translations),
      updated_at: now,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function setMovieImage(
  trx: Executor<CatalogDb>,
  id: string,
  field: 'poster' | 'backdrop',
  image: ImageRecord,
  now: Date,
): Promise<boolean> {
  const r = await trx
    .updateTable('movies')
    .set({ [field]: JSON.stringify(image), updated_at: now } as never)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function deleteMovie(trx: Executor<CatalogDb>, id: string): Promise<boolean> {
  const r = await trx.deleteFrom('movies').where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** Replaces a movie's people links, in the order given. */
export async function replaceLinks(
  trx: Executor<CatalogDb>,
  movieId: string,
  links: { personId: string; role: PersonRole }[],
): Promise<void> {
  await trx.deleteFrom('movie_people').where('movie_id', '=', movieId).execute();
  if (links.length === 0) return;
  await trx
    .insertInto('movie_people')
    .values(links.map((l, i) => ({ movie_id: movieId, person_id: l.personId, role: l.role, position: i })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function findMovies(ex: Executor<CatalogDb>, ids: string[]): Promise<MovieRow[]> {
  if (ids.length === 0) return [];
  const r = await sql<MovieRow>`select ${movieColumns} from movies m where m.id = any(${ids}::uuid[])`.execute(ex);
  return r.rows;
}

export async function linksOf(ex: Executor<CatalogDb>, movieIds: string[]): Promise<LinkRow[]> {
  if (movieIds.length === 0) return [];
  const r = await sql<LinkRow>`
    select mp.movie_id, mp.person_id, p.name, mp.role
    from movie_people mp join people p on p.id = mp.person_id
    where mp.movie_id = any(${movieIds}::uuid[])
    order by mp.movie_id, mp.position, p.name`.execute(ex);
  return r.rows;
}

export async function hasShowtimes(ex: Executor<CatalogDb>, movieId: string): Promise<boolean> {
  const r = await ex.selectFrom('showtimes').select('id').where('movie_id', '=', movieId).limit(1).executeTakeFirst();
  return r !== undefined;
}
