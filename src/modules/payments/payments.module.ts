// Payments: paying holds and orders through a provider (the built-in test card processor, or Stripe
// with PAYMENT_PROVIDER=stripe: the one place a provider is chosen), webhooks, refunds and showtime-cancellation refunds, crash reconciliation, and the
// booking reads and staff report, composed with what payments and tickets own
// (booking-detail.ts): booking never calls back into this module.
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import type { GuestService } from '../booking/guest.service.ts';
import { registerGuestRoutes } from './guest.routes.ts';
import { randomBytes } from 'node:crypto';
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import { settingOrCreate } from '../../platform/settings.ts';
import type { BookingService } from '../booking/booking.module.ts';
import type { BookingView } from '../booking/booking.views.ts';
import type { ReportService } from '../booking/report.service.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import { showtimeLookup, type TicketsService } from '../tickets/tickets.module.ts';
import { createBookingDetail, type ViewBooking } from './booking-detail.ts';
import { registerBookingDetailRoutes } from './booking-detail.routes.ts';
import { createOfflinePayments, type OfflinePayments } from './offline-payments.ts';
import type { FoodPort, PaymentsDeps } from './payments.ports.ts';
import type { FoodOrderView } from '../concessions/orders.schemas.ts';
import { createFoodRefunds, type FoodRefunds } from './food-refunds.ts';
import { registerFoodRefundRoutes } from './food-refunds.routes.ts';
import type { PaymentsDb } from './payments.tables.ts';
import { registerPaymentRoutes, WEBHOOK_PATH } from './payments.routes.ts';
import { createPaymentService, type PaymentService } from './payments.service.ts';
import { createReconciliation } from './reconciliation.ts';
import { createRefundSender } from './refund-sender.ts';
import { createRefundService, type RefundService } from './refunds.service.ts';
import { createSettlement, type Settlement } from './settlement.ts';
import { createTestCardProvider, TEST_PROVIDER, WEBHOOK_QUEUE, type WebhookDeliverer } from './test-card-provider.ts';
import { createWebhookService } from './webhooks.service.ts';
import type { CardInput } from './card.ts';
import { createClientPayments, type ClientPayments } from './client-payments.ts';
import { createOrderPayments, type OrderPaymentInput, type OrderPayments } from './order-payments.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { cardDataNotAccepted, providerNotClientConfirmed } from './payments.errors.ts';
import type { PayMethod } from './payments.service.ts';
import { createStripeProvider } from './stripe-provider.ts';
import { countRefunds, createPaymentMetrics } from './payments.metrics.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';

export { stripeCspOrigins } from './stripe-provider.ts';

export type { OfflinePayments, OfflineRefundLine } from './offline-payments.ts';
export type { FoodRefunds } from './food-refunds.ts';
export type { ViewBooking } from './booking-detail.ts';

export interface PaymentsModule {
  service: PaymentService;
  /** Settling charges (its `hooks` let tests see the batches). */
  settlement: Settlement;
  refunds: RefundService;
  /** Money taken at the box office counter (the till module records its side). */
  offline: OfflinePayments;
  /** Issue 17: uncollected food given back alone (online, or at a till with `offline`). */
  foodRefunds: FoodRefunds;
  /** Paying orders (gift card orders): payOrder / startOrderIntent, `order.paid` on success. */
  orders: Pick<OrderPayments, 'payOrder' | 'startOrderIntent'>;
  /** PaymentIntents of bookings (client-confirmed providers). */
  client: ClientPayments;
  /** The provider in use (PAYMENT_PROVIDER). */
  provider: PaymentProvider;
  /** A booking as every answer shows it: booking's view with tickets and refunds (gift cards, promo codes). */
  viewBooking: ViewBooking;
  parts: ModuleParts;
  /** Runs one round of the crash reconciliation (tests). */
  reconcile(): Promise<number>;
  /** Delivers the test processor's due webhook events to our endpoint (tests): drains their queue. */
  deliverWebhooks(): Promise<number>;
}

