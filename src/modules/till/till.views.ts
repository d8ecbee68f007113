// Tills, sessions and ledger lines as the API shows them: money as {amount, currency} in minor units.
import type { MovementRow, SessionTotals, SessionWithTill, TillRow } from './till.store.ts';

/** A seat as a receipt prints it. */
export interface ReceiptLine {
  seatId: string;
  row: string;
  number: number;
  type: string;
  price: number;
  /** The ticket type's code and name (absent on sales from before ticket types). */
  ticketType?: string;
  ticketTypeName?: string;
}

/** Issue 17: a food line as a till receipt prints it (kept in the ledger line as sold). */
export interface FoodReceiptLine {
  kind: 'food';
  name: string;
  quantity: number;
  unitPrice: number;
  choices: string[];
}

const money = (amount: number, currency: string) => ({ amount, currency: currency.trim() });

export const tillView = (t: TillRow) => ({
  id: t.id,
  cinemaId: t.cinema_id,
  name: t.name,
  currency: t.currency.trim(),
  createdAt: t.created_at.toISOString(),
});

/** The session with its report: expected cash is float + cash sales − cash refunds, computed from the ledger. */
export function sessionView(s: SessionWithTill, t: SessionTotals) {
  const c = s.currency;
  const expected = s.float_amount + t.cashSales - t.cashRefunds;
  return {
    id: s.id,
    tillId: s.till_id,
    tillName: s.till_name,
    cinemaId: s.cinema_id,
    staffId: s.staff_id,
    status: s.status,
    openedAt: s.opened_at.toISOString(),
    closedAt: s.closed_at?.toISOString() ?? null,
    report: {
      float: money(s.float_amount, c),
      cashSales: { ...money(t.cashSales, c), count: t.cashSalesCount },
      cashRefunds: { ...money(t.cashRefunds, c), count: t.cashRefundsCount },
      cardSales: { ...money(t.cardSales, c), count: t.cardSalesCount },
      cardRefunds: { ...money(t.cardRefunds, c), count: t.cardRefundsCount },
      // Issue 17: of the above, food sold alone and paid back (food with tickets is in the ticket sale).
      foodSales: { ...money(t.foodSales, c), count: t.foodSalesCount },
      foodRefunds: { ...money(t.foodRefunds, c), count: t.foodRefundsCount },
      expectedCash: money(s.expected_cash ?? expected, c),
      countedCash: s.counted_cash === null ? null : money(s.counted_cash, c),
      difference: s.counted_cash === null ? null : money(s.counted_cash - (s.expected_cash ?? expected), c),
    },
  };
}

export const movementView = (m: MovementRow) => ({
  id: m.id,
  sessionId: m.session_id,
  kind: m.kind,
  method: m.method,
  bookingId: m.booking_id,
  showtimeId: m.showtime_id,
  concessionOrderId: m.concession_order_id,
  amount: money(m.amount, m.currency),
  giftCard:
    m.gift_card_id === null
      ? null
      : { id: m.gift_card_id, amount: money(m.kind === 'gift_card_sale' ? m.amount : m.gift_card_amount, m.currency) },
  tendered: m.tendered === null ? null : money(m.tendered, m.currency),
  change: m.tendered === null ? null : money(m.tendered - m.amount, m.currency),
  email: m.email,
  createdAt: m.created_at.toISOString(),
});
