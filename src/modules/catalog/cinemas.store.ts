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
  latitude: number | null;
  longitude: number | null;
}

interface CinemaValues {
  name: string;
  city: string;
  address: string;
  timezone: string;
  latitude?: number | null;
  longitude?: number | null;
}

const cinemaColumns = ['id', 'name', 'city', 'address', 'timezone', 'latitude', 'longitude'] as const;

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

const EARTH_RADIUS_KM = 6371.0088;
/** Half the circumference: no two points are further apart, so a search this wide has seen everything. */
const MAX_RADIUS_KM = Math.PI * EARTH_RADIUS_KM;
const FIRST_RADIUS_KM = 50;
const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

/**
 * The latitude band and longitude ranges that hold every point within `radiusKm` of (lat, lng):
 * a band touching a pole takes every longitude; one crossing the antimeridian is split in two.
 */
export function boundingBox(
  lat: number,
  lng: number,
  radiusKm: number,
): { minLat: number; maxLat: number; lngRanges: [number, number][] } {
  const dLat = toDeg(radiusKm / EARTH_RADIUS_KM);
  const minLat = lat - dLat;
  const maxLat = lat + dLat;
  if (minLat <= -90 || maxLat >= 90 || radiusKm >= MAX_RADIUS_KM) {
    return { minLat: Math.max(minLat, -90), maxLat: Math.min(maxLat, 90), lngRanges: [[-180, 180]] };
  }
  // The widest longitude offset of the circle (at latitude asin(sin lat / cos r)), not r / cos(lat).
  const dLng = toDeg(Math.asin(Math.min(1, Math.sin(radiusKm / EARTH_RADIUS_KM) / Math.cos(toRad(lat)))));
  const west = lng - dLng;
  const east = lng + dLng;
  if (dLng >= 180) return { minLat, maxLat, lngRanges: [[-180, 180]] };
  if (west < -180)
    return {
      minLat,
      maxLat,
      lngRanges: [
        [west + 360, 180],
        [-180, east],
      ],
    };
  if (east > 180)
    return {
      minLat,
      maxLat,
      lngRanges: [
        [west, 180],
        [-180, east - 360],
      ],
    };
  return { minLat, maxLat, lngRanges: [[west, east]] };
}

/**
 * Cinemas with coordinates by great-circle distance from (lat, lng), then id, after the keyset
 * position `after` ([distance km, id]). The radius grows (×4 from 50 km) until it holds `limit + 1`
 * cinemas past the position or covers the earth: every cinema within the radius is inside the box
 * (the btree on (latitude, longitude) reads only that), and one outside it is further than all kept.
 */
export async function listCinemasNear(
  ex: Executor<CatalogDb>,
  near: { lat: number; lng: number },
  city: string | undefined,
  limit: number,
  after: [number, string] | null,
): Promise<(CinemaRow & { distance_km: number })[]> {
  const { lat, lng } = near;
  const distance = sql<number>`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(latitude - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(latitude)) * power(sin(radians(longitude - ${lng}::float8) / 2), 2)))))`;
  let radius = Math.max(FIRST_RADIUS_KM, (after?.[0] ?? 0) * 2);
  for (;;) {
    const box = boundingBox(lat, lng, radius);
    let q = ex
      .selectFrom('cinemas')
      .select([...cinemaColumns, distance.as('distance_km')])
      .where('latitude', '>=', box.minLat)
      .where('latitude', '<=', box.maxLat)
      .where((eb) =>
        eb.or(box.lngRanges.map(([w, e]) => eb.and([eb('longitude', '>=', w), eb('longitude', '<=', e)]))),
      );
    if (city !== undefined) q = q.where(sql`lower(city)`, '=', city.toLowerCase());
    const covered = radius >= MAX_RADIUS_KM;
    if (!covered) q = q.where(distance, '<=', radius);
    if (after) q = q.where(sql`(${distance}, id)`, '>', sql`(${after[0]}::float8, ${after[1]}::uuid)`);
    const rows = (await q
      .orderBy(distance)
      .orderBy('id')
      .limit(limit + 1)
      .execute()) as (CinemaRow & { distance_km: number })[];
    if (rows.length > limit || covered) return rows;
    radius = Math.min(radius * 4, MAX_RADIUS_KM);
  }
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
