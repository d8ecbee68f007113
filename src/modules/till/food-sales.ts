// Food at the till (issue 17). Sold alone: the order (priced, stock taken, paid), its payment
// (purpose concession_order) and the ledger line commit together with the session locked, and
// concession_order.sold asks finance for its receipt. Paid back: uncollected food of an order sold
// here (alone, or with a booking sold at this cinema's tills) from this drawer, through payments'
// food refunds, the ledger line in the refund's transaction. Food with tickets is sold with the
// booking (PUT /bookings/{id}/food on the till's hold, then the sale pays the whole due).
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { Executor } from '../../platform/db/database.ts';
import { withRetry } from '../../platform/db/pg-errors.ts';
import type { SharedTx } from '../../platform/db/module-db.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { Kysely, Transaction } from 'kysely';
import type { BasketItem } from '../concessions/concessions.module.ts';
import type { SoldFood } from '../concessions/till-food.ts';
import type { FoodOrderView } from '../concessions/orders.schemas.ts';
import type { FoodRefunds } from '../payments/payments.module.ts';
import type { OfflinePayments, OfflineRefundLine } from '../payments/payments.module.ts';
import {
  currencyMismatch,
  foodOrderNotFound,
  notSoldAtTill,
  tenderedNotCash,
  tenderedTooLittle,
  wrongCinema,
} from './till.errors.ts';
import * as store from './till.store.ts';
import type { TillDb } from './till.tables.ts';
import { type FoodReceiptLine, movementView } from './till.views.ts';

/** What the till needs of concessions. */
export interface TillFoodPort {
  sellFoodAlone(
    tx: SharedTx,
    sale: { cinemaId: string; currency: string; items: BasketItem[]; staffUserId: string; tillSessionId: string },
    now: Date,
  ): Promise<SoldFood>;
  view(orderId: string): Promise<FoodOrderView>;
  /** The order's cinema and booking (null: sold alone); null when there is none. */
  target(orderId: string): Promise<{ cinemaId: string; bookingId: string | null } | null>;
  /** A booking's food lines as a receipt prints them (none without food). */
  linesOfBooking(bookingId: string): Promise<FoodReceiptLine[]>;
}

