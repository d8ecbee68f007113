// Payments the customer confirms in the browser (Stripe's PaymentIntents and Payment Element): we
// record the payment (pending, committed), then start it at the provider with our payment id as the
// idempotency key and metadata naming what it pays; the browser confirms it with the client secret
// (3-D Secure and redirect methods come back to the return URL), and the payment is settled from the
// provider's own record by whichever comes first: the customer's POST …/payments {paymentIntentId},
// the webhook, or reconciliation. One payment in flight per booking or order: asking again gives the
// same PaymentIntent while the amount due is the same, else the old one is cancelled first.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import { accountOf, type Caller } from '../../platform/http/access.ts';
import { dueAmount } from '../booking/booking.views.ts';
import { isFinal, type PaymentProvider, type ProviderPayment } from './payment-provider.ts';
import {
  bookingNotPayable,
  paymentInProgress,
  paymentUnavailable,
  providerNotClientConfirmed,
  showtimeNoLongerOnSale,
} from './payments.errors.ts';
import { type PaymentService, seatsSnapshot } from './payments.service.ts';
import * as store from './payments.store.ts';
import type { PaymentsDb } from './payments.tables.ts';
import type { Settlement } from './settlement.ts';
import type { PaymentMetrics } from './payments.metrics.ts';

/** The answer of POST …/payment-intents (api-16 §3). */
export interface IntentAnswer {
  paymentId: string;
  provider: string;
  clientSecret: string | null;
  publishableKey: string | null;
  amount: { amount: number; currency: string };
  status: store.PaymentRow['status'];
}

export type ClientPayments = ReturnType<typeof createClientPayments>;

export function createClientPayments(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  provider: PaymentProvider;
  publishableKey: string | null;
  payments: PaymentService;
  settlement: Settlement;
  /** Settles an order's payment (order-payments.ts). */
  settleOrder: (paymentId: string, charge: ProviderPayment) => Promise<store.AnyPaymentRow | undefined>;
  metrics: Pick<PaymentMetrics, 'failed'>;
}) {
  const { db, clock, provider } = deps;

  const answerOf = (p: store.AnyPaymentRow, clientSecret: string | null): IntentAnswer => ({
    paymentId: p.id,
    provider: p.provider,
    clientSecret,
    publishableKey: deps.publishableKey,
    amount: { amount: p.amount, currency: p.currency.trim() },
    status: p.status,
  });

  function requireClientConfirmed() {
    if (!provider.clientConfirmed || !provider.startPayment) throw providerNotClientConfirmed();
  }

  /** Starts a recorded payment at the provider (again: same reference, same PaymentIntent); its client secret. */
  async function open(p: store.AnyPaymentRow, description: string, metadata: Record<string, string>) {
    let started;
    try {
      started = await (provider.startPayment as NonNullable<PaymentProvider['startPayment']>)({
        reference: p.id,
        amount: p.amount,
        currency: p.currency.trim(),
        description,
        metadata: { marquee_payment_id: p.id, ...metadata },
      });
    } catch (err) {
      deps.logger.error({ err, paymentId: p.id }, 'payment provider failed to start a payment');
      throw paymentUnavailable(p.id);
    }
    await store.setProviderPaymentId(db, p.id, started.providerPaymentId);
    return started.clientSecret;
  }

  /**
   * The payment already in flight: its client secret when it still asks the amount due, or null once
   * it was given up (the amount changed: a promo code or gift card since; one that succeeded for the
   * old amount is settled, so given back). Throws when it settled and paid.
   */
  async function reuse(live: store.AnyPaymentRow, amount: number, currency: string): Promise<string | null> {
    if (live.status === 'succeeded') throw bookingNotPayable('confirmed');
    if (live.provider !== provider.name) throw paymentInProgress(live.id);
    if (!live.provider_payment_id) return null;
    if (live.amount === amount && live.currency.trim() === currency) {
      const secret = await provider.clientSecretOf?.(live.provider_payment_id).catch(() => null);
      if (secret) return secret;
    }
    const charge = await provider.getPayment(live.id, live.provider_payment_id).catch(() => null);
    if (charge && isFinal(charge)) {
      // A success for the old amount is given back (amount_changed) and leaves the booking held:
      // only a payment that really settled means there is nothing left to pay.
      const after =
        live.purpose === 'booking'
          ? (await deps.settlement.settle(live.id, charge)).payment
          : await deps.settleOrder(live.id, charge);
      if (after?.status === 'succeeded') throw bookingNotPayable('confirmed');
      return null;
    }
    if (charge?.status === 'processing') throw paymentInProgress(live.id);
    // Given up here first, so the provider's cancellation event finds nothing left to settle; a
    // success that beats the cancellation is refunded as a late success.
    const marked = await db.transaction().execute(async (trx) => {
      const again = await store.findPayment(trx, live.id, { lock: true });
      if (again?.status !== 'pending') return false;
      await store.markFailed(trx, live.id, {
        providerPaymentId: live.provider_payment_id,
        code: 'superseded',
        message: 'The amount due changed; a new payment was started',
        now: clock.now(),
      });
      return true;
    });
    if (marked) deps.metrics.failed('superseded');
    await provider.cancelPayment?.(live.provider_payment_id, live.id).catch(() => undefined);
    return null;
  }

  return {
    answerOf,
    open,
    reuse,
    requireClientConfirmed,

    /** POST /bookings/{id}/payment-intents: a PaymentIntent for what is due (nothing due: settled at once). */
    async startForBooking(caller: Caller, bookingId: string): Promise<IntentAnswer> {
      requireClientConfirmed();
      const booking = await deps.payments.payableBooking(caller, bookingId);
      const due = dueAmount(booking);
      if (due === 0) {
        // A PaymentIntent started while something was due (on page load) is given up first (pay's supersede).
        const paid = await deps.payments.pay(caller, bookingId, { kind: 'none' });
        const p = await store.findPayment(db, paid.payment.id);
        if (!p) throw paymentInProgress(paid.payment.id);
        return answerOf(p, null);
      }
      for (let attempt = 0; attempt < 3; attempt++) {
        const live = await store.livePaymentOfBooking(db, bookingId);
        if (live) {
          const secret = await reuse(live, due, booking.currency);
          if (secret) return answerOf(live, secret);
          if (!live.provider_payment_id && live.provider === provider.name)
            return answerOf(
              live,
              await open(live, `Booking ${bookingId}`, { marquee_purpose: 'booking', marquee_booking_id: bookingId }),
            );
          continue;
        }
        const now = clock.now();
        let p: store.PaymentRow | undefined;
        try {
          [p] = await store.insertPaymentsIfOnSale(db, [
            {
              id: randomUUID(),
              booking_id: booking.id,
              showtime_id: booking.showtimeId,
              user_id: accountOf(caller),
              provider: provider.name,
              idempotency_key: null,
              request_hash: 'client-confirmed',
              amount: due,
              currency: booking.currency,
              card_last4: null,
              seats: seatsSnapshot(booking.seats),
              created_at: now,
            },
          ]);
        } catch (err) {
          if (isPgError(err, '23505')) continue;
          throw err;
        }
        if (!p) throw showtimeNoLongerOnSale();
        const secret = await open(p, `Booking ${bookingId}`, {
          marquee_purpose: 'booking',
          marquee_booking_id: bookingId,
        });
        return answerOf(p, secret);
      }
      throw paymentInProgress('');
    },
  };
}
