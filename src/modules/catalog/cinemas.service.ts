// Cinemas (each with its IANA time zone) and the cities they are in.
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { CachedBody, CatalogCache } from './catalog.cache.ts';
import { cinemaNotFound } from './catalog.errors.ts';
import type { CinemaInput } from './cinemas.schemas.ts';
import * as store from './cinemas.store.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { isKnownTimeZone } from './zoned-time.ts';
import type { CatalogDb } from './catalog.tables.ts';

export interface CinemasService {
  /** Cities that have cinemas, as cached JSON. */
  cities(): Promise<CachedBody>;
  /** Cinemas, optionally of one city, as cached JSON. */
  list(query: {
    city?: string | undefined;
    limit?: number | undefined;
    cursor?: string | undefined;
  }): Promise<CachedBody>;
  get(id: string): Promise<CachedBody>;
  create(input: Required<Omit<CinemaInput, 'address'>> & { address?: string | undefined }): Promise<store.CinemaRow>;
  update(id: string, input: CinemaInput): Promise<store.CinemaRow>;
}

export function createCinemasService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  cache: CatalogCache;
}): CinemasService {
  const { clock, cache } = deps;
  const db = moduleDb<CatalogDb>(deps.database);

  async function checkTimeZone(ex: Executor<CatalogDb>, tz: string | undefined): Promise<void> {
    if (tz === undefined) return;
    if (!isKnownTimeZone(tz) || !(await store.databaseKnowsTimeZone(ex, tz))) {
      throw validationFailed('/timezone', 'is not a known IANA time zone (e.g. Europe/Berlin)');
    }
  }

  async function write<T>(fn: (trx: Executor<CatalogDb>) => Promise<T>): Promise<T> {
    const result = await db.transaction().execute(fn);
    await cache.contentChanged();
    return result;
  }

  const trimmed = (input: CinemaInput) => ({
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.city !== undefined ? { city: input.city.trim() } : {}),
    ...(input.address !== undefined ? { address: input.address.trim() } : {}),
    ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
  });

  return {
    cities() {
      // A new key for the array: answers cached in the old paged shape are never served as it.
      return cache.read('city-list', () => store.listCities(db));
    },

    list(query) {
      const limit = query.limit ?? 20;
      const city = query.city?.trim() || undefined;
      return cache.read(`cinemas:${JSON.stringify([city?.toLowerCase(), limit, query.cursor])}`, async () => {
        const rows = await store.listCinemas(
          db,
          city,
          limit,
          decodeCursor(query.cursor || undefined, 'cinemas', ['text', 'uuid']),
        );
        const page = pageOf(rows, limit, 'cinemas', (r) => [r.sort_key, r.id]);
        return { items: page.items.map(({ sort_key: _, ...c }) => c), nextCursor: page.nextCursor };
      });
    },

    get(id) {
      return cache.read(`cinema:${id}`, async () => {
        const cinema = await store.findCinema(db, id);
        if (!cinema) throw cinemaNotFound();
        return cinema;
      });
    },

    async create(input) {
      await checkTimeZone(db, input.timezone);
      const v = trimmed(input);
      const id = await write((trx) =>
        store.insertCinema(
          trx,
          {
            name: v.name ?? input.name,
            city: v.city ?? input.city,
            address: v.address ?? '',
            timezone: input.timezone,
          },
          clock.now(),
        ),
      );
      return (await store.findCinema(db, id)) as store.CinemaRow;
    },

    async update(id, input) {
      await checkTimeZone(db, input.timezone);
      await write(async (trx) => {
        if (!(await store.updateCinema(trx, id, trimmed(input), clock.now()))) throw cinemaNotFound();
      });
      return (await store.findCinema(db, id)) as store.CinemaRow;
    },
  };
}
