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
    near?: string | undefined;
  }): Promise<CachedBody>;
  get(id: string): Promise<CachedBody>;
  create(
    input: Required<Pick<CinemaInput, 'name' | 'city' | 'timezone'>> & Omit<CinemaInput, 'name' | 'city' | 'timezone'>,
  ): Promise<store.CinemaRow>;
  update(id: string, input: CinemaInput): Promise<store.CinemaRow>;
}

const DEGREES = '[-+]?(?:\\d{1,3}(?:\\.\\d{1,12})?|\\.\\d{1,12})';
const NEAR_PATTERN = new RegExp(`^\\s*(${DEGREES})\\s*,\\s*(${DEGREES})\\s*$`);

/** `lat,lng` in decimal degrees, in range; anything else is 422 on /near. */
export function parseNear(raw: string): { lat: number; lng: number } {
  const m = NEAR_PATTERN.exec(raw);
  const lat = Number(m?.[1]);
  const lng = Number(m?.[2]);
  if (!m || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180))
    throw validationFailed(
      '/near',
      'must be "latitude,longitude" in degrees, latitude −90..90 and longitude −180..180',
    );
  return { lat, lng };
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

  /** Both coordinates or neither: a cinema half-placed would be nowhere and somewhere at once. */
  function checkCoordinates(input: CinemaInput): void {
    if ((input.latitude === undefined) !== (input.longitude === undefined))
      throw validationFailed(input.latitude === undefined ? '/latitude' : '/longitude', 'is given with the other');
    if ((input.latitude === null) !== (input.longitude === null))
      throw validationFailed('/latitude', 'latitude and longitude are both set or both null');
  }

  const trimmed = (input: CinemaInput) => ({
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.city !== undefined ? { city: input.city.trim() } : {}),
    ...(input.address !== undefined ? { address: input.address.trim() } : {}),
    ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
    ...(input.latitude !== undefined ? { latitude: input.latitude, longitude: input.longitude ?? null } : {}),
  });

  return {
    cities() {
      // A new key for the array: answers cached in the old paged shape are never served as it.
      return cache.read('city-list', () => store.listCities(db));
    },

    list(query) {
      const limit = query.limit ?? 20;
      const city = query.city?.trim() || undefined;
      if (query.near !== undefined) {
        const near = parseNear(query.near);
        const after = decodeCursor(query.cursor || undefined, 'cinemas-near', ['number', 'uuid']);
        // Arbitrary points make arbitrary keys: cached briefly, so repeats and pages are cheap but
        // the shared cache does not fill with every position ever asked.
        const key = `cinemas-near:${JSON.stringify([near.lat, near.lng, city?.toLowerCase(), limit, query.cursor])}`;
        return cache.read(
          key,
          async () => {
            const rows = await store.listCinemasNear(
              db,
              near,
              city,
              limit,
              after ? [Number(after[0]), after[1] as string] : null,
            );
            const page = pageOf(rows, limit, 'cinemas-near', (r) => [String(r.distance_km), r.id]);
            return {
              items: page.items.map(({ distance_km, ...c }) => ({
                ...c,
                distanceKm: Math.round(distance_km * 1000) / 1000,
              })),
              nextCursor: page.nextCursor,
            };
          },
          { ttlMs: 60_000 },
        );
      }
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
      checkCoordinates(input);
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
            latitude: input.latitude ?? null,
            longitude: input.longitude ?? null,
          },
          clock.now(),
        ),
      );
      return (await store.findCinema(db, id)) as store.CinemaRow;
    },

    async update(id, input) {
      checkCoordinates(input);
      await checkTimeZone(db, input.timezone);
      await write(async (trx) => {
        if (!(await store.updateCinema(trx, id, trimmed(input), clock.now()))) throw cinemaNotFound();
      });
      return (await store.findCinema(db, id)) as store.CinemaRow;
    },
  };
}
