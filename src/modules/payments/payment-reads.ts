// What other modules may read of payments (finance's receipts): which provider took a booking's
// money and how much. Read-only; payments' own rules never go through here.
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { livePaymentOfOrder, paidPaymentOfBooking } from './payments.store.ts';
import type { PaymentsDb } from './payments.tables.ts';

export interface PaidBy {
  /** test_card, stripe, cash, card_terminal, none (nothing was due). */
  provider: string;
  amount: number;
  currency: string;
}

export function createPaymentReads(database: ModuleDatabase) {
  const db = moduleDb<PaymentsDb>(database);
  return {
    /** The payment that paid for a booking (confirmed, possibly refunded since); null when none did. */
    async paidByBooking(bookingId: string): Promise<PaidBy | null> {
      const p = await paidPaymentOfBooking(db, bookingId);
      return p ? { provider: p.provider, amount: p.amount, currency: p.currency.trim() } : null;
    },
    /** Issue 17: the payment of food sold alone (a till food sale, succeeded); null when none. */
    async paidByFoodOrder(orderId: string): Promise<PaidBy | null> {
      const p = await livePaymentOfOrder(db, 'concession_order', orderId);
      return p?.status === 'succeeded' ? { provider: p.provider, amount: p.amount, currency: p.currency.trim() } : null;
    },
  };
}
