// Settling a charge the provider answered: the one place that turns a provider outcome into our
// records, whoever brings it (the paying request, a webhook, or reconciliation after a crash). The
// payment row is locked, so whichever comes first settles and the others find it settled.
//
// Succeeded and the seats are still this booking's → in ONE transaction: claims sold, booking
// confirmed (booking.confirmed, which the confirmation email is made from), tickets issued, payment
// succeeded. Otherwise the charge is reversed: recorded as taken, refunded in full, and
// payment.reversed written (the customer is told from it).
//
// Paying requests that settle at the same moment share that transaction (micro-batches, see
// platform/batcher.ts): four statements and one commit for the batch. Anything unusual in a batch
// (a payment not pending, a booking that lost a seat, any error) rolls it back, and its payments
// take the one-at-a-time path, which knows every case.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SharedTx } from '../../platform/db/module-db.ts';
import type { Logger } from 'pino';
import { createBatcher } from '../../platform/batcher.ts';
import type { Clock } from '../../platform/clock.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { AppError } from '../../platform/errors.ts';
import type { SeatChanges } from '../booking/booking.module.ts';
import { dueAmount } from '../booking/booking.views.ts';
import type { TicketView } from '../tickets/tickets.service.ts';
import { isFinal, type ProviderPayment } from './payment-provider.ts';
import type { PaymentsDeps } from './payments.ports.ts';
import { bookingExpired, bookingNotPayable, bookingReleased, showtimeNoLongerOnSale } from './payments.errors.ts';
import {
  claimForSettlement,
  findPayment,
  insertPaymentsIfOnSale,
  lockForSettlement,
  markConfirmed,
  markFailed,
  markReversed,
  type NewPayment,
  type PaymentRow,
} from './payments.store.ts';
import type { RefundSender } from './refund-sender.ts';
import type { PaymentsDb } from './payments.tables.ts';
import type { PaymentMetrics } from './payments.metrics.ts';

class NotConfirmable extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.reason = reason;
  }
}

/** Thrown inside a batch's transaction to roll it back: its payments then settle one by one. */
class BatchBroken extends Error {}

export type Settlement = ReturnType<typeof createSettlement>;

interface SettleItem {
  paymentId: string;
  charge: ProviderPayment;
}

/** A payment as it stands after settling, with the tickets when this settlement issued them. */
export interface Settled {
  payment: PaymentRow | undefined;
  tickets?: TicketView[];
}

interface Confirmed {
  payment: PaymentRow;
  tickets: TicketView[];
  changes: SeatChanges;
  showtimeId: string;
}

// Settlements in one transaction at most, and transactions open at once (each holds a connection).
const BATCH = { maxBatch: 32, maxInFlight: 4 };

