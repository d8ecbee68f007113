// Paying for a hold. The amount comes from the held seats, never the client. The payment row (with
// the Idempotency-Key) is committed BEFORE the provider is called, so every charge the provider
// makes is one we know about; the provider is asked with our payment id as its idempotency key, so
// a retry never charges twice. Settling the answer is settlement.ts.
import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { type CardInput, type CheckedCard, checkCard } from './card.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { bookingExpired, bookingNotPayable, idempotencyKeyReused, paymentDeclined, paymentInProgress, paymentUnavailable, showtimeNoLongerOnSale } from './payments.errors.ts';
import type { PaymentsDeps } from './payments.ports.ts';
import * as store from './payments.store.ts';
import type { Settlement } from './settlement.ts';

export interface PaymentView {
  id: string;
  status: store.PaymentRow['status'];
  amount: { amount: number; currency: string };
}

export const toPaymentView = (p: store.PaymentRow): PaymentView => ({
  id: p.id,
  status: p.status,
  amount: { amount: p.amount, currency: p.currency.trim() },
});

/** Test seams for crash tests: run just before the provider is asked, and right after it charged. */
export interface PaymentHooks {
  beforeCharge?: (paymentId: string) => Promise<void> | void;
  afterCharge?: (paymentId: string) => Promise<void> | void;
}

const staffLike = (p: Principal) => p.role === 'staff' || p.role === 'admin';

export function createPaymentService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  logger: Logger;
  provider: PaymentProvider;
  ports: PaymentsDeps;
  settlement: Settlement;
  secret: () => Promise<string>;
}) {
  const { db, clock, provider, ports, settlement } = deps;
  const hooks: PaymentHooks = {};

  /** A keyed hash of the request, so a reused key can be told from a retry without keeping card data. */
  async function requestHash(bookingId: string, card: CardInput): Promise<string> {
    const canonical = JSON.stringify([bookingId, card.number.replace(/[\s-]/g, ''), card.expMonth, card.expYear, card.cvc]);
    return createHmac('sha256', await deps.secret()).update(canonical).digest('hex');
  }

  /** The answer a payment in its current state gives, the same on every retry. */
  async function answer(p: store.PaymentRow): Promise<{ payment: PaymentView; booking: object }> {
    if (p.outcome === 'confirmed') return { payment: toPaymentView(p), booking: await ports.booking.view(p.booking_id) };
    if (p.status === 'failed') throw paymentDeclined(p.id, p.failure_code ?? 'card_declined', p.failure_message ?? 'The card was declined');
    if (p.outcome === 'reversed') {
      const extra = { paymentId: p.id, refunded: true, reason: p.failure_code };
      if (p.failure_code === 'booking_expired') throw bookingExpired(extra);
      if (p.failure_code === 'showtime_cancelled') throw showtimeNoLongerOnSale();
      throw bookingNotPayable('released', extra);
    }
    throw paymentInProgress(p.id);
  }

  /**
   * Records the attempt (committed) after checking the booking can be paid; null when the key was
   * taken meanwhile. `revive` is an attempt with this key that never reached the provider (given up
   * by reconciliation): it is tried again under the same id, so its key still means one charge.
   */
  async function recordAttempt(principal: Principal, bookingId: string, card: CheckedCard, key: string | undefined, hash: string, revive?: store.PaymentRow) {
    try {
      return await db.transaction().execute(async (trx) => {
        const booking = await ports.booking.getForPayment(trx, bookingId, staffLike(principal) ? null : principal.userId);
        const now = clock.now();
        if (booking.status === 'expired' || (booking.status === 'held' && booking.expiresAt <= now)) throw bookingExpired({ expiresAt: booking.expiresAt.toISOString() });
        if (booking.status !== 'held') throw bookingNotPayable(booking.status);
        if ((await store.showtimeStatusForSale(trx, booking.showtimeId)) !== 'scheduled') throw showtimeNoLongerOnSale();
        const live = await store.livePaymentOfBooking(trx, bookingId);
        if (live?.status === 'succeeded') throw bookingNotPayable('confirmed');
        if (live) throw paymentInProgress(live.id);
        const amount = booking.seats.reduce((sum, s) => sum + s.price, 0);
        if (revive) return (await store.retryAbandoned(trx, revive.id, now)) ?? null;
        return store.insertPayment(trx, {
          id: randomUUID(),
          booking_id: booking.id,
          showtime_id: booking.showtimeId,
          user_id: principal.userId,
          provider: provider.name,
          idempotency_key: key ?? null,
          request_hash: hash,
          amount,
          currency: booking.currency,
          status: 'pending',
          card_last4: card.last4,
          created_at: now,
          updated_at: now,
        });
      });
    } catch (err) {
      if (key && isPgError(err, '23505')) return null;
      if (isPgError(err, '23505')) throw paymentInProgress('');
      throw err;
    }
  }

  /** Asks the provider (idempotent by our payment id) and settles its answer. */
  async function charge(p: store.PaymentRow, card: CheckedCard): Promise<store.PaymentRow> {
    await hooks.beforeCharge?.(p.id);
    let result;
    try {
      result = await provider.createPayment({ reference: p.id, amount: p.amount, currency: p.currency.trim(), card, description: `Booking ${p.booking_id}` });
    } catch (err) {
      deps.logger.error({ err, paymentId: p.id }, 'payment provider failed; reconciliation will settle the payment');
      throw paymentUnavailable(p.id);
    }
    await hooks.afterCharge?.(p.id);
    return (await settlement.settle(p.id, result)) ?? p;
  }

  return {
    hooks,

    /** Pays a held booking with a card: 201 confirmed with tickets, 402 declined, 409 when not payable. */
    async pay(principal: Principal, bookingId: string, cardInput: CardInput, idempotencyKey?: string) {
      const card = checkCard(cardInput, clock.now());
      const hash = await requestHash(bookingId, cardInput);
      for (let attempt = 0; attempt < 3; attempt++) {
        if (idempotencyKey) {
          const earlier = await store.findByIdempotencyKey(db, principal.userId, idempotencyKey);
          if (earlier) {
            if (earlier.request_hash !== hash || earlier.booking_id !== bookingId) throw idempotencyKeyReused();
            if (earlier.status === 'failed' && earlier.failure_code === 'abandoned') {
              const revived = await recordAttempt(principal, bookingId, card, idempotencyKey, hash, earlier);
              if (revived) return answer(await charge(revived, card));
              continue;
            }
            // A retry of an attempt still in flight (or cut short by a crash) finishes it: the
            // provider returns the same charge for the same reference.
            return answer(earlier.status === 'pending' ? await charge(earlier, card) : earlier);
          }
        }
        const p = await recordAttempt(principal, bookingId, card, idempotencyKey, hash);
        if (p) return answer(await charge(p, card));
      }
      throw paymentInProgress('');
    },

    /** A payment as the API shows it, for the booking detail. */
    async latestForBooking(bookingId: string): Promise<PaymentView | null> {
      const row = await db.selectFrom('payments').selectAll().where('booking_id', '=', bookingId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
      return row ? toPaymentView(row) : null;
    },
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
