// Money back. A customer cancels tickets (all, or those named) and gets what the refund policy
// says; an admin cancels a showtime and every paid booking gets everything back. Either way the
// tickets are voided, their seats freed and the refund recorded in one transaction per booking,
// then sent to the provider (retried by a job until it is accepted); tickets.cancelled tells the rest
// (the customer's email is made from it). A cancelled showtime's run is a `payments.showtime-refunds`
// job, enqueued in the cancelling transaction, which runs again until no booking failed and the
// settle window has passed.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { type Caller, isStaff } from '../../platform/http/access.ts';
import { type JobQueue, RunAgainLater } from '../../platform/queue/job-queue.ts';
import type { SeatChanges } from '../booking/booking.module.ts';
import {
  bookingNotCancellable,
  cancellationWindowClosed,
  paymentNotOffline,
  refundAtTill,
  ticketNotCancellable,
  unknownTickets,
} from './payments.errors.ts';
import { OFFLINE_METHODS, type OfflineMethod, type OfflineRefund } from './offline-payments.ts';
import {
  completeRefund,
  giftCardRefundedOf,
  insertRefund,
  pendingRefundsOfBooking,
  setRefundedStatus,
} from './refunds.store.ts';
import { type RefundSplit, splitAmount, splitRefund } from './refund-split.ts';
import { type FoodRefund, foodColumns, foodPayload, refundFoodOf } from './food-refunds.ts';
import type { PaymentsDeps } from './payments.ports.ts';
import type { PaymentsDb, RefundReason } from './payments.tables.ts';
import { findPayment, paidPaymentOfBooking, refundablePaymentsOfShowtime } from './payments.store.ts';
import { type RefundPolicy, refundPercentOf } from './refund-policy.ts';
import type { RefundSender } from './refund-sender.ts';

export const SHOWTIME_REFUNDS_QUEUE = 'payments.showtime-refunds';
const RUN_RETRY_MS = 60_000;
// A run stays open this long after the cancellation, so a payment that was settling at that moment
// (and so saw the showtime still scheduled) is found by a later pass.
const RUN_SETTLE_MS = 2 * 60_000;

