// Listing and searching movies, each page in one statement (people links included). Search
// covers title, original title, cast and director (the stored document: lower case, accents
// stripped) by full text on a GIN-indexed tsvector: every query word must match, as itself when
// the catalog has that word, else as one of its closest catalog words (pg_trgm similarity on the
// small search_words dictionary: typos forgiven); the last word also as a prefix (as you type).
// A query without any word (`%`, `_`) is matched as a substring instead (trigram LIKE). Every
// value is a bound parameter; LIKE wildcards are escaped and lexemes quoted before they become a
// tsquery, so nothing the user types is ever SQL or query syntax.
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { LinkRow, MovieRow } from './movies.store.ts';
import type { CatalogDb } from './catalog.tables.ts';

interface MovieFilters {
  q?: string | undefined;
  genre?: string | undefined;
  status?: 'now_showing' | 'coming_soon' | undefined;
  cinemaId?: string | undefined;
  city?: string | undefined;
}

type MovieListRow = MovieRow & { sort_key: string; links: LinkRow[] };

const COMING_SOON_DAYS = 7;
const MAX_QUERY_WORDS = 8;
const ALTERNATIVES = 4;
// pg_trgm's default word-similarity threshold (0.6) misses one swapped letter in a short name
// ("ferriera"); 0.45 forgives that. Used where names are matched directly (people).
const WORD_SIMILARITY_THRESHOLD = 0.45;

