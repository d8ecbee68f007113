// The catalog: movies, people, cinemas, halls with seat layouts, showtimes, images, the demo chain.
import path from 'node:path';
import { Counter } from 'prom-client';
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import { createConcurrencyLimit } from '../../platform/http/concurrency-limit.ts';
import { createFileMediaStorage, type MediaStorage } from '../../platform/media/media-storage.ts';
import { registerMediaRoutes } from '../../platform/media/media.routes.ts';
import { createCatalogCache } from './catalog.cache.ts';
import { showtimeNotFound } from './catalog.errors.ts';
import type { CatalogDb, SeatType } from './catalog.tables.ts';
import { registerCinemaRoutes } from './cinemas.routes.ts';
import { createCinemasService } from './cinemas.service.ts';
import { findCinema } from './cinemas.store.ts';
import { seedDemoChain } from './demo/seed-demo.ts';
import { createHallsService, type HallSeat } from './halls.service.ts';
import { findHall } from './halls.store.ts';
import { registerImageRoutes } from './images.routes.ts';
import { createImagesService } from './images.service.ts';
import { createMediaGcJob, mediaPathsInUse } from './media-gc.job.ts';
import type { MovieView } from './movies.schemas.ts';
import { registerMovieRoutes } from './movies.routes.ts';
import { createMoviesService } from './movies.service.ts';
import { createPeopleService } from './people.service.ts';
import type { ShowtimeView } from './showtimes.schemas.ts';
import { registerShowtimeRoutes } from './showtimes.routes.ts';
import { registerShowtimeMoveRoute } from './showtime-move.routes.ts';
import { registerShowtimePricesRoute } from './showtime-prices.routes.ts';
import { createShowtimePricer } from './showtime-prices.service.ts';
import { createShowtimeMover } from './showtime-move.service.ts';
import { createShowtimesService, type ShowtimeCancelRefunds, showtimeView } from './showtimes.service.ts';
import { findShowtimes, type ShowtimeRow } from './showtimes.store.ts';

export type { CatalogReadModel, SeatType, TicketPriceMap } from './catalog.tables.ts';
export { SHOWTIME_PRICES_CHANNEL } from './showtime-channel.ts';
export { demoCinemaIds } from './demo/seed-demo.ts';
export type { HallSeat } from './halls.service.ts';
export { uploadedBytes, RAW_TYPES as IMAGE_UPLOAD_TYPES } from './images.routes.ts';

/** A showtime as other modules need it: what is shown, where, when, and at what prices. */
export interface CatalogShowtime {
  id: string;
  movieId: string;
  hallId: string;
  cinemaId: string;
  startsAt: Date;
  /** Start + running time + the hall's cleaning buffer. */
  endsAt: Date;
  format: string;
  language: string | null;
  subtitles: string | null;
  /** Minor units per seat type; every sellable type the hall has is priced. */
  prices: Readonly<Partial<Record<SeatType, number>>>;
  currency: string;
  status: 'scheduled' | 'cancelled';
  /** When the start last moved; bookings paid before it may be cancelled in full until the start. */
  movedAt: Date | null;
  movie: { id: string; title: string; durationMinutes: number; ageRating: string | null };
  hall: { id: string; name: string; capacity: number };
  cinema: { id: string; name: string; timezone: string; city: string; address: string };
}

interface CatalogHall {
  id: string;
  cinemaId: string;
  name: string;
  capacity: number;
}