export function createSettlement(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  ports: PaymentsDeps;
  refunds: RefundSender;
  metrics: PaymentMetrics;
}) {
  const { db, clock, ports, metrics } = deps;

  async function recordFailure(paymentId: string, charge: ProviderPayment): Promise<void> {
    const code = charge.failureCode ?? 'card_declined';
    const marked = await db.transaction().execute(async (trx) => {
      const p = await findPayment(trx, paymentId, { lock: true });
      if (p?.status !== 'pending') return false;
      await markFailed(trx, p.id, {
        providerPaymentId: charge.id,
        code,
        message: charge.failureMessage ?? 'The card was declined',
        now: clock.now(),
      });
      return true;
    });
    if (marked) metrics.failed(code);
  }

  /** Counts a sale once its transaction committed. */
  const counted = ({ payment: p, tickets }: Confirmed): void =>
    metrics.sold({ showtimeId: p.showtime_id, amount: p.amount, currency: p.currency.trim(), tickets: tickets.length });

  /**
   * Sells the seats and issues tickets; throws NotConfirmable when the seats are no longer ours.
   * The usual case is four statements: the payment claimed, the booking sold, the tickets issued,
   * commit. A payment that cannot be claimed is read under lock to say why.
   */
  async function confirm(paymentId: string, charge: ProviderPayment) {
    return db.transaction().execute(async (trx) => {
      const now = clock.now();
      const settled = { providerPaymentId: charge.id };
      let [payment] = await claimForSettlement(trx, [{ id: paymentId, ...settled }], now);
      if (!payment) {
        const p = await lockForSettlement(trx, paymentId);
        if (!p) return null;
        if (p.status === 'failed') throw new NotConfirmable('late_success');
        if (p.status !== 'pending') return null;
        // A cancelled showtime sells nothing; one cancelled right after this commits is refunded by
        // its refund run, which looks again after every settlement in flight has finished.
        if (p.showtime_status !== 'scheduled') throw new NotConfirmable('showtime_cancelled');
        payment = await markConfirmed(trx, p.id, settled, now);
      }
      // What was charged must still be what is due: a promo code or gift card applied after the
      // payment started (a PaymentIntent confirmed later in the browser) gives the charge back.
      const booking = await ports.booking.getForPayment(trx, payment.booking_id, null, { lock: true });
      if (booking.status === 'held' && dueAmount(booking) !== payment.amount)
        throw new NotConfirmable('amount_changed');
      return sellAndIssue(trx, payment);
    });
  }

  /** Claims → sold and tickets issued for a payment confirmed in this transaction; NotConfirmable when the seats are gone. */
  async function sellAndIssue(trx: Transaction<PaymentsDb>, payment: PaymentRow): Promise<Confirmed> {
    let changes;
    try {
      changes = await ports.booking.confirm(trx, payment.booking_id);
    } catch (err) {
      if (err instanceof AppError && err.kind === 'conflict') {
        throw new NotConfirmable(
          err.code === 'booking_expired' || err.code === 'booking_released' ? err.code : 'booking_not_payable',
        );
      }
      throw err;
    }
    await ports.food?.markPaid(trx, [payment.booking_id], clock.now());
    // Payments made before seats (or their ticket types) were recorded on them read them from the
    // booking, whose seats have a ticket type always (adult for holds from before ticket types).
    const typed = payment.seats.length > 0 && payment.seats.every((s) => s.ticketType);
    const seats = typed ? payment.seats : (await ports.booking.getForPayment(trx, payment.booking_id, null)).seats;
    const tickets = await ports.tickets.issue(trx, {
      bookingId: payment.booking_id,
      paymentId: payment.id,
      userId: payment.user_id,
      showtimeId: payment.showtime_id,
      currency: payment.currency.trim(),
      seats,
    });
    return { payment, tickets, changes, showtimeId: payment.showtime_id };
  }

  /**
   * Money taken at the counter (cash or the card terminal): recorded and settled in ONE transaction
   * with the caller's own record of it (`inTransaction`, the till's ledger), through the same sale of
   * the claims and issue of tickets as a card payment. Nothing is left pending for reconciliation; a
   * booking whose seats are gone rolls everything back (the cashier has taken nothing yet).
   */
  async function settleOffline(
    row: NewPayment,
    email: string | null,
    inTransaction: (trx: SharedTx, payment: PaymentRow) => Promise<void>,
  ): Promise<Settled> {
    let done: Confirmed;
    try {
      done = await db.transaction().execute(async (trx) => {
        const [recorded] = await insertPaymentsIfOnSale(trx, [row]);
        if (!recorded) throw new NotConfirmable('showtime_cancelled');
        const payment = await markConfirmed(trx, recorded.id, { providerPaymentId: row.id }, clock.now());
        await ports.booking.markCounterSale(trx, row.booking_id, email);
        const confirmed = await sellAndIssue(trx, payment);
        await inTransaction(trx, payment);
        return confirmed;
      });
      counted(done);
    } catch (err) {
      if (!(err instanceof NotConfirmable)) throw err;
      if (err.reason === 'booking_expired') throw bookingExpired();
      if (err.reason === 'booking_released') throw bookingReleased();
      if (err.reason === 'showtime_cancelled') throw showtimeNoLongerOnSale();
      throw bookingNotPayable('released');
    }
    await ports.booking.publishSeatChanges(done.showtimeId, done.changes).catch(() => {});
    return { payment: done.payment, tickets: done.tickets };
  }

  /**
   * The usual case for many at once, in one transaction of four statements: claim every payment,
   * sell every booking, issue every ticket. Payments that cannot be claimed are left out (the single
   * path finds out why); a booking that cannot be sold, or whose due is no longer what was charged,
   * rolls the whole batch back (BatchBroken).
   */
  async function confirmBatch(items: SettleItem[]): Promise<Map<string, Confirmed>> {
    return db.transaction().execute(async (trx) => {
      const claims = items.map((i) => ({ id: i.paymentId, providerPaymentId: i.charge.id }));
      const payments = await claimForSettlement(trx, claims, clock.now());
      if (payments.length === 0) return new Map();
      // Payments made before seats were recorded on them take the single path.
      if (payments.some((p) => p.seats.length === 0 || p.seats.some((s) => !s.ticketType))) throw new BatchBroken();
      // What was charged must still be what is due (as `confirm` checks): a booking whose promo code
      // or gift cards changed while its charge was out breaks the batch, and `confirm` reverses it.
      const sold = await ports.booking.confirmMany(
        trx,
        payments.map((p) => ({ bookingId: p.booking_id, paid: p.amount })),
      );
      const changes = payments.map((p) => sold.get(p.booking_id) ?? null);
      if (changes.some((c) => c === null)) throw new BatchBroken();
      await ports.food?.markPaid(
        trx,
        payments.map((p) => p.booking_id),
        clock.now(),
      );
      const tickets = await ports.tickets.issueMany(
        trx,
        payments.map((p) => ({
          bookingId: p.booking_id,
          paymentId: p.id,
          userId: p.user_id,
          showtimeId: p.showtime_id,
          currency: p.currency.trim(),
          seats: p.seats,
        })),
      );
      return new Map(
        payments.map((p, i) => [
          p.id,
          {
            payment: p,
            tickets: tickets[i] as TicketView[],
            changes: changes[i] as SeatChanges,
            showtimeId: p.showtime_id,
          },
        ]),
      );
    });
  }

  /** Records a charge that gives no tickets and refunds it in full. */
  async function reverse(paymentId: string, charge: ProviderPayment, reason: string): Promise<void> {
    const refundId = await db.transaction().execute(async (trx) => {
      const p = await findPayment(trx, paymentId, { lock: true });
      if (!p || (p.status !== 'pending' && p.status !== 'failed')) return null;
      const now = clock.now();
      await markReversed(trx, p.id, { providerPaymentId: charge.id, reason, now });
      if (charge.amount <= 0) return null;
      const refund = await deps.refunds.record(trx, {
        id: randomUUID(),
        payment_id: p.id,
        booking_id: p.booking_id,
        amount: charge.amount,
        currency: p.currency,
        reason: reason === 'late_success' ? 'late_success' : 'booking_unavailable',
        status: 'pending',
        created_at: now,
      });
      await addEvents(trx, [
        {
          type: 'payment.reversed',
          aggregateId: p.booking_id,
          payload: {
            paymentId: p.id,
            bookingId: p.booking_id,
            userId: p.user_id,
            showtimeId: p.showtime_id,
            refundId: refund.id,
            amount: charge.amount,
            currency: p.currency.trim(),
            reason,
          },
        },
      ]);
      return refund.id;
    });
    if (refundId) await deps.refunds.send(refundId);
  }

  /** Settles a payment from the provider's answer: the payment as it now stands, and the tickets when this call issued them. */
  async function settle(paymentId: string, charge: ProviderPayment): Promise<Settled> {
    // Still waiting for the customer or the provider (3-D Secure, processing): nothing to settle yet.
    if (!isFinal(charge)) return { payment: await findPayment(db, paymentId) };
    if (charge.status === 'failed') {
      await recordFailure(paymentId, charge);
      return { payment: await findPayment(db, paymentId) };
    }
    try {
      const done = await confirm(paymentId, charge);
      if (!done) return { payment: await findPayment(db, paymentId) };
      counted(done);
      await ports.booking.publishSeatChanges(done.showtimeId, done.changes).catch(() => {});
      return { payment: done.payment, tickets: done.tickets };
    } catch (err) {
      if (!(err instanceof NotConfirmable)) throw err;
      deps.logger.warn({ paymentId, reason: err.reason }, 'charge taken but the seats are gone: refunding it');
      await reverse(paymentId, charge, err.reason);
      return { payment: await findPayment(db, paymentId) };
    }
  }

  /** A batch of succeeded charges: together when they can be, else (and for those left out) one by one. */
  async function settleMany(items: SettleItem[]): Promise<(Settled | Promise<Settled>)[]> {
    let done = new Map<string, Confirmed>();
    if (items.length > 1) {
      try {
        done = await confirmBatch(items);
      } catch (err) {
        // Rolled back: every payment is as it was, and settles on its own below.
        if (!(err instanceof BatchBroken))
          deps.logger.warn({ err, payments: items.length }, 'settlement batch failed; settling one by one');
      }
      for (const d of done.values()) counted(d);
      await Promise.all(
        [...done.values()].map((d) => ports.booking.publishSeatChanges(d.showtimeId, d.changes).catch(() => {})),
      );
    }
    return items.map((i) => {
      const d = done.get(i.paymentId);
      return d ? { payment: d.payment, tickets: d.tickets } : settle(i.paymentId, i.charge);
    });
  }

  /** Test seam: told the size of every batch of settlements sent. */
  const hooks: { onBatch?: (size: number) => void } = {};
  const settleTogether = createBatcher(settleMany, { ...BATCH, onBatch: (size) => hooks.onBatch?.(size) });

  return {
    hooks,
    settle,
    settleOffline,
    /**
     * The paying request's settlement: a succeeded charge settles in one transaction with the others
     * settling at that moment (a rush of buyers costs one commit per batch); same outcome as `settle`.
     */
    settleWithOthers(paymentId: string, charge: ProviderPayment): Promise<Settled> {
      return charge.status !== 'succeeded' ? settle(paymentId, charge) : settleTogether({ paymentId, charge });
    },
  };
}
