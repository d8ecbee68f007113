// Gift cards and their ledger as the API shows them (never the code or its digest).
import type { CardRow, LedgerRow, OrderRow } from './giftcards.store.ts';

export type GiftCardStatus = 'active' | 'void' | 'expired';

const money = (amount: number, currency: string) => ({ amount, currency: currency.trim() });

export function cardView(c: CardRow, status: GiftCardStatus) {
  return {
    id: c.id,
    last4: c.last4,
    initial: money(c.initial_amount, c.currency),
    balance: money(c.balance, c.currency),
    status,
    channel: c.channel,
    orderId: c.order_id,
    cinemaId: c.cinema_id,
    tillSessionId: c.till_session_id,
    recipientEmail: c.recipient_email,
    expiresAt: c.expires_at?.toISOString() ?? null,
    createdAt: c.created_at.toISOString(),
    voidedAt: c.voided_at?.toISOString() ?? null,
  };
}

export function ledgerView(l: LedgerRow) {
  return {
    kind: l.kind,
    amount: l.amount,
    balanceAfter: l.balance_after,
    bookingId: l.booking_id,
    tillSessionId: l.till_session_id,
    createdAt: l.created_at.toISOString(),
  };
}

export function orderView(o: OrderRow, card: CardRow | undefined) {
  return {
    id: o.id,
    status: o.status,
    amount: money(o.amount, o.currency),
    recipientEmail: o.recipient_email,
    recipientName: o.recipient_name,
    message: o.message,
    buyerEmail: o.buyer_email,
    createdAt: o.created_at.toISOString(),
    paidAt: o.paid_at?.toISOString() ?? null,
    giftCard: card ? { id: card.id, last4: card.last4, balance: money(card.balance, card.currency) } : null,
  };
}