export function createRefundService(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  ports: PaymentsDeps;
  refunds: RefundSender;
  policy: RefundPolicy;
  queue: JobQueue;
}) {
  const { db, clock, ports } = deps;

  /** Voids tickets, frees their seats and records their refund, all in the caller's transaction. */
  async function refundTickets(
    trx: Executor<PaymentsDb>,
    booking: { id: string; userId: string | null; showtimeId: string },
    payment: { id: string; currency: string; provider: string },
    ticketIds: string[],
    split: RefundSplit & { done: boolean },
    reason: RefundReason,
    all: boolean,
    offline?: OfflineRefund,
    food: FoodRefund | null = null,
  ) {
    const amount = split.cardAmount + split.giftCardAmount;
    const now = clock.now();
    const voided = all
      ? await ports.tickets.voidAll(trx, booking.id)
      : await ports.tickets.void(trx, booking.id, ticketIds);
    // A ticket checked in at the door since it was read is not voided: refuse (rolling back) rather
    // than refund a seat that is in use.
    if (!all && voided.length !== ticketIds.length) {
      const gone = ticketIds.find((id) => !voided.some((t) => t.id === id)) ?? '';
      throw ticketNotCancellable(gone, 'used');
    }
    const seatIds = voided.map((t) => t.seat.seatId);
    const changes = seatIds.length > 0 ? await ports.booking.releaseSeats(trx, booking.id, seatIds) : null;
    let refundId: string | null = null;
    if (amount > 0) {
      refundId = randomUUID();
      const row = {
        id: refundId,
        payment_id: payment.id,
        booking_id: booking.id,
        // The provider's (or the drawer's) part; the gift card part goes back through tickets.cancelled.
        amount: split.cardAmount,
        gift_card_amount: split.giftCardAmount,
        currency: payment.currency,
        reason,
        ticket_ids: voided.map((t) => t.id),
        ...foodColumns(food),
        status: 'pending' as const,
        created_at: now,
      };
      // Money paid back from the till's drawer is paid back now, and a refund all to gift cards has
      // nothing to send: there is no provider to ask.
      if (offline || split.cardAmount === 0)
        await insertRefund(trx, {
          ...row,
          status: 'succeeded',
          provider_refund_id: offline?.reference ?? null,
          completed_at: now,
          next_attempt_at: now,
        });
      else await deps.refunds.record(trx, row);
      await setRefundedStatus(trx, payment.id, split.done);
    }
    const left = (await ports.tickets.forBooking(trx, booking.id)).filter((t) => t.status !== 'void');
    if (left.length === 0) await ports.booking.markRefunded(trx, booking.id);
    await addEvents(trx, [
      {
        type: 'tickets.cancelled',
        aggregateId: booking.id,
        payload: {
          bookingId: booking.id,
          // A counter sale's emails go to the email given at the till, not the cashier.
          userId: OFFLINE_METHODS.includes(payment.provider) ? null : booking.userId,
          showtimeId: booking.showtimeId,
          ticketIds: voided.map((t) => t.id),
          seatIds,
          refundId,
          amount,
          currency: payment.currency.trim(),
          // Where it goes: the provider (or the till) and the gift cards (giftcards credits them).
          refund: {
            cardAmount: split.cardAmount,
            giftCardAmount: split.giftCardAmount,
            currency: payment.currency.trim(),
          },
          reason,
          bookingRefunded: left.length === 0,
          // Issue 17: the food lines given back with the tickets (finance lists them on the credit note).
          food: foodPayload(food),
        },
      },
    ]);
    return { refundId, changes, voided };
  }

  async function afterCommit(changes: SeatChanges | null, refundId: string | null): Promise<void> {
    if (changes) await ports.booking.publishSeatChanges(changes.showtimeId, changes).catch(() => {});
    if (refundId) await deps.refunds.send(refundId);
  }

  /** Refunds one paid booking of a cancelled showtime in full; false when there was nothing left to refund. */
  async function refundForCancelledShowtime(bookingId: string): Promise<boolean> {
    const done = await db.transaction().execute(async (trx) => {
      const booking = await ports.booking.getForPayment(trx, bookingId, null);
      const payment = await paidPaymentOfBooking(trx, bookingId, { lock: true });
      if (!payment || payment.status !== 'succeeded') return null;
      const giftLeft = Math.max(0, booking.giftCardAmount - (await giftCardRefundedOf(trx, payment.id)));
      const cardLeft = payment.amount - payment.refunded_amount;
      // Everything left comes back but the food already handed over (its share kept from both parts).
      const { food, kept } = await refundFoodOf(ports, trx, booking.id, clock.now());
      const keep = splitAmount(kept, booking, { cardPaid: payment.amount, cardLeft, giftLeft });
      const split = {
        cardAmount: cardLeft - keep.cardAmount,
        giftCardAmount: giftLeft - keep.giftCardAmount,
        // Final even when food handed over is kept: the run must not find this payment again.
        done: true,
      };
      const r = await refundTickets(
        trx,
        booking,
        { id: payment.id, currency: payment.currency, provider: payment.provider },
        [],
        split,
        'showtime_cancelled',
        true,
        undefined,
        food,
      );
      await ports.booking.markRefunded(trx, booking.id);
      await setRefundedStatus(trx, payment.id, true);
      return { showtimeId: booking.showtimeId, ...r };
    });
    if (!done) return false;
    await afterCommit(done.changes, done.refundId);
    return true;
  }

  /**
   * Works through a cancelled showtime's paid bookings; one failing never stops the others. Complete
   * when none failed and the settle window has passed: nothing is left for a later pass to find.
   */
  async function refundShowtime(showtimeId: string): Promise<{ refunded: number; failed: number; complete: boolean }> {
    let refunded = 0;
    const failedIds = new Set<string>();
    for (;;) {
      const batch = (await refundablePaymentsOfShowtime(db, showtimeId, 50 + failedIds.size)).filter(
        (p) => !failedIds.has(p.booking_id),
      );
      if (batch.length === 0) break;
      for (const p of batch) {
        try {
          if (await refundForCancelledShowtime(p.booking_id)) refunded++;
        } catch (err) {
          failedIds.add(p.booking_id);
          deps.logger.warn(
            { err, bookingId: p.booking_id, showtimeId },
            'refund for a cancelled showtime failed; it will be retried',
          );
        }
      }
    }
    const now = clock.now();
    const run = await db
      .selectFrom('showtime_refund_runs')
      .select('requested_at')
      .where('showtime_id', '=', showtimeId)
      .executeTakeFirst();
    const settled = run !== undefined && now.getTime() - run.requested_at.getTime() >= RUN_SETTLE_MS;
    const complete = failedIds.size === 0 && settled;
    // next_attempt_at is still written for processes of the previous release, which lease runs by it.
    await db
      .updateTable('showtime_refund_runs')
      .set((eb) => ({
        refunded_bookings: eb('refunded_bookings', '+', refunded),
        ...(complete
          ? { completed_at: now, last_error: null }
          : {
              next_attempt_at: new Date(now.getTime() + RUN_RETRY_MS),
              last_error: failedIds.size > 0 ? `${failedIds.size} booking(s) failed` : null,
            }),
      }))
      .where('showtime_id', '=', showtimeId)
      .execute();
    return { refunded, failed: failedIds.size, complete };
  }

  deps.queue.work<{ showtimeId: string }>(
    SHOWTIME_REFUNDS_QUEUE,
    async (job) => {
      const result = await refundShowtime(job.payload.showtimeId);
      if (result.complete) return;
      // Waiting for the settle window, or for bookings that failed on their own: not the job failing.
      throw new RunAgainLater(
        new Date(clock.now().getTime() + RUN_RETRY_MS),
        result.failed > 0 ? `${result.failed} booking(s) failed` : 'the settle window has not passed',
      );
    },
    // A failure of the run itself (the database away) retries from 10 s doubling to an hour.
    { maxAttempts: 30, backoff: { firstMs: 10_000, maxMs: 3600_000 } },
  );

  return {
    refundShowtime,

    /**
     * Records, in the caller's transaction (the one cancelling the showtime), that its bookings must
     * be refunded, with the job that sees it done (the caller refunds at once after the commit; the
     * job, due a minute later, finishes what that left).
     */
    async recordShowtimeCancelled(tx: SharedTx, showtimeId: string): Promise<void> {
      const trx = narrowTx<PaymentsDb>(tx);
      const now = clock.now();
      const runAt = new Date(now.getTime() + RUN_RETRY_MS);
      await trx
        .insertInto('showtime_refund_runs')
        .values({ showtime_id: showtimeId, requested_at: now, next_attempt_at: runAt })
        .onConflict((oc) => oc.column('showtime_id').doUpdateSet({ completed_at: null, next_attempt_at: now }))
        .execute();
      await deps.queue.enqueue(trx, SHOWTIME_REFUNDS_QUEUE, { showtimeId }, { key: showtimeId, runAt });
    },

    /** Cancels tickets of a paid booking (all when none are named) and refunds them by the policy (food names in `lang`). */
    cancel: (caller: Caller, bookingId: string, ticketIds: string[] | undefined, lang?: string) =>
      cancelTickets(caller, bookingId, ticketIds, undefined, lang),

    /**
     * The same cancellation for a booking paid at the counter, the money paid back there (cash from
     * the drawer, or the card terminal), in full until the showtime starts whatever the customer
     * policy says (staff decide at the counter): the refund is recorded as done, and `offline.inTransaction`
     * records it in the caller's ledger in the same transaction. 409 payment_not_offline for a
     * booking paid online.
     */
    cancelOffline: (bookingId: string, ticketIds: string[] | undefined, offline: OfflineRefund) =>
      cancelTickets(null, bookingId, ticketIds, offline),

    /**
     * Pays out at a till what a counter sale is owed already (its showtime was cancelled: the refund
     * run recorded the refund, but no provider can send cash): each pending refund of the booking is
     * marked paid, and `offline.inTransaction` records the sum in the caller's ledger, in one
     * transaction. False when nothing was owed.
     */
    async payOutAtTill(bookingId: string, offline: OfflineRefund): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const owed = await pendingRefundsOfBooking(trx, bookingId);
        const payment = owed[0] && (await findPayment(trx, owed[0].payment_id));
        if (!payment || !OFFLINE_METHODS.includes(payment.provider)) return false;
        const now = clock.now();
        for (const r of owed) await completeRefund(trx, r.id, offline.reference, now);
        await offline.inTransaction(trx, {
          refundId: owed.length === 1 ? (owed[0]?.id ?? null) : null,
          paymentId: payment.id,
          method: payment.provider as OfflineMethod,
          amount: owed.reduce((sum, r) => sum + r.amount, 0),
          currency: payment.currency.trim(),
        });
        return true;
      });
    },
  };

  async function cancelTickets(
    // Null: the system or the till (offline), like staff exempt from the customer rules.
    caller: Caller | null,
    bookingId: string,
    ticketIds: string[] | undefined,
    offline?: OfflineRefund,
    lang?: string,
  ) {
    // The showtime is read before the transaction (the catalog reads through its own connection).
    const peek = await db
      .selectFrom('payments')
      .select('showtime_id')
      .where('booking_id', '=', bookingId)
      .limit(1)
      .executeTakeFirst();
    const showtime = peek?.showtime_id ? await ports.showtime(peek.showtime_id) : null;
    const done = await db.transaction().execute(async (trx) => {
      const booking = await ports.booking.getForPayment(trx, bookingId, caller);
      if (booking.status !== 'confirmed') throw bookingNotCancellable(booking.status);
      const payment = await paidPaymentOfBooking(trx, bookingId, { lock: true });
      if (!payment || !showtime) throw bookingNotCancellable(booking.status);
      // Money goes back the way it came: card payments online, cash and terminal payments at a till.
      if (offline && !OFFLINE_METHODS.includes(payment.provider)) throw paymentNotOffline();
      if (!offline && OFFLINE_METHODS.includes(payment.provider)) throw refundAtTill();
      const tickets = await ports.tickets.forBooking(trx, bookingId);
      let targets = tickets.filter((t) => t.status === 'valid');
      if (ticketIds) {
        const wanted = [...new Set(ticketIds)];
        const unknown = ticketIds.map((id, i) => (tickets.some((t) => t.id === id) ? -1 : i)).filter((i) => i >= 0);
        if (unknown.length > 0) throw unknownTickets(unknown);
        for (const id of wanted) {
          const t = tickets.find((x) => x.id === id);
          if (t && t.status !== 'valid') throw ticketNotCancellable(t.id, t.status);
        }
        targets = tickets.filter((t) => wanted.includes(t.id));
      }
      const now = clock.now();
      // At the till, staff give everything back until the showtime starts (the box office's call,
      // face to face); the customer policy's cut-off and tiers are for cancelling online.
      const percent = offline
        ? now.getTime() < showtime.startsAt.getTime()
          ? 100
          : 0
        : refundPercentOf(deps.policy, showtime, booking.confirmedAt, now);
      if (percent === 0) {
        throw cancellationWindowClosed(
          showtime.startsAt,
          offline
            ? { tillRefundUntil: showtime.startsAt.toISOString() }
            : deps.policy.tiers
              ? { refundPolicy: deps.policy.tiers }
              : { cutoffMinutes: deps.policy.cutoffMinutes },
        );
      }
      // Every ticket left was checked in: nothing can be given back for a seat in use.
      if (targets.length === 0) throw ticketNotCancellable(tickets.find((t) => t.status === 'used')?.id ?? '', 'used');
      // A customer may not keep a companion seat without its accessible seat; staff may leave one.
      if (caller !== null && !isStaff(caller))
        await ports.booking.checkCompanionsKept(
          trx,
          booking,
          targets.map((t) => t.seat.seatId),
        );
      // What these tickets were paid (less their share of a promo discount), split between the gift
      // cards and the provider as they paid (refund-split.ts).
      const cardLeft = payment.amount - payment.refunded_amount;
      const giftLeft = Math.max(0, booking.giftCardAmount - (await giftCardRefundedOf(trx, payment.id)));
      // Cancelling the whole booking gives back its food not yet collected, in full; a partial cancel keeps it.
      const whole = targets.length === tickets.filter((t) => t.status !== 'void').length;
      const { food } = whole ? await refundFoodOf(ports, trx, booking.id, now) : { food: null };
      const split = splitRefund(
        targets.map((t) => ({ seatId: t.seat.seatId, price: t.price.amount })),
        percent,
        booking,
        { cardPaid: payment.amount, cardLeft, giftLeft },
        food?.amount ?? 0,
      );
      const done = split.cardAmount === cardLeft && split.giftCardAmount === giftLeft;
      const r = await refundTickets(
        trx,
        booking,
        { id: payment.id, currency: payment.currency, provider: payment.provider },
        targets.map((t) => t.id),
        { ...split, done },
        'customer_cancel',
        false,
        offline,
        food,
      );
      await offline?.inTransaction(trx, {
        refundId: r.refundId,
        paymentId: payment.id,
        method: payment.provider as OfflineMethod,
        amount: split.cardAmount,
        currency: payment.currency.trim(),
      });
      return { showtimeId: booking.showtimeId, ...r };
    });
    await afterCommit(done.changes, offline ? null : done.refundId);
    return ports.booking.view(bookingId, lang);
  }
}

export type RefundService = ReturnType<typeof createRefundService>;
