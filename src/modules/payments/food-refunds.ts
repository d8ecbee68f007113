// Issue 17: food and drink in refunds. Cancelling a whole booking gives back its food not yet
// collected in the same refund (refunds.service.ts calls refundFoodOf); staff may also give back
// uncollected food alone (POST /concession-orders/{id}/refund), online to the card and gift cards as
// the booking paid, or at a till (offline) for a counter sale. The concessions module marks the
// lines (order-refunds.ts: a racing counter scan and a refund never both take a unit); the refund row
// records the food part, and tickets.cancelled (reason food_refund, no tickets) tells gift cards,
// finance (a credit note with the food lines) and the customer's email.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { withRetry } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { FoodRefund } from '../concessions/order-refunds.ts';
import { OFFLINE_METHODS, type OfflineMethod, type OfflineRefund } from './offline-payments.ts';
import {
  concessionOrderNotFound,
  foodAlreadyCollected,
  orderNotRefundable,
  paymentNotOffline,
  refundAtTill,
  unknownFoodLines,
} from './payments.errors.ts';
import type { PaymentsDeps } from './payments.ports.ts';
import { livePaymentOfOrder, paidPaymentOfBooking, type AnyPaymentRow } from './payments.store.ts';
import type { PaymentsDb } from './payments.tables.ts';
import { splitAmount, splitRefund } from './refund-split.ts';
import type { RefundSender } from './refund-sender.ts';
import { giftCardRefundedOf, insertRefund, setRefundedStatus } from './refunds.store.ts';

export type { FoodRefund } from '../concessions/order-refunds.ts';

/** The refund row's food part. */
export function foodColumns(food: FoodRefund | null) {
  return {
    food_amount: food?.amount ?? 0,
    food_lines: JSON.stringify(
      (food?.lines ?? []).map((l) => ({ lineId: l.lineId, name: l.name, quantity: l.quantity, amount: l.amount })),
    ),
    concession_order_id: food?.orderId ?? null,
  };
}

/** A refund row's food part as views show it. */
export function foodRefundView(stored: unknown, amount: number, currency: string) {
  const lines = Array.isArray(stored)
    ? (stored as { lineId: string; name?: string; quantity: number; amount: number }[])
    : [];
  return {
    amount: { amount, currency },
    lines: lines.map((l) => ({
      lineId: l.lineId,
      name: l.name ?? '',
      quantity: l.quantity,
      amount: { amount: l.amount, currency },
    })),
  };
}

/** The food part of a tickets.cancelled payload (finance's credit note lists these lines at their tax kind's rate). */
export function foodPayload(food: FoodRefund | null) {
  return food && { orderId: food.orderId, amount: food.amount, lines: food.lines };
}

/**
 * In a whole booking's refund: its paid order's lines not yet collected given back (null when there
 * is no order, nothing is left, or no food module), and what was handed over (kept by a refund of
 * "everything left", a cancelled showtime).
 */
export async function refundFoodOf(
  ports: PaymentsDeps,
  trx: Executor<PaymentsDb>,
  bookingId: string,
  now: Date,
): Promise<{ food: FoodRefund | null; kept: number }> {
  const order = ports.food ? await ports.food.lockOrder(trx, { bookingId }) : null;
  // The booking is paid: its order is too, even while the booking.confirmed consumer has not run.
  if (!ports.food || !order || (order.status !== 'paid' && order.status !== 'held'))
    return { food: null, kept: order?.collectedAmount ?? 0 };
  const food = await ports.food.refundOrderLines(trx, order, null, now);
  return { food, kept: order.collectedAmount };
}

/** What a food refund answers. */
export interface FoodRefundResult {
  orderId: string;
  refundId: string;
  bookingId: string | null;
  paymentId: string;
  method: string;
  currency: string;
  amount: number;
  cardAmount: number;
  giftCardAmount: number;
  lines: FoodRefund['lines'];
}

export type FoodRefunds = ReturnType<typeof createFoodRefunds>;