/** Loosens the typo tolerance of `<%` for the rest of the caller's transaction. */
export async function useSearchThreshold(trx: Executor<CatalogDb>): Promise<void> {
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`.execute(
    trx,
  );
}

const columns = sql`m.id, m.title, m.original_title, m.synopsis, m.duration_minutes, m.age_rating, m.genres, m.language,
  m.countries, m.release_date::text as release_date, m.poster, m.backdrop, m.cast_names, m.director, m.created_at, m.updated_at,
  m.translations`;
const normalised = (q: string) => sql`immutable_unaccent(lower(${q}::text))`;
const likePattern = (q: string) =>
  sql`'%' || replace(replace(replace(${normalised(q)}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
const quoted = (word: RawBuilder<unknown>) =>
  sql`'''' || replace(replace(${word}, '\\', '\\\\'), '''', '''''') || ''''`;

/**
 * The query's words as a tsquery, each word itself when the catalog has it, else any of its
 * closest catalog words; null (matching nothing) when some word has neither. An uncorrelated
 * subquery, so PostgreSQL computes it once and the GIN index can use the result.
 */
function wordsQuery(q: string): RawBuilder<unknown> {
  return sql`(select case when count(*) = 0 or bool_or(alts is null) then null else string_agg('(' || alts || ')', ' & ')::tsquery end
    from (
      select nullif(concat_ws(' | ',
        coalesce(
          (select ${quoted(sql`d.word`)} from search_words d where d.word = w.w),
          (select string_agg(${quoted(sql`x.word`)}, ' | ') from (
            select d.word from search_words d where d.word % w.w order by similarity(d.word, w.w) desc, d.word limit ${ALTERNATIVES}) x)),
        case when w.last and length(w.w) >= 2 then ${quoted(sql`w.w`)} || ':*' end), '') as alts
      from (
        select w, pos = max(pos) over () as last
        from (select u.lexeme as w, u.positions[array_upper(u.positions, 1)] as pos from unnest(to_tsvector('simple', ${normalised(q)})) as u) typed
        order by pos limit ${MAX_QUERY_WORDS}) w
    ) per_word)`;
}

/** Whether the query has a word at all (else it is matched as a substring). */
const hasWord = (q: string) => /[\p{L}\p{N}]/u.test(q);

function conditions(f: MovieFilters, now: Date): RawBuilder<unknown>[] {
  const conds: RawBuilder<unknown>[] = [];
  // Showtimes to come at the chosen place (the cinema and/or the city's cinemas, looked up first so
  // each movie costs one probe of (movie, cinema, start)); anywhere when none is chosen.
  const cinema = f.cinemaId !== undefined ? sql` and s.cinema_id = ${f.cinemaId}` : sql``;
  const city =
    f.city !== undefined
      ? sql` and s.cinema_id = any(array(select c.id from cinemas c where lower(c.city) = lower(${f.city})))`
      : sql``;
  const place = sql`${cinema}${city}`;
  const upcoming = sql`s.movie_id = m.id and s.status = 'scheduled' and s.starts_at >= ${now}${place}`;
  if (f.q !== undefined)
    conds.push(hasWord(f.q) ? sql`m.search_tsv @@ ${wordsQuery(f.q)}` : sql`m.search_text like ${likePattern(f.q)}`);
  if (f.genre !== undefined)
    conds.push(sql`exists (select 1 from unnest(m.genres) g where lower(g) = lower(${f.genre}))`);
  if (f.cinemaId !== undefined || f.city !== undefined)
    conds.push(sql`exists (select 1 from showtimes s where ${upcoming})`);
  if (f.status !== undefined) {
    // The two lists never share a movie: now showing is what can be seen at the place within the week
    // (previews of a later release too), coming soon what is released later or first shown there after
    // that week.
    const soon = new Date(now.getTime() + COMING_SOON_DAYS * 86_400_000);
    const week = sql`exists (select 1 from showtimes s where ${upcoming} and s.starts_at < ${soon})`;
    if (f.status === 'now_showing') conds.push(week);
    else
      conds.push(sql`not ${week} and (m.release_date > (${now}::timestamptz at time zone 'UTC')::date
        or exists (select 1 from showtimes s where ${upcoming}))`);
  }
  return conds;
}

// Links are looked up for the page only, after the limit.
const links = sql`coalesce((select json_agg(json_build_object('movie_id', y.id, 'person_id', mp.person_id, 'name', p.name, 'role', mp.role) order by mp.position, p.name)
  from movie_people mp join people p on p.id = mp.person_id where mp.movie_id = y.id), '[]'::json) as links`;

/** One page of movies: newest first, or best match first when searching. `after` is the cursor key. */
export async function listMovies(
  ex: Executor<CatalogDb>,
  f: MovieFilters,
  now: Date,
  limit: number,
  after: string[] | null,
): Promise<MovieListRow[]> {
  const conds = conditions(f, now);
  if (f.q === undefined) {
    if (after) conds.push(sql`(m.created_at, m.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
    const where = conds.length > 0 ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
    const r = await sql<MovieListRow>`
      select y.*, ${links} from (
        select ${columns}, m.created_at::text as sort_key from movies m ${where}
        order by m.created_at desc, m.id desc limit ${limit + 1}) y
      order by y.created_at desc, y.id desc`.execute(ex);
    return r.rows;
  }
  const qn = normalised(f.q);
  const keyset = after
    ? sql`where (x.rank < ${after[0]}::numeric or (x.rank = ${after[0]}::numeric and x.id > ${after[1]}::uuid))`
    : sql``;
  // The whole query as typed first, then likeness to the title (a word of it, then all of it, so
  // "Midnight" comes before "Midnight Garden 7"), then exact words; rounding makes the rank exact
  // text for the cursor.
  const r = await sql<MovieListRow & { rank: string }>`
    select y.*, y.rank::text as sort_key, ${links} from (
      select * from (
        select ${columns},
          round(((m.search_text like ${likePattern(f.q)})::int + word_similarity(${qn}, m.title_search)
            + similarity(${qn}, m.title_search) / 2 + ts_rank(m.search_tsv, plainto_tsquery('simple', ${qn})))::numeric, 6) as rank
        from movies m where ${sql.join(conds, sql` and `)}
      ) x ${keyset}
      order by x.rank desc, x.id asc limit ${limit + 1}) y
    order by y.rank desc, y.id asc`.execute(ex);
  return r.rows;
}