/** What booking, payments, tickets and sales may ask of the catalog. Results are cached and frozen. */
export interface CatalogService {
  /** A showtime (also a cancelled or past one) with movie, hall and cinema; null when unknown. */
  getShowtime(id: string): Promise<CatalogShowtime | null>;
  /** Several showtimes at once (cached ones from the cache, the rest in one read), by id; unknown ids left out. */
  getShowtimes(ids: readonly string[]): Promise<Map<string, CatalogShowtime>>;
  /** A hall's cinema, name and capacity; null when unknown. */
  getHall(id: string): Promise<CatalogHall | null>;
  /** A cinema's name, time zone and place (null when its coordinates are not set); null when unknown. */
  getCinema(
    id: string,
  ): Promise<{ id: string; name: string; timezone: string; location: { lat: number; lng: number } | null } | null>;
  /** The hall's active seats, blocked ones included, in drawing order. */
  getHallSeats(hallId: string): Promise<readonly HallSeat[]>;
  /** A movie as the API shows it; null when unknown. */
  getMovie(id: string): Promise<MovieView | null>;
  /** Call after seat claims of the showtime change (hold, payment, release, sweep): its seatsAvailable is recomputed on the next read. */
  invalidateShowtime(id: string): Promise<void>;
  /** Cancels a showtime; `refunds` is the caller's part (see showtimes.service.ts). */
  cancelShowtime(id: string, refunds?: ShowtimeCancelRefunds): Promise<ShowtimeView>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The row as other modules see it (what the `svc-showtime:` cache entries hold). */
function catalogShowtime(r: ShowtimeRow | null | undefined): CatalogShowtime | null {
  if (!r) return null;
  return {
    id: r.id,
    movieId: r.movie_id,
    hallId: r.hall_id,
    cinemaId: r.cinema_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    format: r.format,
    language: r.language,
    subtitles: r.subtitles,
    prices: r.prices,
    currency: r.currency,
    status: r.status,
    movedAt: r.moved_at,
    movie: { id: r.movie_id, title: r.movie_title, durationMinutes: r.duration_minutes, ageRating: r.age_rating },
    hall: { id: r.hall_id, name: r.hall_name, capacity: r.capacity },
    cinema: { id: r.cinema_id, name: r.cinema_name, timezone: r.timezone, city: r.city, address: r.address },
  };
}

/** A cached showtime's JSON with its dates back. */
function reviveShowtime(json: unknown): CatalogShowtime | null {
  if (!json) return null;
  const s = json as CatalogShowtime;
  return {
    ...s,
    startsAt: new Date(s.startsAt),
    endsAt: new Date(s.endsAt),
    movedAt: s.movedAt ? new Date(s.movedAt) : null,
  };
}

export function createCatalogModule(platform: Platform): {
  service: CatalogService;
  media: MediaStorage;
  /** Another module's stored images (concession products): media GC keeps every key it names. */
  addImageUser(keysInUse: () => Promise<Set<string>>): void;
  /** Every key an image user (this module's or another's) points at: check before deleting a shared file. */
  mediaInUse(): Promise<Set<string>>;
  parts: ModuleParts;
} {
  const { database, clock, kv, config, logger } = platform;
  const cache = createCatalogCache({ kv, clock });
  const storage = createFileMediaStorage(path.join(config.dataDir, 'media'));
  const movies = createMoviesService({ database, clock, cache, storage });
  const people = createPeopleService({ database, clock, cache, storage });
  const cinemas = createCinemasService({ database, clock, cache });
  const halls = createHallsService({ database, clock, cache });
  const showtimes = createShowtimesService({ database, clock, cache });
  const moveShowtime = createShowtimeMover({ database, clock, cache, pubsub: platform.pubsub });
  const setShowtimePrices = createShowtimePricer({ database, clock, cache, pubsub: platform.pubsub });
  const images = createImagesService({ database, clock, cache, storage, movies, people });
  const db = moduleDb<CatalogDb>(database);

  const service: CatalogService = {
    async getShowtime(id) {
      if (!UUID.test(id)) return null;
      return cache.value(
        `svc-showtime:${id}`,
        async () => catalogShowtime(await showtimes.load(db, id)),
        reviveShowtime,
      );
    },
    async getShowtimes(ids) {
      const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
      // Cached ones cost nothing; the first miss reads every wanted showtime in one statement, so a
      // page of bookings over 40 showtimes is one query, not 40 (the cache then holds each).
      let batch: Promise<Map<string, ShowtimeRow>> | undefined;
      const readAll = () =>
        (batch ??= findShowtimes(db, wanted, clock.now()).then((rows) => new Map(rows.map((r) => [r.id, r]))));
      const found = await Promise.all(
        wanted.map((id) =>
          cache.value(`svc-showtime:${id}`, async () => catalogShowtime((await readAll()).get(id)), reviveShowtime),
        ),
      );
      const byId = new Map<string, CatalogShowtime>();
      for (const s of found) if (s) byId.set(s.id, s);
      return byId;
    },
    async getHall(id) {
      if (!UUID.test(id)) return null;
      return cache.value(
        `svc-hall:${id}`,
        async () => {
          const h = await findHall(db, id);
          return h ? { id: h.id, cinemaId: h.cinema_id, name: h.name, capacity: h.capacity } : null;
        },
        (json) => json as CatalogHall | null,
      );
    },
    async getCinema(id) {
      if (!UUID.test(id)) return null;
      const c = await findCinema(db, id);
      if (!c) return null;
      const location = c.latitude !== null && c.longitude !== null ? { lat: c.latitude, lng: c.longitude } : null;
      return { id: c.id, name: c.name, timezone: c.timezone, location };
    },
    getHallSeats: (hallId) => (UUID.test(hallId) ? halls.seats(hallId) : Promise.resolve([])),
    async getMovie(id) {
      if (!UUID.test(id)) return null;
      return cache.value(
        `svc-movie:${id}`,
        () => movies.load(db, id),
        (json) => json as MovieView | null,
      );
    },
    invalidateShowtime: () => cache.liveChanged(),
    cancelShowtime: (id, refunds) => showtimes.cancelShowtime(id, refunds),
  };

  // Searches miss every cache with random text: a cap per process keeps a flood of them from
  // taking the database pool and the event loop from every other route.
  const searchRefused = new Counter({
    name: 'marquee_search_refused_total',
    help: 'Searches refused (client: SEARCH_MAX_PER_CLIENT, queue_full: SEARCH_MAX_QUEUED, timeout: waited SEARCH_MAX_WAIT_MS for SEARCH_MAX_CONCURRENT)',
    labelNames: ['reason'] as const,
    registers: [platform.metrics],
  });
  const search = createConcurrencyLimit({
    maxActive: config.searchMaxConcurrent,
    maxQueued: config.searchMaxQueued,
    maxWaitMs: config.searchMaxWaitMs,
    maxPerClient: config.searchMaxPerClient,
    onRefused: (reason) => searchRefused.inc({ reason }),
  });

  const imageUsers: (() => Promise<Set<string>>)[] = [];
  const parts: ModuleParts = {
    jobs: [createMediaGcJob({ database, storage, logger, graceMs: config.mediaGcGraceHours * 3600_000, imageUsers })],
    async routes(app, auth) {
      registerMediaRoutes(app, storage);
      registerMovieRoutes(app, auth, movies, people, search);
      registerCinemaRoutes(app, auth, cinemas, halls);
      registerShowtimeRoutes(app, auth, showtimes);
      const fresh = {
        async fresh(id: string) {
          const row = await showtimes.load(db, id);
          if (!row) throw showtimeNotFound();
          return showtimeView(row);
        },
      };
      registerShowtimeMoveRoute(app, auth, moveShowtime, fresh);
      registerShowtimePricesRoute(app, auth, setShowtimePrices, fresh);
      await registerImageRoutes(app, auth, images);
    },
    async onStart() {
      if (!config.demo) return;
      const result = await seedDemoChain({ database, clock, storage, logger });
      if (result.seeded || result.showtimesAdded > 0) await cache.contentChanged();
    },
  };
  return {
    service,
    media: storage,
    addImageUser: (f) => void imageUsers.push(f),
    mediaInUse: () => mediaPathsInUse(database, imageUsers),
    parts,
  };
}
