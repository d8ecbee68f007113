// Listing and searching movies. Search covers title, original title, cast and director (the
// stored document: lower case, accents stripped) in two ways, both backed by GIN indexes: every
// query word as a whole word (full text), where a word the catalog does not contain is replaced by
// its closest catalog words (pg_trgm similarity on the search_words dictionary: typos forgiven);
// or the query as a substring (trigram LIKE, for partial words). Every value is a bound
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

/** A query word and the catalog words it may stand for (itself when the catalog has it). */
export interface SearchTerm {
  word: string;
  alternatives: string[];
}

const COMING_SOON_DAYS = 7;
// pg_trgm's default word-similarity threshold (0.6) misses one swapped letter in a short name
// ("ferriera"); 0.45 forgives that. Used where names are matched directly (people).
const WORD_SIMILARITY_THRESHOLD = 0.45;
const MAX_QUERY_WORDS = 8;
const ALTERNATIVES = 4;

/** Loosens the typo tolerance of `<%` for the rest of the caller's transaction. */
export async function useSearchThreshold(trx: Executor): Promise<void> {
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`.execute(trx);
}
const columns = sql`m.id, m.title, m.original_title, m.synopsis, m.duration_minutes, m.age_rating, m.genres, m.language,
  m.countries, m.release_date::text as release_date, m.poster, m.backdrop, m.cast_names, m.director, m.created_at, m.updated_at`;

/** The query's words (as the documents are split into words) with the catalog words each may mean. */
export async function searchTerms(ex: Executor, q: string): Promise<SearchTerm[]> {
  const r = await sql<{ word: string; alternatives: string[] }>`
    select q.w as word, coalesce(array_agg(d.word order by d.sim desc, d.word) filter (where d.word is not null), '{}') as alternatives
    from (select w from unnest(tsvector_to_array(to_tsvector('simple', immutable_unaccent(lower(${q}::text))))) as w limit ${MAX_QUERY_WORDS}) as q
    left join lateral (
      select word, similarity(word, q.w) as sim from search_words where word % q.w
      order by similarity(word, q.w) desc limit ${ALTERNATIVES}) d on true
    group by q.w`.execute(ex);
  // A word the catalog has means itself only: corrections are for words it does not have.
  return r.rows.map((row) => ({ word: row.word, alternatives: row.alternatives.includes(row.word) ? [row.word] : row.alternatives }));
}

const likePattern = (q: string) =>
  sql`'%' || replace(replace(replace(immutable_unaccent(lower(${q}::text)), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;

/** Every query word, each as itself or one of its alternatives. */
function wordsQuery(terms: SearchTerm[]): RawBuilder<unknown> | null {
  const perWord = terms
    .filter((t) => t.alternatives.length > 0)
    .map((t) => sql`(${sql.join(t.alternatives.map((a) => sql`plainto_tsquery('simple', ${a})`), sql` || `)})`);
  if (perWord.length === 0 || perWord.length < terms.length) return null;
  return sql.join(perWord, sql` && `);
}

function conditions(f: MovieFilters, terms: SearchTerm[], now: Date): RawBuilder<unknown>[] {
  const conds: RawBuilder<unknown>[] = [];
  const upcoming = sql`s.movie_id = m.id and s.status = 'scheduled' and s.starts_at >= ${now}`;
  if (f.q !== undefined) {
    const words = wordsQuery(terms);
    const like = sql`m.search_text like ${likePattern(f.q)}`;
    conds.push(words ? sql`(m.search_tsv @@ (${words}) or ${like})` : like);
  }
  if (f.genre !== undefined) conds.push(sql`exists (select 1 from unnest(m.genres) g where lower(g) = lower(${f.genre}))`);
  if (f.cinemaId !== undefined) conds.push(sql`exists (select 1 from showtimes s where ${upcoming} and s.cinema_id = ${f.cinemaId})`);
  if (f.city !== undefined) {
    // The city's cinemas first, so each movie costs one probe of (movie, cinema, start).
    const cinemas = sql`array(select c.id from cinemas c where lower(c.city) = lower(${f.city}))`;
    conds.push(sql`exists (select 1 from showtimes s where ${upcoming} and s.cinema_id = any(${cinemas}))`);
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
export async function listMovies(
  ex: Executor,
  f: MovieFilters,
  terms: SearchTerm[],
  now: Date,
  limit: number,
  after: string[] | null,
): Promise<MovieListRow[]> {
  const conds = conditions(f, terms, now);
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
  // The whole query as typed first, then likeness to the title, then exact words; rounding makes
  // the rank exact text for the cursor.
  const r = await sql<MovieListRow>`
    select * from (
      select ${columns},
        round(((m.search_text like ${likePattern(f.q)})::int + word_similarity(${qn}, immutable_unaccent(lower(m.title)))
          + ts_rank(m.search_tsv, plainto_tsquery('simple', ${qn})))::numeric, 6) as rank
      from movies m where ${sql.join(conds, sql` and `)}
    ) x ${keyset}
    order by x.rank desc, x.id asc limit ${limit + 1}`.execute(ex);
  return r.rows.map((row) => ({ ...row, sort_key: String((row as unknown as { rank: string }).rank) }));
}