export function createFoodRefunds(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  ports: PaymentsDeps;
  refunds: RefundSender;
}) {
  const { db, clock, ports } = deps;

  /** The payment that paid for an order: its booking's, or its own (a till sale of food alone). */
  async function paymentOf(trx: Executor<PaymentsDb>, order: { id: string; bookingId: string | null }) {
    if (order.bookingId) return paidPaymentOfBooking(trx, order.bookingId, { lock: true });
    const p = await livePaymentOfOrder(trx, 'concession_order', order.id);
    if (!p) return undefined;
    return (await trx.selectFrom('payments').selectAll().where('id', '=', p.id).forUpdate().executeTakeFirst()) as
      AnyPaymentRow | undefined;
  }

  /**
   * Gives back uncollected food of a paid order: the lines given ({lineId, quantity}), or all that is
   * left. Online: to the card and gift cards as the booking paid, sent after the commit. `offline`:
   * from a till's drawer, recorded in its ledger in the same transaction (409 refund_at_till for a
   * counter sale without it, payment_not_offline for an online one with it).
   */
  async function refund(
    orderId: string,
    lines: { lineId: string; quantity: number }[] | undefined,
    offline?: OfflineRefund,
  ): Promise<FoodRefundResult> {
    const food = ports.food;
    if (!food) throw concessionOrderNotFound();
    const once = async (trx: Transaction<PaymentsDb>) => {
      // Locked in the order a cancel locks: the booking, its payment, then the order.
      const peek = await food.lockOrder(trx, { orderId }, false);
      if (!peek) throw concessionOrderNotFound();
      const booking = peek.bookingId ? await ports.booking.getForPayment(trx, peek.bookingId, null) : null;
      const payment = await paymentOf(trx, peek);
      const order = await food.lockOrder(trx, { orderId });
      if (!order) throw concessionOrderNotFound();
      // A booking's order is paid with it (still `held` until the booking.confirmed consumer runs).
      const paid = order.status === 'paid' || (order.status === 'held' && booking?.status === 'confirmed');
      if (!paid) throw orderNotRefundable(order.status);
      if (!payment) throw orderNotRefundable('unpaid');
      if (offline && !OFFLINE_METHODS.includes(payment.provider)) throw paymentNotOffline();
      if (!offline && OFFLINE_METHODS.includes(payment.provider)) throw refundAtTill();
      let wanted: Map<string, number> | null = null;
      if (lines) {
        const unknown = lines
          .map((l, i) => (order.lines.some((x) => x.lineId === l.lineId) ? -1 : i))
          .filter((i) => i >= 0);
        if (unknown.length > 0) throw unknownFoodLines(unknown);
        wanted = new Map();
        for (const l of lines) wanted.set(l.lineId, (wanted.get(l.lineId) ?? 0) + l.quantity);
        const short = order.lines.filter((l) => (wanted?.get(l.lineId) ?? 0) > l.left).map((l) => l.lineId);
        if (short.length > 0) throw foodAlreadyCollected(short);
      }
      const now = clock.now();
      const given = await food.refundOrderLines(trx, order, wanted, now);
      if (!given) throw foodAlreadyCollected(order.lines.map((l) => l.lineId));
      const cardLeft = payment.amount - payment.refunded_amount;
      const giftPaid = booking?.giftCardAmount ?? 0;
      const giftLeft = Math.max(0, giftPaid - (await giftCardRefundedOf(trx, payment.id)));
      const left = { cardPaid: payment.amount, cardLeft, giftLeft };
      const split = booking
        ? splitRefund([], 100, booking, left, given.amount)
        : splitAmount(given.amount, { giftCardAmount: 0 }, left);
      const refundId = randomUUID();
      const row = {
        id: refundId,
        payment_id: payment.id,
        booking_id: order.bookingId,
        amount: split.cardAmount,
        gift_card_amount: split.giftCardAmount,
        currency: payment.currency,
        reason: 'food_refund' as const,
        ticket_ids: [],
        ...foodColumns(given),
        status: 'pending' as const,
        created_at: now,
      };
      if (offline || split.cardAmount === 0)
        await insertRefund(trx, {
          ...row,
          status: 'succeeded',
          provider_refund_id: offline?.reference ?? null,
          completed_at: now,
          next_attempt_at: now,
        });
      else await deps.refunds.record(trx, row);
      await setRefundedStatus(trx, payment.id, split.cardAmount === cardLeft && split.giftCardAmount === giftLeft);
      const currency = payment.currency.trim();
      const refundPart = { cardAmount: split.cardAmount, giftCardAmount: split.giftCardAmount, currency };
      const amount = split.cardAmount + split.giftCardAmount;
      await addEvents(trx, [
        booking
          ? {
              type: 'tickets.cancelled',
              aggregateId: booking.id,
              payload: {
                bookingId: booking.id,
                userId: OFFLINE_METHODS.includes(payment.provider) ? null : booking.userId,
                showtimeId: booking.showtimeId,
                ticketIds: [],
                seatIds: [],
                refundId,
                amount,
                currency,
                refund: refundPart,
                reason: 'food_refund',
                bookingRefunded: false,
                food: foodPayload(given),
              },
            }
          : {
              type: 'concession_order.refunded',
              aggregateId: order.id,
              payload: { orderId: order.id, refundId, amount, currency, refund: refundPart, food: foodPayload(given) },
            },
      ]);
      await offline?.inTransaction(trx, {
        refundId,
        paymentId: payment.id,
        method: payment.provider as OfflineMethod,
        amount: split.cardAmount,
        currency,
      });
      return {
        orderId: order.id,
        refundId,
        bookingId: order.bookingId,
        paymentId: payment.id,
        method: payment.provider,
        currency,
        amount,
        cardAmount: split.cardAmount,
        giftCardAmount: split.giftCardAmount,
        lines: given.lines,
        send: !offline && split.cardAmount > 0,
      };
    };
    // A deadlock or serialization failure (a scan, a cancel or a sale racing it) runs the whole
    // transaction again, the caller's ledger line (`offline`) included, rather than answering 500.
    const done = await withRetry(() => db.transaction().execute(once));
    const { send, ...result } = done;
    if (send) await deps.refunds.send(result.refundId);
    return result;
  }

  return { refund };
}
