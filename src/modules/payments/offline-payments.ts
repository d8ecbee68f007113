// Money taken at the box office counter: cash, or a card on the counter's own terminal. No provider
// is asked; the cashier has the money in hand. Recording one goes through the same settlement as a
// card payment (claims sold, booking confirmed, tickets issued: settlement.ts), in one transaction
// with the caller's ledger entry, so the till and the web can never both sell one seat and a sale
// the till shows is always a sale the payments module shows.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import { notFound } from '../../platform/errors.ts';
import { bookingExpired, bookingNotPayable, bookingReleased } from './payments.errors.ts';
import type { PayableBooking, PaymentsDeps } from './payments.ports.ts';
import type { PaymentsDb } from './payments.tables.ts';
import type { Settlement } from './settlement.ts';
import { dueAmount } from '../booking/booking.views.ts';

export const OFFLINE_METHODS: readonly string[] = ['cash', 'card_terminal'];
export type OfflineMethod = 'cash' | 'card_terminal';

/** A refund paid back at the counter, as the caller's ledger records it. */
export interface OfflineRefundLine {
  refundId: string | null;
  paymentId: string;
  method: OfflineMethod;
  amount: number;
  currency: string;
}

/** What a refund paid back at the counter tells the caller's ledger, in the refund's transaction. */
export interface OfflineRefund {
  /** The caller's own id for the refund (the till's ledger entry). */
  reference: string;
  inTransaction(trx: SharedTx, refund: OfflineRefundLine): Promise<void>;
}

export interface OfflineSale {
  paymentId: string;
  bookingId: string;
  showtimeId: string;
  amount: number;
  currency: string;
  seats: PayableBooking['seats'];
}

export type OfflinePayments = ReturnType<typeof createOfflinePayments>;

export function createOfflinePayments(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  ports: PaymentsDeps;
  settlement: Settlement;
}) {
  const { db, clock, ports } = deps;

  return {
    /**
     * Issue 17: food sold alone at the counter, in the caller's transaction (the till's, with the
     * order and the ledger line): a payment of purpose concession_order, taken in hand, so succeeded.
     */
    async recordFoodSale(
      tx: SharedTx,
      sale: { orderId: string; method: OfflineMethod; amount: number; currency: string; userId: string },
    ): Promise<string> {
      const id = randomUUID();
      const now = clock.now();
      await narrowTx<PaymentsDb>(tx)
        .insertInto('payments')
        .values({
          id,
          purpose: 'concession_order',
          order_id: sale.orderId,
          booking_id: null,
          showtime_id: null,
          user_id: sale.userId,
          provider: sale.method,
          idempotency_key: null,
          request_hash: `offline:${id}`,
          amount: sale.amount,
          currency: sale.currency,
          card_last4: null,
          status: 'succeeded',
          outcome: 'confirmed',
          created_at: now,
          updated_at: now,
          completed_at: now,
        })
        .execute();
      return id;
    },

    /** What a booking held by `holderId` costs, before the money is taken; 404 when it is not theirs, 409 when not payable. */
    async quote(holderId: string, bookingId: string) {
      // Read as the system, then held to the holder: a booking someone else holds answers as a missing one.
      const booking = await ports.booking.getForPayment(db, bookingId, null, { lock: false });
      if (booking.userId !== holderId) throw notFound('The booking', 'booking_not_found');
      const now = clock.now();
      if (booking.status === 'expired' || (booking.status === 'held' && booking.expiresAt <= now))
        throw bookingExpired({ expiresAt: booking.expiresAt.toISOString() });
      if (booking.status === 'cancelled') throw bookingReleased();
      if (booking.status !== 'held') throw bookingNotPayable(booking.status);
      return {
        booking,
        // What is left after a promo code and gift cards (which the till takes first).
        amount: dueAmount(booking),
        currency: booking.currency.trim(),
      };
    },

    /**
     * Sells a booking held by `holderId` for money taken at the counter; its emails go to `email`
     * (none when null), and `inTransaction` records the caller's side (the till's ledger) in the
     * sale's transaction. 404 when the booking is not the
     * holder's, 409 when it cannot be sold any more (expired, released, showtime cancelled).
     */
    async sell(
      holderId: string,
      bookingId: string,
      method: OfflineMethod,
      email: string | null,
      inTransaction: (trx: SharedTx, sale: OfflineSale) => Promise<void>,
    ) {
      const { booking, amount, currency } = await this.quote(holderId, bookingId);
      const id = randomUUID();
      // Each seat keeps the ticket type it was held as: the tickets, the door and the receipt show it.
      const seats = booking.seats.map(({ seatId, row, number, type, price, ticketType, ticketTypeName }) => ({
        seatId,
        row,
        number,
        type,
        price,
        ticketType,
        ticketTypeName,
      }));
      const sale = { paymentId: id, bookingId, showtimeId: booking.showtimeId, amount, currency, seats };
      const settled = await deps.settlement.settleOffline(
        {
          id,
          booking_id: booking.id,
          showtime_id: booking.showtimeId,
          user_id: holderId,
          provider: method,
          idempotency_key: null,
          request_hash: `offline:${id}`,
          amount,
          currency: booking.currency,
          card_last4: null,
          seats: JSON.stringify(seats.map(({ ticketTypeName: _, ...paid }) => paid)),
          created_at: clock.now(),
        },
        email,
        (trx) => inTransaction(trx, sale),
      );
      return { sale, tickets: settled.tickets ?? [] };
    },
  };
}