export function createPaymentsModule(
  platform: Platform,
  deps: {
    booking: BookingService;
    reports: ReportService;
    tickets: TicketsService;
    catalog: CatalogService;
    /** Guest checkout: management tokens (booking) and the tickets a guest downloads (tickets). */
    guests: GuestService;
    ticketsPdf(bookingId: string): Promise<Buffer | null>;
    ticketQr(bookingId: string, ticketId: string): Promise<string | null>;
    /** Issue 17: food orders' lines given back by refunds (concessions). */
    food?: FoodPort;
    /** Issue 17: booking answers' `food` (concessions' orders), names in `lang`, by booking id. */
    foodView?: (bookings: { id: string; status: string }[], lang?: string) => Promise<Map<string, FoodOrderView>>;
  },
): PaymentsModule {
  const { config, database, clock, logger } = platform;
  const db = moduleDb<PaymentsDb>(database);
  let secretValue: Promise<string> | undefined;
  const secret = () => {
    secretValue ??= config.paymentWebhookSecret
      ? Promise.resolve(config.paymentWebhookSecret)
      : settingOrCreate(db, 'payments.webhook_secret', () => `whsec_${randomBytes(32).toString('hex')}`);
    secretValue.catch(() => (secretValue = undefined));
    return secretValue;
  };

  const refundPolicy = { cutoffMinutes: config.refundCutoffMinutes, tiers: config.refundPolicy };
  const showtime = showtimeLookup(deps.catalog);
  const detail = createBookingDetail({
    db,
    clock,
    tickets: deps.tickets,
    reports: deps.reports,
    showtimes: (ids) => deps.catalog.getShowtimes(ids),
    policy: refundPolicy,
    ...(deps.foodView ? { food: deps.foodView } : {}),
  });
  const ports: PaymentsDeps = {
    // What payment answers show of a booking is the detail composed here.
    booking: {
      ...deps.booking,
      view: async (id, lang) => (await detail.compose([await deps.booking.view(id)], lang))[0] as BookingView,
    },
    tickets: deps.tickets,
    showtime,
    ...(deps.food ? { food: deps.food } : {}),
  };
  // The test processor calls our own webhook endpoint through the full HTTP stack (set with the routes).
  let deliver: WebhookDeliverer = async () => 0;
  const testCards = createTestCardProvider({
    db,
    clock,
    queue: platform.queue,
    deliver: (body, signature) => deliver(body, signature),
    secret,
    latencyMs: config.testCardLatencyMs,
  });
  const stripe =
    config.paymentProvider === 'stripe'
      ? createStripeProvider({
          secretKey: config.stripe.secretKey as string,
          webhookSecret: config.stripe.webhookSecret as string,
          apiBase: config.stripe.apiBase,
          clock,
        })
      : null;
  // The provider new payments go to; payments made with the other stay settled and refunded by theirs.
  const provider: PaymentProvider = stripe ?? testCards;
  const providers = stripe ? [stripe, testCards] : [testCards];
  const providerFor = (name: string) => providers.find((p) => p.name === name);
  /** A payment method as the HTTP API gives it: a test card becomes a token here; Stripe takes PaymentIntents only. */
  const resolveMethod = async (input: { card?: CardInput; paymentIntentId?: string }): Promise<PayMethod> => {
    if (input.card === undefined && input.paymentIntentId === undefined) return { kind: 'none' };
    if (input.paymentIntentId !== undefined) {
      if (!provider.clientConfirmed) throw providerNotClientConfirmed();
      return { kind: 'intent', paymentIntentId: input.paymentIntentId };
    }
    if (provider.clientConfirmed || !input.card) throw cardDataNotAccepted();
    return { kind: 'token', ...(await testCards.tokenize(input.card)) };
  };
  const refundSender = createRefundSender({ db, clock, logger, providerFor, queue: platform.queue });
  const metrics = createPaymentMetrics(
    platform.metrics,
    async (id) => (await deps.catalog.getShowtime(id))?.cinemaId ?? null,
  );
  let refundCounters: Unsubscribe[] = [];
  const settlement = createSettlement({ db, clock, logger, ports, refunds: refundSender, metrics });
  const service = createPaymentService({
    db,
    clock,
    logger,
    provider,
    ports,
    settlement,
    secret,
    supersede: (live) => client.reuse(live, 0, live.currency.trim()),
    ...(deps.foodView ? { foodView: deps.foodView } : {}),
  });
  const refunds = createRefundService({
    db,
    clock,
    logger,
    ports,
    refunds: refundSender,
    policy: refundPolicy,
    queue: platform.queue,
  });
  const offline = createOfflinePayments({ db, clock, ports, settlement });
  const foodRefunds = createFoodRefunds({ db, clock, ports, refunds: refundSender });
  const client: ClientPayments = createClientPayments({
    db,
    clock,
    logger,
    provider,
    publishableKey: stripe ? (config.stripe.publishableKey ?? null) : null,
    payments: service,
    settlement,
    settleOrder: (id, charge) => orders.settleOrder(id, charge),
    metrics,
  });
  const orders = createOrderPayments({
    db,
    clock,
    logger,
    provider,
    secret,
    resolveMethod: (input: OrderPaymentInput) => resolveMethod(input),
    client: () => client,
    refunds: refundSender,
    metrics,
  });
  const webhooks = createWebhookService({
    db,
    clock,
    logger,
    providers,
    settlement,
    settleOrder: orders.settleOrder,
    metrics,
  });
  const reconciliation = createReconciliation({
    db,
    clock,
    logger,
    providerFor,
    settlement,
    settleOrder: orders.settleOrder,
    stillPayable: async (bookingId) => {
      const b = await ports.booking.getForPayment(db, bookingId, null, { lock: false }).catch(() => null);
      return b?.status === 'held' && b.expiresAt > clock.now();
    },
    afterMs: config.paymentReconcileAfterMs,
    metrics,
  });
  // Cancelling a showtime: the catalog cancels it, recording our refund run (and its queue job) in
  // its transaction; then the paid bookings are refunded at once (the job finishes what that left).
  const cancelShowtime = (id: string) =>
    deps.catalog.cancelShowtime(id, {
      inTransaction: (trx, showtimeId) => refunds.recordShowtimeCancelled(trx, showtimeId),
      afterCommit: async (showtimeId) => {
        const result = await refunds.refundShowtime(showtimeId);
        logger.info({ showtimeId, ...result }, 'showtime cancelled: paid bookings refunded');
      },
    });

  return {
    service,
    settlement,
    refunds,
    offline,
    foodRefunds,
    orders: { payOrder: orders.payOrder, startOrderIntent: orders.startOrderIntent },
    client,
    provider,
    viewBooking: async (caller, id, lang, known) => {
      if (!known) return (await detail.compose([await deps.booking.get(caller, id)], lang))[0] as BookingView;
      const food = new Map(known.food ? [[id, known.food]] : []);
      return (await detail.compose([known.booking], lang, food))[0] as BookingView;
    },
    reconcile: () => reconciliation.runOnce(),
    deliverWebhooks: () => platform.queue.drain(WEBHOOK_QUEUE),
    parts: {
      async routes(app, auth) {
        registerBookingDetailRoutes(app, auth, { booking: deps.booking, detail });
        registerFoodRefundRoutes(app, auth, foodRefunds);
        registerGuestRoutes(app, {
          booking: deps.booking,
          guests: deps.guests,
          detail,
          payments: service,
          client,
          resolveMethod,
          refunds,
          limiter: createRateLimiter({ kv: platform.kv, clock }),
          perMinute: config.rateLimitPerMinute,
          publicUrl: config.publicUrl,
          ticketsPdf: deps.ticketsPdf,
          ticketQr: deps.ticketQr,
        });
        await registerPaymentRoutes(app, auth, {
          payments: service,
          client,
          resolveMethod,
          refunds,
          webhooks,
          cancelShowtime,
          config: {
            provider: config.paymentProvider,
            publishableKey: stripe ? (config.stripe.publishableKey ?? null) : null,
            stripeJsUrl: stripe ? config.stripe.jsUrl : null,
          },
        });
        deliver = async (body, signature) => {
          const res = await app.inject({
            method: 'POST',
            url: `${WEBHOOK_PATH}/${TEST_PROVIDER}`,
            headers: { 'content-type': 'application/json', 'webhook-signature': signature },
            payload: body,
          });
          return res.statusCode;
        };
      },
      jobs: [reconciliation.job],
      async onStart() {
        await secret();
        refundCounters = await countRefunds(platform.events, metrics);
        // Settle what a crash left behind before taking new payments.
        await reconciliation
          .runOnce()
          .catch((err: unknown) => logger.warn({ err }, 'start-up reconciliation failed; the job will retry'));
      },
      async onClose() {
        for (const unsubscribe of refundCounters) await unsubscribe();
      },
    },
  };
}
