// Movies: admin writes (validated, links to people checked) and cached public reads.
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { translatePgError } from '../../platform/db/pg-errors.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import type { CachedBody, CatalogCache } from './catalog.cache.ts';
import { movieInUse, movieNotFound } from './catalog.errors.ts';
import { movieView } from './catalog.views.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { listMovies } from './movie-search.store.ts';
import type { CreateMovieInput, MovieQueryInput, MovieView, UpdateMovieInput } from './movies.schemas.ts';
import * as store from './movies.store.ts';
import { existingPeople } from './people.store.ts';
import type { Gate } from '../../platform/http/concurrency-limit.ts';
import type { CatalogDb, MovieText, MovieTranslations } from './catalog.tables.ts';
import { DEFAULT_LANG, type Lang } from '../../platform/i18n.ts';

export interface MoviesService {
  /**
   * A page of movies (search, filters) as cached JSON, `localized` in `lang` (cached per language).
   * `gate` bounds the database work of a cache miss (the search slots); a hit never waits.
   */
  list(query: MovieQueryInput, gate?: Gate, lang?: Lang): Promise<CachedBody>;
  /** One movie as cached JSON, `localized` in `lang` (cached per language); 404 when unknown. */
  get(id: string, lang?: Lang): Promise<CachedBody>;
  /** One movie, read fresh from the database (null when unknown). */
  load(ex: Executor<CatalogDb>, id: string, lang?: Lang): Promise<MovieView | null>;
  create(input: CreateMovieInput): Promise<MovieView>;
  update(id: string, input: UpdateMovieInput): Promise<MovieView>;
  /** Deletes a movie; 409 movie_in_use while any showtime refers to it. */
  remove(id: string): Promise<void>;
}

const LIST_QUERY_TTL_MS = 5 * 60 * 1000;
// A movie's showing status changes as time passes without any write.
const STATUS_BUCKET_MS = 60 * 1000;

/** Translations as stored: trimmed titles, genres once each, languages with nothing left out. */
function translationValues(input: NonNullable<UpdateMovieInput['translations']>): MovieTranslations {
  const out: MovieTranslations = {};
  for (const [lang, text] of Object.entries(input) as [keyof MovieTranslations, MovieText | undefined][]) {
    if (!text) continue;
    const kept: MovieText = {
      ...(text.title !== undefined ? { title: text.title.trim() } : {}),
      ...(text.synopsis ? { synopsis: text.synopsis } : {}),
      ...(text.genres?.length ? { genres: [...new Set(text.genres.map((g) => g.trim()))] } : {}),
    };
    if (Object.keys(kept).length > 0) out[lang] = kept;
  }
  return out;
}

function values(input: UpdateMovieInput): Partial<store.MovieValues> {
  const v: Partial<store.MovieValues> = {};
  if (input.title !== undefined) v.title = input.title.trim();
  if (input.originalTitle !== undefined) v.original_title = input.originalTitle;
  if (input.synopsis !== undefined) v.synopsis = input.synopsis;
  if (input.durationMinutes !== undefined) v.duration_minutes = input.durationMinutes;
  if (input.ageRating !== undefined) v.age_rating = input.ageRating;
  if (input.genres !== undefined) v.genres = [...new Set(input.genres.map((g) => g.trim()))];
  if (input.language !== undefined) v.language = input.language;
  if (input.countries !== undefined) v.countries = input.countries;
  if (input.releaseDate !== undefined) v.release_date = input.releaseDate;
  if (input.cast !== undefined) v.cast_names = input.cast;
  if (input.director !== undefined) v.director = input.director;
  if (input.translations !== undefined) v.translations = translationValues(input.translations);
  return v;
}

