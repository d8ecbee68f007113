// Booking: holds, the live seat map, release, the hold sweeper and the staff report's counts. The
// payments module confirms and refunds through the BookingService (see payment-seam.ts), and serves
// the booking reads and the report, composed with tickets and refunds (payments/booking-detail.ts).
import { Counter, Gauge, Histogram } from 'prom-client';
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { createStreamSlots, type StreamSlots } from '../../platform/http/stream-slots.ts';
import { type CatalogService, SHOWTIME_PRICES_CHANNEL } from '../catalog/catalog.module.ts';
import { createCatalogCache } from './booking-catalog.cache.ts';
import { registerBestSeatsRoute } from './best-seats.routes.ts';
import { createSeatFinder, type SeatFinder } from './best-seats.service.ts';
import { registerBlockRoutes } from './blocks.routes.ts';
import { createBlocksService } from './blocks.service.ts';
import { registerBookingRoutes } from './booking.routes.ts';
import { type BookingService, createBookingService } from './booking.service.ts';
import { type ClaimStore, createClaimStore, DEFAULT_BATCH } from './claims.store.ts';
import { subscribeGuestAttach } from './guest-attach.ts';
import { createGuestService, type GuestService } from './guest.service.ts';
import { registerHoldExtensionRoute } from './hold-extension.routes.ts';
import { createHoldExtension } from './hold-extension.service.ts';
import { createHoldSeats } from './hold.service.ts';
import { createReportService, type ReportService } from './report.service.ts';
import { createSeatChangeBus } from './seat-changes.ts';
import { createSeatFeed, type SeatFeed } from './seat-feed.ts';
import { echoSeatChanges } from './seat-feed-echo.ts';
import { createSeatMapService, type SeatMapService } from './seat-map.service.ts';
import { registerSeatRoutes } from './seats.routes.ts';
import { createHoldSweeper } from './sweeper.job.ts';

export type { BookingService } from './booking.service.ts';
export { guestPassHook, guestPassOf, sameSiteOnly } from './guest-pass.ts';
export type { BookingReadModel, BookingStatus } from './booking.tables.ts';
export type { SeatChanges } from './seat-changes.ts';
export type { SeatFinder } from './best-seats.service.ts';
export type { Buyer, HoldOptions } from './hold.service.ts';

export interface BookingModule {
  service: BookingService;
  /** Guest checkout: management tokens and attaching guest bookings to a verified account. */
  guests: GuestService;
  reports: ReportService;
  seatMap: SeatMapService;
  /** Best available seats, and the seats a waiting-list offer takes. */
  finder: SeatFinder;
  feed: SeatFeed;
  /** Open live streams, capped per process and per client address. */
  streams: StreamSlots;
  parts: ModuleParts;
  /** Test seam: the crowd tests swap in an unprotected claim store to show they catch a double sale. */
  testing: { useClaimStore(store: ClaimStore): void };
}

