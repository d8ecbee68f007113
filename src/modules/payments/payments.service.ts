// Paying for a hold. The amount is what is due of the booking (its seats less a promo discount and
// gift cards), never the client's. The payment row (with the Idempotency-Key) is committed BEFORE
// the provider is called, so every charge the provider makes is one we know about; the provider is
// asked with our payment id as its idempotency key, so a retry never charges twice. Settling the
// answer is settlement.ts. This file never sees card data: a payment method is a provider reference
// (a test card token, made in test-card-provider.ts) or a PaymentIntent the browser confirmed
// (client-payments.ts starts those). Nothing due: settled at once without any provider ("none").
import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { createBatcher } from '../../platform/batcher.ts';
import type { Clock } from '../../platform/clock.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import { accountOf, type Caller, isStaff } from '../../platform/http/access.ts';
import { isFinal, type PaymentProvider, type ProviderPayment } from './payment-provider.ts';
import {
  amountChanged,
  bookingExpired,
  bookingNotPayable,
  bookingReleased,
  idempotencyKeyReused,
  paymentDeclined,
  paymentInProgress,
  paymentMethodRequired,
  paymentNotFound,
  paymentUnavailable,
  showtimeNoLongerOnSale,
} from './payments.errors.ts';
import { dueAmount, toView } from '../booking/booking.views.ts';
import type { FoodOrderView } from '../concessions/orders.schemas.ts';
import type { TicketView } from '../tickets/tickets.service.ts';
import type { PayableBooking, PaymentsDeps } from './payments.ports.ts';
import * as store from './payments.store.ts';
import type { Settlement } from './settlement.ts';
import type { PaymentsDb } from './payments.tables.ts';

interface PaymentView {
  id: string;
  status: store.PaymentRow['status'];
  amount: { amount: number; currency: string };
}

/**
 * How a payment is made: a provider reference with what may be shown of it, a PaymentIntent, or
 * none (`{}`: confirms a booking with nothing due; 422 payment_method_required when something is).
 */
export type PayMethod =
  | { kind: 'token'; method: string; last4: string | null; fingerprint: string }
  | { kind: 'intent'; paymentIntentId: string }
  | { kind: 'none' };

const NOTHING_DUE_METHOD = { kind: 'token', method: '', last4: null, fingerprint: 'nothing-due' } as const;

/** Provider name of payments of nothing due (a booking paid in full by promo code or gift cards). */
export const NO_PROVIDER = 'none';

/** The charge a payment of nothing due stands for. */
export const nothingDue = (p: { id: string; currency: string }): ProviderPayment => ({
  id: `none_${p.id}`,
  reference: p.id,
  status: 'succeeded',
  amount: 0,
  currency: p.currency.trim(),
  failureCode: null,
  failureMessage: null,
});

/**
 * Asks the provider to charge `p` (idempotent by our payment id); nothing due asks nobody. A failure
 * is a 503: reconciliation settles the payment.
 */
export async function requestCharge(
  provider: PaymentProvider,
  logger: Logger,
  p: { id: string; provider: string; amount: number; currency: string },
  method: string,
  description: string,
): Promise<ProviderPayment> {
  try {
    return p.provider === NO_PROVIDER
      ? nothingDue(p)
      : await provider.createPayment({
          reference: p.id,
          amount: p.amount,
          currency: p.currency.trim(),
          method,
          description,
        });
  } catch (err) {
    logger.error({ err, paymentId: p.id }, 'payment provider failed; reconciliation will settle the payment');
    throw paymentUnavailable(p.id);
  }
}

/** The booked seats as a payment row keeps them (JSON). */
export const seatsSnapshot = (seats: PayableBooking['seats']): string =>
  JSON.stringify(
    seats.map(({ seatId, row, number, type, price, ticketType }) => ({ seatId, row, number, type, price, ticketType })),
  );

export const toPaymentView = (p: Pick<store.PaymentRow, 'id' | 'status' | 'amount' | 'currency'>): PaymentView => ({
  id: p.id,
  status: p.status,
  amount: { amount: p.amount, currency: p.currency.trim() },
});

