// Composition root: platform adapters in, modules wired with every dependency visible, routes mounted.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { createAccountsModule } from './modules/accounts/accounts.module.ts';
import { createAuditModule } from './modules/audit/audit.module.ts';
import { createBookingModule } from './modules/booking/booking.module.ts';
import { createCatalogModule } from './modules/catalog/catalog.module.ts';
import { createGiftcardsModule } from './modules/giftcards/giftcards.module.ts';
import { createNotificationsModule } from './modules/notifications/notifications.module.ts';
import { createPaymentsModule, stripeCspOrigins } from './modules/payments/payments.module.ts';
import { createPromotionsModule } from './modules/promotions/promotions.module.ts';
import { createTicketsModule } from './modules/tickets/tickets.module.ts';
import { createSalesModule } from './modules/sales/sales.module.ts';
import { createTillModule } from './modules/till/till.module.ts';
import { createFinanceModule } from './modules/finance/finance.module.ts';
import { createConcessionsModule } from './modules/concessions/concessions.module.ts';
import { pickupPng } from './modules/concessions/pickup.service.ts';
import { createWaitlistModule } from './modules/waitlist/waitlist.module.ts';
import { createWaitingRoomModule } from './modules/waitingroom/waitingroom.module.ts';
import { createWebhooksModule } from './modules/webhooks/webhooks.module.ts';
import type { Resolve } from './modules/webhooks/target-guard.ts';
import { createWalletModule } from './modules/wallet/wallet.module.ts';
import { walletTicketLookup } from './modules/wallet/wallet-ticket.ts';
import { createPaymentReads } from './modules/payments/payment-reads.ts';
import { demoCinemaIds } from './modules/catalog/catalog.module.ts';
import { lockOrder, refundOrderLines } from './modules/concessions/order-refunds.ts';
import { createOrderReads } from './modules/concessions/order-reads.ts';
import { payFoodOfBookings } from './modules/concessions/orders.store.ts';
import { createTillFoodPort } from './modules/concessions/till-food.ts';
import { guestPassHook } from './modules/booking/booking.module.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { AppPlatform, ModuleParts } from './platform/context.ts';
import { type Database, type DatabaseOptions, openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { isGuest } from './platform/http/access.ts';
import { createAuthHooks } from './platform/http/auth.ts';
import { registerHealthRoutes } from './platform/http/health.ts';
import type { StoredLanguage } from './platform/http/language.ts';
import { registerRequestDeadline } from './platform/http/request-deadline.ts';
import { createHttpServer, type HttpApp } from './platform/http/server.ts';
import { registerWebApp } from './platform/http/web.ts';
import { JobRunner } from './platform/jobs.ts';
import { createInfrastructure } from './platform/infrastructure.ts';
import { createJobsAdmin } from './platform/queue/jobs-admin.ts';
import { registerJobAdminRoutes } from './platform/queue/jobs.routes.ts';
import { createLogger } from './platform/telemetry/logger.ts';
import { createGrpcServer } from './platform/grpc/server.ts';
import { catalogRpcs } from './modules/catalog/catalog.grpc.ts';
import { bookingRpcs } from './modules/booking/booking.grpc.ts';
import pkg from '../package.json' with { type: 'json' };

export interface AppDeps {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** An open database (tests share one); otherwise opened from the config and closed with the app. */
  database?: Database;
  /** Start background jobs (outbox, mail, sweeper); tests may run them by hand instead. */
  runJobs?: boolean;
  /** How webhooks out resolve a target's host name (tests: a name answering a chosen address). */
  webhookResolve?: Resolve;
}

export interface App {
  http: HttpApp;
  platform: AppPlatform;
  modules: {
    accounts: ReturnType<typeof createAccountsModule>;
    notifications: ReturnType<typeof createNotificationsModule>;
    catalog: ReturnType<typeof createCatalogModule>;
    booking: ReturnType<typeof createBookingModule>;
    payments: ReturnType<typeof createPaymentsModule>;
    tickets: ReturnType<typeof createTicketsModule>;
    sales: ReturnType<typeof createSalesModule>;
    till: ReturnType<typeof createTillModule>;
    giftcards: ReturnType<typeof createGiftcardsModule>;
    finance: ReturnType<typeof createFinanceModule>;
    promotions: ReturnType<typeof createPromotionsModule>;
    concessions: ReturnType<typeof createConcessionsModule>;
    waitlist: ReturnType<typeof createWaitlistModule>;
    waitingRoom: ReturnType<typeof createWaitingRoomModule>;
    webhooks: ReturnType<typeof createWebhooksModule>;
    audit: ReturnType<typeof createAuditModule>;
    wallet: ReturnType<typeof createWalletModule>;
  };
  /**
   * Runs every module's background jobs once, then queued jobs and the outbox dispatcher in turn
   * until neither has anything left (tests): one call takes an event through to its consumers.
   */
  runJobsOnce(): Promise<void>;
  /** Starts HTTP and gRPC; returns the HTTP address. */
  listen(): Promise<string>;
  /** The bound gRPC port once listening. */
  grpcPort(): number | undefined;
  close(): Promise<void>;
}

/** How long close() waits for queued jobs in flight. */
const QUEUE_STOP_GRACE_MS = 10_000;

/** Rounds of queued jobs and outbox dispatch in one runJobsOnce(). */
const RUN_ONCE_ROUNDS = 20;

/** How the configuration opens the database. */
function databaseOptions(config: Config): DatabaseOptions {
  return {
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    preparedStatements: config.dbPreparedStatements,
    timeouts: {
      connectMs: config.dbConnectTimeoutMs,
      statementMs: config.dbStatementTimeoutMs,
      idleInTransactionMs: config.dbIdleInTransactionTimeoutMs,
    },
  };
}

/** Builds the whole box office: migrations applied, modules wired, routes mounted, nothing listening yet. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const ownsDatabase = !deps.database;
  const database = deps.database ?? (await openDatabase(databaseOptions(config)));
  await migrate(database);
  const clock = deps.clock ?? systemClock;
  const infra = await createInfrastructure(config, logger, { database, clock });
  const platform: AppPlatform = { config, database, clock, logger, ...infra.adapters };

  const catalog = createCatalogModule(platform);
  // Avatars (issue 20) go through the catalog's image pipeline, and its media GC keeps them.
  const accounts = createAccountsModule(platform, { media: catalog.media, mediaInUse: catalog.mediaInUse });
  catalog.addImageUser(accounts.avatars.pathsInUse);
  const booking = createBookingModule(platform, {
    catalog: catalog.service,
    nameOf: async (id) => (await accounts.users.contact(id))?.name ?? null,
    verifiedEmail: accounts.users.verifiedEmail,
    verifiedUserByEmail: accounts.users.verifiedUserByEmail,
  });
  // Issue 20: PDFs speak the signed-in account's language, else the guest booking's, before Accept-Language.
  const storedLanguage: StoredLanguage = async (caller, bookingId) =>
    (caller && !isGuest(caller) ? (await accounts.users.contact(caller.userId))?.language : null) ??
    (bookingId ? (await booking.guests.contact(bookingId))?.language : null) ??
    null;
  const tickets = createTicketsModule(platform, {
    catalog: catalog.service,
    booking: booking.service,
    language: storedLanguage,
    avatarOf: async (caller, bookingId) => {
      const owner = (await booking.service.get(caller, bookingId)).userId;
      return owner ? accounts.users.avatarUrl(owner) : null;
    },
  });
  // Issue 20: tickets in Apple and Google Wallet (offered when WALLET credentials are configured).
  const wallet = createWalletModule(platform, {
    // The cinema's coordinates put the pass on the lock screen near it.
    // Passes speak the ticket owner's language (account's, else the guest booking's).
    ticket: walletTicketLookup(
      tickets.service,
      async (id) => (await catalog.service.getCinema(id))?.location ?? null,
      async ({ userId, bookingId }) =>
        (await storedLanguage(userId ? { userId, role: 'customer', sessionId: '' } : null, bookingId)) ?? 'en',
    ),
    assertBookingVisible: async (caller, bookingId) => void (await booking.service.get(caller, bookingId)),
    guests: booking.guests,
  });
  const payments = createPaymentsModule(platform, {
    booking: booking.service,
    reports: booking.reports,
    tickets: tickets.service,
    catalog: catalog.service,
    guests: booking.guests,
    ticketsPdf: tickets.pdf,
    ticketQr: tickets.qrOfBooking,
    // Issue 17: refunds give back uncollected food (concessions' lines and stock).
    food: { lockOrder, refundOrderLines, markPaid: payFoodOfBookings },
    // Booking answers show their food (called per request, once concessions exists below), names in
    // the request's language (textLanguage: ?lang=, else Accept-Language), as the menu shows them.
    foodView: (bookings, lang) => concessions.orders.ofBookings(bookings, lang),
  });
  const sales = createSalesModule(platform, { catalog: catalog.service });
  const giftcards = createGiftcardsModule(platform, {
    booking: booking.service,
    payments: payments.orders,
    guests: booking.guests,
    viewBooking: payments.viewBooking,
  });
  const promotions = createPromotionsModule(platform, {
    booking: booking.service,
    guests: booking.guests,
    catalog: catalog.service,
  });
  // Receipts and credit notes from sales and refunds; it reads bookings, showtimes and payments.
  const paymentReads = createPaymentReads(platform.database);
  const foodReads = createOrderReads(platform.database);
  const finance = createFinanceModule(platform, {
    booking: (db, id, caller) => booking.service.getForPayment(db, id, caller, { lock: false }),
    showtime: tickets.service.showtime,
    cinema: catalog.service.getCinema,
    paidBy: paymentReads.paidByBooking,
    // Issue 17: food lines on receipts, and receipts of food sold alone at a till.
    foodLines: foodReads.foodLinesOfBooking,
    foodOrder: async (orderId) => {
      const o = await foodReads.paidFoodOrder(orderId);
      return o && { ...o, method: (await paymentReads.paidByFoodOrder(orderId))?.provider ?? null };
    },
    guestPass: guestPassHook(booking.guests),
    language: storedLanguage,
    demoCinemas: () => demoCinemaIds(platform.database),
    giftCardLiabilities: giftcards.liabilities,
    giftCard: async (id) => {
      const c = await giftcards.service.get(id).catch(() => null);
      return (
        c && {
          id: c.id,
          amount: c.initial.amount,
          currency: c.initial.currency,
          cinemaId: c.cinemaId,
          channel: c.channel,
          createdAt: new Date(c.createdAt),
        }
      );
    },
    giftCardOrder: async (principal, orderId) => {
      const o = await giftcards.orders.get(principal, orderId);
      return { status: o.status, giftCardId: o.giftCard?.id ?? null };
    },
  });
  const till = createTillModule(platform, {
    catalog: catalog.service,
    payments: payments.offline,
    refunds: payments.refunds,
    giftCards: { cards: giftcards.service, guard: giftcards.guard },
    fiscalReceipt: finance.fiscalReceipt,
    // Issue 17: food sold at the till alone, paid back there, and printed with tickets.
    food: { port: createTillFoodPort(platform.database), refunds: payments.foodRefunds },
  });
  const concessions = createConcessionsModule(platform, {
    catalog: catalog.service,
    images: catalog,
    reports: {
      ticketsAndBookingsByMovie: (q) => sales.service.ticketsAndBookingsByMovie(q),
      timezone: async (id) => (await catalog.service.getCinema(id))?.timezone ?? null,
      staffName: async (id) => (await accounts.users.contact(id))?.name ?? null,
    },
    booking: booking.service,
    guests: booking.guests,
    viewBooking: payments.viewBooking,
  });
  // Issue 18: a sold-out showtime's waiting list, offered seats as they come back.
  const waitlist = createWaitlistModule(platform, {
    booking: {
      finder: booking.finder,
      hold: (buyer, showtimeId, seatIds, options) => booking.service.hold(buyer, showtimeId, seatIds, options),
      release: (caller, id) => booking.service.release(caller, id),
      get: (caller, id) => booking.service.get(caller, id),
      setLanguage: booking.guests.setLanguage,
    },
  });
  // Last: it reads the others to compose emails from their events, and nobody calls it.
  const notifications = createNotificationsModule(platform, {
    contact: accounts.users.contact,
    issueLink: accounts.links.issue,
    guestLink: booking.guests.mailLink,
    showtime: tickets.service.showtime,
    tickets: tickets.service.listForBooking,
    ticketArtwork: tickets.artwork,
    walletLinks: wallet.mailLinks,
    giftCardMail: giftcards.mail,
    giftCardMailSent: giftcards.mailSent,
    receipt: async (bookingId, lang) => {
      const r = await finance.receiptWithPdf(bookingId, lang);
      return r && { number: r.receipt.number, taxes: r.receipt.taxes, pdf: r.pdf };
    },
    food: async (bookingId, lang) => {
      const food = await concessions.orders.forMail(bookingId, lang);
      return food && { ...food, qrPng: await pickupPng(food.pickupCode) };
    },
    giftCardReceipt: async (giftCardId, lang) => {
      const r = await finance.giftCardReceiptWithPdf(giftCardId, lang);
      return r && { number: r.receipt.number, taxes: r.receipt.taxes, pdf: r.pdf };
    },
  });
  // Issue 18: premieres sell through a waiting room; its gate on holds is added below.
  const waitingRoom = createWaitingRoomModule(platform, {
    exists: async (t) =>
      'showtimeId' in t
        ? (await catalog.service.getShowtime(t.showtimeId)) !== null
        : (await catalog.service.getMovie(t.movieId)) !== null,
    movieOf: async (id) => (await catalog.service.getShowtime(id))?.movieId ?? null,
    counts: (id) => booking.reports.report(id),
    slots: booking.streams,
  });
  // Issue 19: staff and admin writes recorded by the database in their own transaction (ADR 0010).
  const audit = createAuditModule(platform, {
    emailOf: async (id) => (await accounts.users.contact(id))?.email ?? null,
  });
  // Issue 19: webhooks out, made from domain events; admins are mailed when an endpoint is disabled.
  const webhooks = createWebhooksModule(platform, {
    resolve: deps.webhookResolve,
    adminIds: async () => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await accounts.profile.listUsers({ role: 'admin', limit: 100, cursor });
        ids.push(...page.items.map((u) => u.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    },
  });
  const modules = {
    accounts,
    notifications,
    catalog,
    booking,
    payments,
    tickets,
    sales,
    till,
    giftcards,
    promotions,
    finance,
    concessions,
    waitlist,
    waitingRoom,
    webhooks,
    wallet,
    audit,
  };
  const parts: ModuleParts[] = Object.values(modules).map((m) => m.parts);

  const http = await createHttpServer({
    logger,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    version: pkg.version,
  });
  registerRequestDeadline(http, config.requestDeadlineMs);
  const auth = createAuthHooks(accounts.sessions, config.publicUrl);
  // Platform hooks (metrics, tracing, idempotency) first, so they cover every route.
  await infra.registerHttp(http);
  // Holds of a guarded showtime need its admission token (REST, guest REST and gRPC alike).
  http.addHook('preHandler', waitingRoom.holdGate);
  http.addHook('onSend', waitingRoom.holdRecorder);
  // Staff and admin writes run inside their audit actor: after each route's auth, before its handler.
  http.addHook('preHandler', audit.hooks.enter);
  http.addHook('onSend', audit.hooks.complete);
  http.addHook('onRoute', audit.hooks.collect);
  registerHealthRoutes(http, { database, infra });
  registerJobAdminRoutes(http, auth, createJobsAdmin({ database, clock }));
  for (const part of parts) await part.routes?.(http, auth);
  // The web app answers every other GET, so it goes after all API routes.
  await registerWebApp(http, {
    dist: config.webDist,
    extraOrigins: config.paymentProvider === 'stripe' ? stripeCspOrigins(config.stripe) : undefined,
  });
  for (const part of parts) await part.onStart?.();

  // Platform jobs last, so events written by module jobs are dispatched in the same round.
  const jobs = [...parts.flatMap((p) => p.jobs ?? []), ...infra.jobs];
  const runner = new JobRunner(jobs, logger, config.workerIntervalMs);
  if (deps.runJobs ?? true) {
    runner.start();
    infra.queue.start();
  }

  const grpc = createGrpcServer(http, { ...catalogRpcs, ...bookingRpcs }, logger);
  let grpcPort: number | undefined;
  let closed = false;
  return {
    http,
    platform,
    modules,
    async runJobsOnce() {
      for (const job of jobs) await job.runOnce();
      // Bounded: a job that keeps making due work would otherwise hold a test here for ever.
      for (let round = 0; round < RUN_ONCE_ROUNDS; round++) {
        const ran = (await infra.queue.drain()) + (await infra.dispatcher.runOnce());
        if (ran === 0) break;
      }
    },
    async listen() {
      const address = await http.listen({ port: config.port, host: config.host });
      grpcPort = await grpc.start(config.host, config.grpcPort);
      return address;
    },
    grpcPort: () => grpcPort,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([http.close(), grpcPort !== undefined ? grpc.close() : Promise.resolve()]);
      // Event consumers take nothing more, and the queue claims nothing more, at once; deliveries and
      // jobs in flight finish (the queue's for QUEUE_STOP_GRACE_MS at most, then leases cover them)
      // before the modules close what they use.
      await Promise.all([infra.closeEvents(), runner.stop(), infra.queue.stop(QUEUE_STOP_GRACE_MS)]);
      for (const part of parts) await part.onClose?.();
      await infra.close();
      if (ownsDatabase) await database.close();
    },
  };
}