export function createMoviesService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  cache: CatalogCache;
  storage: MediaStorage;
}): MoviesService {
  const { clock, cache, storage } = deps;
  const db = moduleDb<CatalogDb>(deps.database);

  async function load(ex: Executor<CatalogDb>, id: string, lang: Lang = DEFAULT_LANG): Promise<MovieView | null> {
    const [row] = await store.findMovies(ex, [id]);
    if (!row) return null;
    return movieView(storage, row, await store.linksOf(ex, [id]), lang);
  }

  async function checkPeople(trx: Executor<CatalogDb>, people: CreateMovieInput['people']): Promise<void> {
    if (!people?.length) return;
    const known = await existingPeople(trx, [...new Set(people.map((p) => p.personId))]);
    const missing = people.findIndex((p) => !known.has(p.personId));
    if (missing >= 0) throw validationFailed(`/people/${missing}/personId`, 'is not a known person');
  }

  async function write<T>(fn: (trx: Executor<CatalogDb>) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(fn);
    await cache.contentChanged();
    return result;
  }

  return {
    list(query, gate = (work) => work(), lang = DEFAULT_LANG) {
      const limit = query.limit ?? 20;
      const filters = {
        q: query.q?.trim() || undefined,
        genre: query.genre,
        status: query.status,
        cinemaId: query.cinemaId,
        city: query.city,
      };
      const timed = filters.status !== undefined || filters.cinemaId !== undefined || filters.city !== undefined;
      const key = `movies:${JSON.stringify([filters.q, filters.genre, filters.status, filters.cinemaId, filters.city?.toLowerCase(), limit, query.cursor, lang])}`;
      return cache.read(
        key,
        () =>
          gate(async () => {
            const after = decodeCursor(
              query.cursor || undefined,
              filters.q ? 'movies-q' : 'movies',
              filters.q ? ['number', 'uuid'] : ['timestamp', 'uuid'],
            );
            const rows = await listMovies(db, filters, clock.now(), limit, after);
            const page = pageOf(rows, limit, filters.q ? 'movies-q' : 'movies', (r) => [r.sort_key, r.id]);
            const items = page.items.map((r) => movieView(storage, r, r.links, lang));
            return { items, nextCursor: page.nextCursor };
          }),
        { ...(timed ? { bucketMs: STATUS_BUCKET_MS } : {}), ...(filters.q ? { ttlMs: LIST_QUERY_TTL_MS } : {}) },
      );
    },

    get(id, lang = DEFAULT_LANG) {
      return cache.read(`movie:${id}:${lang}`, async () => {
        const movie = await load(db, id, lang);
        if (!movie) throw movieNotFound();
        return movie;
      });
    },

    load,

    async create(input) {
      const id = await write(async (trx) => {
        await checkPeople(trx, input.people);
        const v = values(input);
        const id = await store.insertMovie(
          trx,
          {
            title: v.title ?? input.title,
            duration_minutes: input.durationMinutes,
            original_title: v.original_title ?? null,
            synopsis: v.synopsis ?? '',
            age_rating: v.age_rating ?? null,
            genres: v.genres ?? [],
            language: v.language ?? null,
            countries: v.countries ?? [],
            release_date: v.release_date ?? null,
            cast_names: v.cast_names ?? [],
            director: v.director ?? null,
            translations: v.translations ?? {},
          },
          clock.now(),
        );
        if (input.people) await store.replaceLinks(trx, id, input.people);
        return id;
      });
      return (await load(db, id)) as MovieView;
    },

    async update(id, input) {
      await write(async (trx) => {
        await checkPeople(trx, input.people);
        if (!(await store.updateMovie(trx, id, values(input), clock.now()))) throw movieNotFound();
        if (input.people) await store.replaceLinks(trx, id, input.people);
      });
      return (await load(db, id)) as MovieView;
    },

    async remove(id) {
      await write(async (trx) => {
        if (await store.hasShowtimes(trx, id)) throw movieInUse();
        try {
          if (!(await store.deleteMovie(trx, id))) throw movieNotFound();
        } catch (err) {
          // A showtime added since the check: the foreign key refuses the delete.
          throw translatePgError(err, { showtimes_movie_id_fkey: ['conflict', 'movie_in_use', movieInUse().message] });
        }
      });
    },
  };
}