/** Test seams for crash tests: run just before the provider is asked, and right after it charged. */
interface PaymentHooks {
  beforeCharge?: (paymentId: string) => Promise<void> | void;
  afterCharge?: (paymentId: string) => Promise<void> | void;
}

export function createPaymentService(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  provider: PaymentProvider;
  ports: PaymentsDeps;
  settlement: Settlement;
  secret: () => Promise<string>;
  /**
   * Gives up a live payment of the booking (client-payments' reuse: settles it when it succeeded
   * meanwhile, else cancels its PaymentIntent). Paying nothing due calls it for a payment started
   * while something was (a PaymentIntent made on page load before a promo code covered it all).
   */
  supersede?: (live: store.PaymentRow) => Promise<unknown>;
  /** Issue 17: the food of bookings (concessions), names in `lang`, as GET /bookings/{id} shows it. */
  foodView?: (bookings: { id: string; status: string }[], lang?: string) => Promise<Map<string, FoodOrderView>>;
}) {
  const { db, clock, provider, ports, settlement } = deps;
  const hooks: PaymentHooks = {};

  /** A keyed hash of the request, so a reused key can be told from a retry without keeping card data. */
  async function requestHash(bookingId: string, fingerprint: string): Promise<string> {
    return createHmac('sha256', await deps.secret())
      .update(JSON.stringify([bookingId, fingerprint]))
      .digest('hex');
  }

  /** The answer a payment in its current state gives, the same on every retry (food names in `lang`). */
  async function answer(
    p: store.PaymentRow,
    lang: string | undefined,
    fresh?: { booking: PayableBooking; tickets: TicketView[] },
  ) {
    if (p.outcome === 'confirmed') {
      // Just settled by this request: the booking is known, no need to read it back.
      if (fresh) {
        const now = clock.now();
        const view = toView({ ...fresh.booking, status: 'confirmed', confirmedAt: p.completed_at ?? now }, now);
        // Food is read only for a booking that has some (the usual sale costs no extra statement).
        const food =
          fresh.booking.foodAmount > 0 && deps.foodView
            ? ((await deps.foodView([{ id: view.id, status: 'confirmed' }], lang)).get(view.id) ?? null)
            : null;
        return { payment: toPaymentView(p), booking: { ...view, tickets: fresh.tickets, refunds: [], food } };
      }
      return { payment: toPaymentView(p), booking: await ports.booking.view(p.booking_id, lang) };
    }
    if (p.status === 'failed')
      throw paymentDeclined(p.id, p.failure_code ?? 'card_declined', p.failure_message ?? 'The card was declined');
    if (p.outcome === 'reversed') {
      const extra = { paymentId: p.id, refunded: true, reason: p.failure_code };
      if (p.failure_code === 'booking_expired') throw bookingExpired(extra);
      if (p.failure_code === 'booking_released') throw bookingReleased(extra);
      if (p.failure_code === 'showtime_cancelled') throw showtimeNoLongerOnSale();
      if (p.failure_code === 'amount_changed') throw amountChanged(extra);
      throw bookingNotPayable('released', extra);
    }
    throw paymentInProgress(p.id);
  }

  /**
   * Attempts recorded at the same moment share one statement and one commit. One that breaks the
   * statement (a second live payment of a booking, a key in use) makes each go alone, so only it
   * fails; attempts on one booking or with one key never share a batch.
   */
  const recordTogether = createBatcher(
    async (
      rows: store.NewPayment[],
    ): Promise<(store.PaymentRow | undefined | Promise<store.PaymentRow | undefined>)[]> => {
      const alone = async (row: store.NewPayment) => (await store.insertPaymentsIfOnSale(db, [row]))[0];
      if (rows.length === 1) return [await alone(rows[0] as store.NewPayment)];
      try {
        const byId = new Map((await store.insertPaymentsIfOnSale(db, rows)).map((p) => [p.id, p]));
        return rows.map((r) => byId.get(r.id));
      } catch {
        return rows.map(alone);
      }
    },
    {
      maxBatch: 32,
      maxInFlight: 4,
      keysOf: (r) => [`booking:${r.booking_id}`, `key:${r.user_id}:${r.idempotency_key ?? r.id}`],
    },
  );

  /**
   * Records the attempt (committed) after checking the booking can be paid; null when the key was
   * taken meanwhile. `revive` is an attempt with this key that never reached the provider (given up
   * by reconciliation): it is tried again under the same id, so its key still means one charge.
   * The booking is read without a lock: settling locks it and checks again.
   */
  async function recordAttempt(
    caller: Caller,
    bookingId: string,
    method: { last4: string | null },
    key: string | undefined,
    hash: string,
    revive?: store.PaymentRow,
    nothingDueOnly = false,
  ) {
    const booking = await payableBooking(caller, bookingId);
    const now = clock.now();
    const due = dueAmount(booking);
    if (nothingDueOnly && due !== 0) throw paymentMethodRequired({ amount: due, currency: booking.currency.trim() });
    try {
      const payment = revive
        ? await store.retryAbandoned(db, revive.id, now)
        : await recordTogether({
            id: randomUUID(),
            booking_id: booking.id,
            showtime_id: booking.showtimeId,
            user_id: accountOf(caller),
            provider: due === 0 ? NO_PROVIDER : provider.name,
            idempotency_key: key ?? null,
            request_hash: hash,
            amount: due,
            currency: booking.currency,
            card_last4: due === 0 ? null : method.last4,
            seats: seatsSnapshot(booking.seats),
            created_at: now,
          });
      if (!payment) {
        if (revive) return null;
        throw showtimeNoLongerOnSale();
      }
      return { payment, booking };
    } catch (err) {
      if (!isPgError(err, '23505')) throw err;
      // The same key at the same moment (answered from that attempt), or another live payment.
      const payer = accountOf(caller);
      if (key && payer && (await store.findByIdempotencyKey(db, payer, key))) return null;
      const live = await store.livePaymentOfBooking(db, bookingId);
      if (live?.status === 'succeeded') throw bookingNotPayable('confirmed');
      // Nothing due, and a payment started while something was: given up, then tried again.
      if (nothingDueOnly && live && live.provider !== NO_PROVIDER && deps.supersede) {
        await deps.supersede(live);
        return null;
      }
      throw paymentInProgress(live?.id ?? '');
    }
  }

  /** Asks the provider (idempotent by our payment id) and settles its answer; nothing due asks nobody. */
  async function charge(p: store.PaymentRow, method: string) {
    await hooks.beforeCharge?.(p.id);
    const result = await requestCharge(provider, deps.logger, p, method, `Booking ${p.booking_id}`);
    await hooks.afterCharge?.(p.id);
    const settled = await settlement.settleWithOthers(p.id, result);
    return { payment: settled.payment ?? p, tickets: settled.tickets };
  }

  /** The booking, checked payable by this caller (read without a lock: settling locks and checks again). */
  async function payableBooking(caller: Caller, bookingId: string): Promise<PayableBooking> {
    const booking = await ports.booking.getForPayment(db, bookingId, caller, { lock: false });
    const now = clock.now();
    if (booking.status === 'expired' || (booking.status === 'held' && booking.expiresAt <= now))
      throw bookingExpired({ expiresAt: booking.expiresAt.toISOString() });
    if (booking.status === 'cancelled') throw bookingReleased();
    if (booking.status !== 'held') throw bookingNotPayable(booking.status);
    if (!isStaff(caller)) await ports.booking.checkCompanionsPayable(db, booking);
    return booking;
  }

  /**
   * A payment the browser confirmed (a PaymentIntent, started by POST …/payment-intents): settled
   * when the provider says it succeeded (unless a webhook did first); 202 with the next action while
   * it waits for the customer; 402 when declined (the PaymentIntent stays open for another card).
   */
  async function payWithIntent(caller: Caller, bookingId: string, providerPaymentId: string, lang?: string) {
    const found = await store.findByProviderPaymentId(db, provider.name, providerPaymentId);
    if (!found || found.booking_id !== bookingId) throw paymentNotFound();
    const p = found as store.PaymentRow;
    // 404 unless the caller may see the booking.
    await ports.booking.getForPayment(db, bookingId, caller, { lock: false });
    if (p.status !== 'pending') return answer(p, lang);
    let result;
    try {
      result = await provider.getPayment(p.id, providerPaymentId);
    } catch (err) {
      deps.logger.error({ err, paymentId: p.id }, 'payment provider failed; reconciliation will settle the payment');
      throw paymentUnavailable(p.id);
    }
    if (!result) throw paymentNotFound();
    if (isFinal(result)) return answer((await settlement.settle(p.id, result)).payment ?? p, lang);
    if (result.status === 'open' && result.failureCode)
      throw paymentDeclined(p.id, result.failureCode, result.failureMessage ?? 'The card was declined');
    return { pending: true as const, payment: toPaymentView(p), nextAction: result.nextAction ?? null };
  }

  return {
    hooks,
    payableBooking,

    /**
     * Pays a held booking: 201 confirmed with tickets, 202 while a PaymentIntent waits for the
     * customer, 402 declined, 409 when not payable. The booking's food names are in `lang`.
     */
    async pay(caller: Caller, bookingId: string, requested: PayMethod, requestedKey?: string, lang?: string) {
      if (requested.kind === 'intent') return payWithIntent(caller, bookingId, requested.paymentIntentId, lang);
      const nothingDueOnly = requested.kind === 'none';
      const method = nothingDueOnly ? NOTHING_DUE_METHOD : requested;
      // A key is scoped to its account; a guest's retries are answered by the HTTP layer's replay.
      const payer = accountOf(caller);
      const idempotencyKey = payer ? requestedKey : undefined;
      const hash = await requestHash(bookingId, method.fingerprint);
      for (let attempt = 0; attempt < 3; attempt++) {
        let revive: store.PaymentRow | undefined;
        if (idempotencyKey) {
          const earlier = await store.findByIdempotencyKey(db, payer as string, idempotencyKey);
          if (earlier) {
            if (earlier.request_hash !== hash || earlier.booking_id !== bookingId) throw idempotencyKeyReused();
            // A retry of an attempt still in flight (or cut short by a crash) finishes it: the
            // provider returns the same charge for the same reference.
            if (earlier.status === 'pending') return answer((await charge(earlier, method.method)).payment, lang);
            if (earlier.status !== 'failed' || earlier.failure_code !== 'abandoned') return answer(earlier, lang);
            revive = earlier;
          }
        }
        const recorded = await recordAttempt(caller, bookingId, method, idempotencyKey, hash, revive, nothingDueOnly);
        if (!recorded) continue;
        const settled = await charge(recorded.payment, method.method);
        return answer(
          settled.payment,
          lang,
          settled.tickets ? { booking: recorded.booking, tickets: settled.tickets } : undefined,
        );
      }
      throw paymentInProgress('');
    },

    /**
     * Whether the attempt made with this key has its final answer (confirmed, reversed or declined),
     * so a retry can be answered from it even while the first request's key is held by a process
     * that died; pending or abandoned attempts still have a charge to make.
     */
    async settledWithKey(userId: string, idempotencyKey: string): Promise<boolean> {
      const p = await store.findByIdempotencyKey(db, userId, idempotencyKey);
      return p !== undefined && p.status !== 'pending' && !(p.status === 'failed' && p.failure_code === 'abandoned');
    },

    /** A payment as the API shows it, for the booking detail. */
    async latestForBooking(bookingId: string): Promise<PaymentView | null> {
      const row = await db
        .selectFrom('payments')
        .select(['id', 'status', 'amount', 'currency'])
        .where('booking_id', '=', bookingId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toPaymentView(row) : null;
    },
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
