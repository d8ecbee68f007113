// Seeds the demo chain into an empty catalog, once, whatever the number of processes starting at
// the same moment (an advisory lock, then a second look). On later starts it only tops up the
// demo halls' programme so there are always 14 days of showtimes ahead.
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../../platform/db/module-db.ts';
import type { MediaStorage } from '../../../platform/media/media-storage.ts';
import { readSetting, writeSetting } from '../../../platform/settings.ts';
import { checkLayout } from '../hall-layout.ts';
import { replaceSeats } from '../halls.store.ts';
import { localDateOf } from '../zoned-time.ts';
import { type DemoCinema, demoCinemas } from './demo-cinemas.ts';
import { DEMO_MOVIES, DEMO_PEOPLE } from './demo-movies.ts';
import { renderPoster } from './demo-posters.ts';
import { type DemoFilm, type PlannedShowtime, planDay } from './demo-schedule.ts';
import type { CatalogDb } from '../catalog.tables.ts';

export interface SeedResult {
  /** The chain was created by this run. */
  seeded: boolean;
  showtimesAdded: number;
  /** The database holds the demo chain (false: it had other data, so nothing was done). */
  demo: boolean;
}

interface Marker {
  seededOn: string;
  movies: Record<string, string>;
  halls: Record<string, string>;
  cinemas: Record<string, string>;
}

const MARKER_KEY = 'catalog.demo';
const LOCK_KEY = 7_302_411_930;
const DAYS = 14;

async function readMarker(ex: Executor<CatalogDb>): Promise<Marker | null> {
  const value = await readSetting(ex, MARKER_KEY);
  return value === undefined ? null : (JSON.parse(value) as Marker);
}

/** The demo chain's cinema ids by key (berlin, lisbon, new-york), once it is seeded: other modules' demo data. */
export async function demoCinemaIds(database: ModuleDatabase): Promise<Record<string, string>> {
  return (await readMarker(moduleDb<CatalogDb>(database)))?.cinemas ?? {};
}

async function catalogIsEmpty(ex: Executor<CatalogDb>): Promise<boolean> {
  const r = await sql<{
    used: boolean;
  }>`select exists (select 1 from movies) or exists (select 1 from cinemas) as used`.execute(ex);
  return r.rows[0]?.used !== true;
}

/**
 * The demo's prices per ticket type (the types sales gives demo cinemas: sales/demo-ticket-types.ts):
 * adults pay the seat's price, children about two thirds, seniors and students less, companions of
 * guests with a disability nothing. Rounded to 50 cents.
 */
export function demoTicketPrices(prices: Record<string, number>): Record<string, Record<string, number>> {
  const share = (f: number) =>
    Object.fromEntries(Object.entries(prices).map(([type, p]) => [type, Math.round((p * f) / 50) * 50]));
  return { adult: prices, child: share(0.65), senior: share(0.8), student: share(0.85), companion: share(0) };
}