export function createTillFoodSales(deps: {
  db: Kysely<TillDb>;
  clock: Clock;
  food: TillFoodPort;
  payments: Pick<OfflinePayments, 'recordFoodSale'>;
  refunds: Pick<FoodRefunds, 'refund'>;
  /** The caller's open session for writing (till.service's rule). */
  session(principal: Principal, id: string): Promise<store.SessionWithTill>;
  /** In the money's transaction: the session locked and still open. */
  lockOpen(tx: SharedTx, sessionId: string): Promise<Executor<TillDb>>;
}) {
  const { db, clock, food } = deps;

  return {
    /**
     * Sells food without a ticket for cash or on the card terminal: 422 food_not_on_sale,
     * combo_choice_invalid, tendered_too_little; 409 food_out_of_stock, till_closed.
     */
    async sellFood(
      principal: Principal,
      sessionId: string,
      input: { items: BasketItem[]; method: 'cash' | 'card_terminal'; tendered?: number; email?: string },
    ) {
      const s = await deps.session(principal, sessionId);
      if (input.tendered !== undefined && input.method !== 'cash') throw tenderedNotCash();
      const id = randomUUID();
      const currency = s.currency.trim();
      const email = input.email?.trim().toLowerCase() ?? null;
      const sell = async (tx: Transaction<TillDb>) => {
        const trx = await deps.lockOpen(tx, s.id);
        const now = clock.now();
        const sold = await food.sellFoodAlone(
          tx,
          { cinemaId: s.cinema_id, currency, items: input.items, staffUserId: principal.userId, tillSessionId: s.id },
          now,
        );
        if (input.tendered !== undefined && input.tendered < sold.total)
          throw tenderedTooLittle(sold.total, input.tendered);
        const paymentId = await deps.payments.recordFoodSale(tx, {
          orderId: sold.orderId,
          method: input.method,
          amount: sold.total,
          currency,
          userId: principal.userId,
        });
        const lines: FoodReceiptLine[] = sold.lines.map((l) => ({ kind: 'food', ...l }));
        const m: store.MovementRow = {
          id,
          session_id: s.id,
          kind: 'food_sale',
          method: input.method,
          booking_id: null,
          showtime_id: null,
          concession_order_id: sold.orderId,
          lines: lines as unknown as store.MovementRow['lines'],
          payment_id: paymentId,
          refund_id: null,
          amount: sold.total,
          currency,
          tendered: input.method === 'cash' ? (input.tendered ?? sold.total) : null,
          email,
          gift_card_id: null,
          gift_card_amount: 0,
          created_by: principal.userId,
          created_at: now,
        };
        await store.insertMovement(trx, { ...m, lines: JSON.stringify(lines) });
        // Finance issues its receipt (numbered, with the tax per rate) from this.
        await addEvents(trx, [
          {
            type: 'concession_order.sold',
            aggregateId: sold.orderId,
            payload: {
              orderId: sold.orderId,
              cinemaId: s.cinema_id,
              amount: sold.total,
              currency,
              method: input.method,
            },
          },
        ]);
        return m;
      };
      // A deadlock or serialization failure (stock rows, the session, the payment) runs the whole
      // sale again rather than answering 500; the failed try left nothing behind.
      const row = await withRetry(() => db.transaction().execute(sell));
      return {
        order: await food.view(row.concession_order_id as string),
        sale: movementView(row),
        receiptUrl: `/api/v1/till-sales/${id}/receipt.pdf`,
      };
    },

    /**
     * Pays back uncollected food of an order sold at this cinema's tills from this drawer (the
     * lines given, or all left): 404 concession_order_not_found, 409 booking_not_sold_at_till,
     * already_collected, order_refunded; 422 till_wrong_cinema, till_currency_mismatch.
     */
    async refundFood(
      principal: Principal,
      sessionId: string,
      input: { orderId: string; lines?: { lineId: string; quantity: number }[] },
    ) {
      const s = await deps.session(principal, sessionId);
      const target = await food.target(input.orderId);
      if (!target) throw foodOrderNotFound();
      if (target.cinemaId !== s.cinema_id) throw wrongCinema();
      const sold = target.bookingId
        ? await store.saleOfBooking(db, target.bookingId)
        : await store.saleOfFoodOrder(db, input.orderId);
      if (!sold) throw notSoldAtTill();
      if (sold.currency.trim() !== s.currency.trim()) throw currencyMismatch(s.currency.trim(), sold.currency.trim());
      const id = randomUUID();
      let row: store.MovementRow | undefined;
      // Payments' food refunds retry their whole transaction on a deadlock or serialization failure,
      // this ledger line with it (written again by the new try: the failed one left nothing).
      await deps.refunds.refund(input.orderId, input.lines, {
        reference: id,
        async inTransaction(tx: SharedTx, refund: OfflineRefundLine) {
          const trx = await deps.lockOpen(tx, s.id);
          row = {
            id,
            session_id: s.id,
            // Food of a booking is paid back as a refund of that booking; food sold alone on its own.
            kind: target.bookingId ? 'refund' : 'food_refund',
            method: refund.method,
            booking_id: target.bookingId,
            showtime_id: sold.showtime_id,
            concession_order_id: input.orderId,
            lines: [],
            payment_id: refund.paymentId,
            refund_id: refund.refundId,
            amount: refund.amount,
            currency: refund.currency,
            tendered: null,
            email: null,
            gift_card_id: null,
            gift_card_amount: 0,
            created_by: principal.userId,
            created_at: clock.now(),
          };
          await store.insertMovement(trx, { ...row, lines: '[]' });
        },
      });
      return movementView(row as store.MovementRow);
    },
  };
}