export function createBookingModule(
  platform: Platform,
  deps: {
    catalog: CatalogService;
    /** An account's address once verified (accounts), to attach its guest bookings. */
    verifiedEmail?: (userId: string) => Promise<string | null>;
    /** The account whose verified address this is, if any (accounts' users.verifiedUserByEmail). */
    verifiedUserByEmail?: (email: string) => Promise<string | null>;
    /** A staff member's name for the list of seat blocks (accounts). */
    nameOf?: (userId: string) => Promise<string | null>;
  },
): BookingModule {
  const { database, clock, config, pubsub, logger } = platform;
  const catalog = createCatalogCache(database);
  // New showtime prices apply to the next hold in every process, not after the cache's few seconds.
  const stopPrices = pubsub
    .subscribe(SHOWTIME_PRICES_CHANNEL, (showtimeId) => catalog.forget(showtimeId))
    .catch((err: unknown) => {
      logger.warn({ err }, 'price changes will reach holds only when the catalog cache expires');
      return async () => {};
    });
  const seatMap = createSeatMapService({ database, clock, catalog });
  // A claim change also moves the catalog's `seatsAvailable`; its shared cache learns it at once.
  const onLocalChange = (id: string) => {
    seatMap.invalidate(id);
    deps.catalog
      .invalidateShowtime(id)
      .catch((err: unknown) => logger.warn({ err, showtimeId: id }, 'catalog cache not invalidated'));
  };
  const bus = createSeatChangeBus({ pubsub, logger, onLocalChange });
  const feed = createSeatFeed({ pubsub, bus, seatMap, logger, database });
  const stopEcho = echoSeatChanges(platform.taps, bus);
  const batchSizes = new Histogram({
    name: 'marquee_hold_batch_size',
    help: 'Holds decided together in one database statement',
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers: [platform.metrics],
  });
  const refused = new Counter({
    name: 'marquee_sse_refused_total',
    help: 'Live seat-map streams refused over a cap (client: SSE_MAX_PER_CLIENT, process: SSE_MAX_CONNECTIONS)',
    labelNames: ['cap'] as const,
    registers: [platform.metrics],
  });
  for (const cap of ['client', 'process'] as const) refused.inc({ cap }, 0);
  const streams = createStreamSlots({
    maxTotal: config.sseMaxConnections,
    maxPerClient: config.sseMaxPerClient,
    onRefused: (cap) => refused.inc({ cap }),
  });
  new Gauge({
    name: 'marquee_sse_connections',
    help: 'Live seat-map streams open in this process',
    registers: [platform.metrics],
    collect() {
      this.set(streams.open());
    },
  });
  let claims: ClaimStore = createClaimStore(database, logger, {
    ...DEFAULT_BATCH,
    onBatch: (n) => batchSizes.observe(n),
  });
  // Holds by cinema (a handful of ids): counted by the process that made them, summed by Prometheus.
  const holdLabels = ['cinema', 'currency'] as const;
  const holds = new Counter({
    name: 'marquee_holds_total',
    help: 'Holds made, by cinema and currency',
    labelNames: holdLabels,
    registers: [platform.metrics],
  });
  const heldSeats = new Counter({
    name: 'marquee_held_seats_total',
    help: 'Seats held, by cinema and currency',
    labelNames: holdLabels,
    registers: [platform.metrics],
  });
  const hold = createHoldSeats({
    database,
    clock,
    holdMinutes: config.holdMinutes,
    maxSeatsPerCustomer: config.maxSeatsPerCustomer,
    catalog,
    bus,
    claims: () => claims,
    onHeld: ({ seats, ...labels }) => {
      holds.inc(labels);
      heldSeats.inc(labels, seats);
    },
  });
  const extendHold = createHoldExtension({ database, clock, extensionMinutes: config.holdExtensionMinutes });
  const service = createBookingService({ database, clock, bus, hold, extendHold });
  const reports = createReportService({ database, clock, catalog });
  const finder = createSeatFinder({ database, clock, catalog });
  const guests = createGuestService({ database, clock });
  let stopAttach: (() => Promise<void>) | undefined;
  const blocks = createBlocksService({
    database,
    clock,
    catalog,
    bus,
    nameOf: deps.nameOf ?? (() => Promise.resolve(null)),
  });
  return {
    service,
    guests,
    reports,
    seatMap,
    finder,
    feed,
    streams,
    parts: {
      routes(app, auth) {
        registerBookingRoutes(app, auth, service);
        registerHoldExtensionRoute(app, auth, extendHold);
        registerSeatRoutes(app, { seatMap, feed, slots: streams });
        registerBlockRoutes(app, auth, blocks);
        registerBestSeatsRoute(app, finder);
      },
      jobs: [createHoldSweeper({ database, clock, bus })],
      onStart: async () => {
        const verifiedEmail = deps.verifiedEmail;
        if (verifiedEmail) {
          stopAttach = await subscribeGuestAttach({
            events: platform.events,
            queue: platform.queue,
            guests,
            verifiedEmail,
            verifiedUserByEmail: deps.verifiedUserByEmail ?? (async () => null),
          });
        }
      },
      onClose: async () => {
        stopEcho();
        await (
          await stopPrices
        )();
        await stopAttach?.();
        return feed.close();
      },
    },
    testing: {
      useClaimStore(store) {
        claims = store;
      },
    },
  };
}