async function insertShowtimes(trx: Executor<CatalogDb>, planned: PlannedShowtime[], now: Date): Promise<number> {
  if (planned.length === 0) return 0;
  // One statement for all; a slot that collides with a showtime someone scheduled by hand is skipped.
  const rows = planned.map((p) => ({ ...p, ticket_prices: demoTicketPrices(p.prices) }));
  const r = await sql`
    insert into showtimes (movie_id, hall_id, cinema_id, starts_at, ends_at, format, language, subtitles, prices, ticket_prices, currency, created_at, updated_at)
    select r.movie_id, r.hall_id, r.cinema_id, r.starts_at, r.ends_at, r.format, r.language, r.subtitles, r.prices, r.ticket_prices, r.currency, ${now}, ${now}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(movie_id uuid, hall_id uuid, cinema_id uuid, starts_at timestamptz,
      ends_at timestamptz, format text, language text, subtitles text, prices jsonb, ticket_prices jsonb, currency text)
    on conflict do nothing`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/** Plans the days from today (cinema time) that a demo hall has no showtimes on yet. */
async function topUp(trx: Executor<CatalogDb>, marker: Marker, now: Date): Promise<number> {
  const films = new Map<string, DemoFilm>();
  const movies = await trx
    .selectFrom('movies')
    .select(['id', 'duration_minutes', 'language'])
    .where('id', 'in', Object.values(marker.movies))
    .execute();
  for (const m of DEMO_MOVIES) {
    const row = movies.find((r) => r.id === marker.movies[m.key]);
    const sinceSeed = Math.round((Date.parse(localDateOf(now, 'UTC')) - Date.parse(marker.seededOn)) / 86_400_000);
    if (row)
      films.set(m.key, {
        id: row.id,
        key: m.key,
        durationMinutes: row.duration_minutes,
        language: row.language ?? m.language,
        releaseInDays: m.releaseInDays - sinceSeed,
      });
  }
  const planned: PlannedShowtime[] = [];
  for (const cinema of demoCinemas()) {
    const cinemaId = marker.cinemas[cinema.key];
    if (!cinemaId) continue;
    const today = localDateOf(now, cinema.timezone);
    for (const [index, hall] of cinema.halls.entries()) {
      const hallId = marker.halls[hall.key];
      if (!hallId) continue;
      const busy = await sql<{ day: string }>`
        select distinct (starts_at at time zone ${cinema.timezone})::date::text as day from showtimes
        where hall_id = ${hallId} and status = 'scheduled' and starts_at >= ${now}`.execute(trx);
      const taken = new Set(busy.rows.map((r) => r.day));
      for (let d = 0; d < DAYS; d++) {
        const day = planDay({ ...cinema, id: cinemaId }, { ...hall, id: hallId, index }, films, today, d, now);
        if (day.length > 0 && !taken.has(localDateOf(new Date(day[0]?.starts_at ?? 0), cinema.timezone)))
          planned.push(...day);
      }
    }
  }
  return insertShowtimes(trx, planned, now);
}

async function insertChain(trx: Executor<CatalogDb>, now: Date): Promise<Marker> {
  const people = await trx
    .insertInto('people')
    .values(DEMO_PEOPLE.map((p) => ({ name: p.name, bio: p.bio, created_at: now, updated_at: now })))
    .returning(['id', 'name'])
    .execute();
  const personId = new Map(DEMO_PEOPLE.map((p) => [p.key, people.find((r) => r.name === p.name)?.id as string]));
  const movieRows = await trx
    .insertInto('movies')
    .values(
      DEMO_MOVIES.map((m, i) => ({
        title: m.title,
        original_title: m.originalTitle ?? null,
        synopsis: m.synopsis,
        duration_minutes: m.durationMinutes,
        age_rating: m.ageRating,
        genres: m.genres,
        language: m.language,
        countries: m.countries,
        release_date: new Date(now.getTime() + m.releaseInDays * 86_400_000).toISOString().slice(0, 10),
        cast_names: m.cast,
        director: m.director,
        // Newest first in lists follows the order above.
        created_at: new Date(now.getTime() - i),
        updated_at: now,
      })),
    )
    .returning(['id', 'title'])
    .execute();
  const movies = Object.fromEntries(
    DEMO_MOVIES.map((m) => [m.key, movieRows.find((r) => r.title === m.title)?.id as string]),
  );
  await trx
    .insertInto('movie_people')
    .values(
      DEMO_MOVIES.flatMap((m) =>
        m.people.map((p, position) => ({
          movie_id: movies[m.key] as string,
          person_id: personId.get(p.key) as string,
          role: p.role,
          position,
        })),
      ),
    )
    .execute();
  const marker: Marker = { seededOn: localDateOf(now, 'UTC'), movies, halls: {}, cinemas: {} };
  for (const cinema of demoCinemas()) await insertCinema(trx, cinema, marker, now);
  return marker;
}

async function insertCinema(trx: Executor<CatalogDb>, cinema: DemoCinema, marker: Marker, now: Date): Promise<void> {
  const { id } = await trx
    .insertInto('cinemas')
    .values({
      name: cinema.name,
      city: cinema.city,
      address: cinema.address,
      timezone: cinema.timezone,
      latitude: cinema.latitude,
      longitude: cinema.longitude,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  marker.cinemas[cinema.key] = id;
  for (const hall of cinema.halls) {
    const checked = checkLayout(hall.layout);
    const row = await trx
      .insertInto('halls')
      .values({
        cinema_id: id,
        name: hall.name,
        cleaning_minutes: hall.cleaningMinutes,
        layout: JSON.stringify(checked.layout) as never,
        capacity: checked.capacity,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceSeats(trx, row.id, checked.seats);
    marker.halls[hall.key] = row.id;
  }
}

/** Seeds the demo chain into an empty catalog, or tops up its programme; safe to run any number of times. */
export async function seedDemoChain(deps: {
  database: ModuleDatabase;
  clock: Clock;
  storage: MediaStorage;
  logger: Logger;
}): Promise<SeedResult> {
  const db = moduleDb<CatalogDb>(deps.database);
  const now = deps.clock.now();
  const started = Date.now();
  const existing = await readMarker(db);
  if (!existing && !(await catalogIsEmpty(db))) return { seeded: false, showtimesAdded: 0, demo: false };
  // Posters render on sharp's threads while the rows are written. They are files named by their
  // content, so rendering them and then finding the chain seeded by another process is harmless.
  const posters = existing
    ? null
    : Promise.all(DEMO_MOVIES.map(async (m) => ({ key: m.key, poster: await renderPoster(deps.storage, m) })));
  posters?.catch(() => {});
  const result = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const marker = await readMarker(trx);
    if (marker) return { seeded: false, showtimesAdded: await topUp(trx, marker, now), demo: true };
    if (!(await catalogIsEmpty(trx))) return { seeded: false, showtimesAdded: 0, demo: false };
    const created = await insertChain(trx, now);
    const rendered = (await posters) ?? [];
    const withIds = rendered.map((p) => ({ id: created.movies[p.key], poster: p.poster }));
    await sql`update movies m set poster = r.poster from jsonb_to_recordset(${JSON.stringify(withIds)}::jsonb) as r(id uuid, poster jsonb) where m.id = r.id`.execute(
      trx,
    );
    await writeSetting(trx, MARKER_KEY, JSON.stringify(created));
    return { seeded: true, showtimesAdded: await topUp(trx, created, now), demo: true };
  });
  if (result.seeded || result.showtimesAdded > 0) {
    deps.logger.info(
      { seeded: result.seeded, showtimesAdded: result.showtimesAdded, ms: Date.now() - started },
      result.seeded ? 'demo chain seeded' : 'demo programme topped up',
    );
  }
  return result;
}
