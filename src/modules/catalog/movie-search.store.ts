// Listing and searching movies. Search is over title, original title, cast and director (the
// stored `search_text`: lower case, accents stripped) and linked people's names, matched three
// ways, each backed by an index: substring (trigram LIKE), a similar word (pg_trgm word
// similarity, which forgives a typo or two) and all words (full text). Every value is a bound
// parameter; LIKE wildcards in the query are escaped, so `%` or `_` match themselves.
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { MovieRow } from './movies.store.ts';

export interface MovieFilters {
  q?: string | undefined;
  genre?: string | undefined;
  status?: 'now_showing' | 'coming_soon' | undefined;
  cinemaId?: string | undefined;
  city?: string | undefined;
}

export type MovieListRow = MovieRow & { sort_key: string };

const COMING_SOON_DAYS = 7;
// pg_trgm's default word-similarity threshold (0.6) misses one swapped letter in a short name
// ("ferriera"); 0.45 forgives that and still ranks exact matches first.
const WORD_SIMILARITY_THRESHOLD = 0.45;

/** Loosens the typo tolerance of `<%` for the rest of the caller's transaction. */
export async function useSearchThreshold(trx: Executor): Promise<void> {
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`.execute(trx);
}
const columns = sql`m.id, m.title, m.original_title, m.synopsis, m.duration_minutes, m.age_rating, m.genres, m.language,
  m.countries, m.release_date::text as release_date, m.poster, m.backdrop, m.cast_names, m.director, m.created_at, m.updated_at`;

function conditions(f: MovieFilters, now: Date): RawBuilder<unknown>[] {
  const conds: RawBuilder<unknown>[] = [];
  const upcoming = sql`s.movie_id = m.id and s.status = 'scheduled' and s.starts_at >= ${now}`;
  if (f.q !== undefined) {
    const qn = sql`immutable_unaccent(lower(${f.q}::text))`;
    const like = sql`'%' || replace(replace(replace(${qn}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
    conds.push(sql`(
      m.search_text like ${like}
      or ${qn} <% m.search_text
      or to_tsvector('simple', m.search_text) @@ plainto_tsquery('simple', ${qn})
      or m.id in (select mp.movie_id from movie_people mp join people p on p.id = mp.person_id
                  where ${qn} <% immutable_unaccent(lower(p.name)) or immutable_unaccent(lower(p.name)) like ${like}))`);
  }
  if (f.genre !== undefined) conds.push(sql`exists (select 1 from unnest(m.genres) g where lower(g) = lower(${f.genre}))`);
  if (f.cinemaId !== undefined) conds.push(sql`exists (select 1 from showtimes s where ${upcoming} and s.cinema_id = ${f.cinemaId})`);
  if (f.city !== undefined) {
    conds.push(sql`exists (select 1 from showtimes s join cinemas c on c.id = s.cinema_id where ${upcoming} and lower(c.city) = lower(${f.city}))`);
  }
  if (f.status === 'now_showing') conds.push(sql`exists (select 1 from showtimes s where ${upcoming})`);
  if (f.status === 'coming_soon') {
    const soon = new Date(now.getTime() + COMING_SOON_DAYS * 86_400_000);
    conds.push(sql`(m.release_date > (${now}::timestamptz at time zone 'UTC')::date
      or (select min(s.starts_at) from showtimes s where ${upcoming}) > ${soon})`);
  }
  return conds;
}

/** One page of movies: newest first, or best match first when searching. `after` is the cursor key. */
export async function listMovies(ex: Executor, f: MovieFilters, now: Date, limit: number, after: string[] | null): Promise<MovieListRow[]> {
  const conds = conditions(f, now);
  if (f.q === undefined) {
    if (after) conds.push(sql`(m.created_at, m.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const where = conds.length > 0 ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
    const r = await sql<MovieListRow>`
      select ${columns}, m.created_at::text as sort_key from movies m ${where}
      order by m.created_at desc, m.id desc limit ${limit + 1}`.execute(ex);
    return r.rows;
  }
  const qn = sql`immutable_unaccent(lower(${f.q}::text))`;
  const keyset = after ? sql`where (x.rank < ${after[0]}::numeric or (x.rank = ${after[0]}::numeric and x.id > ${after[1]}::uuid))` : sql``;
  // Title matches count double; rounding makes the rank exact text for the cursor.
  const r = await sql<MovieListRow>`
    select * from (
      select ${columns},
        round(((2 * word_similarity(${qn}, immutable_unaccent(lower(m.title))) + word_similarity(${qn}, m.search_text)) / 3)::numeric, 6) as rank
      from movies m where ${sql.join(conds, sql` and `)}
    ) x ${keyset}
    order by x.rank desc, x.id asc limit ${limit + 1}`.execute(ex);
  return r.rows.map((row) => ({ ...row, sort_key: String((row as unknown as { rank: string }).rank) }));
}
