// The events giftcards acts on, each in the transaction that marks it processed (so once per event;
// the ledger's unique (event_id, card) is the second guard):
// - booking.released / booking.expired: the hold's gift card money goes back to its cards;
// - tickets.cancelled with `refund.giftCardAmount`: that part of a refund goes back to the cards;
// - order.paid for a gift card order: the card is issued (once, whoever settled the payment);
// - account.erased: the account's orders (and their mailed cards) forget addresses, names, messages.
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { narrowTx } from '../../platform/db/module-db.ts';
import type { GiftCardService } from './giftcards.service.ts';
import { forgetBuyer } from './giftcards.store.ts';
import type { GiftcardsDb } from './giftcards.tables.ts';
import type { OrderService } from './orders.service.ts';

export const GIFT_CARD_CONSUMERS = [
  { name: 'giftcards.booking-released', pattern: 'booking.released' },
  { name: 'giftcards.booking-expired', pattern: 'booking.expired' },
  { name: 'giftcards.refund', pattern: 'tickets.cancelled' },
  { name: 'giftcards.order-paid', pattern: 'order.paid' },
  { name: 'giftcards.account-erased', pattern: 'account.erased' },
] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export async function subscribeGiftCards(
  events: EventBus,
  cards: GiftCardService,
  orders: OrderService,
): Promise<Unsubscribe[]> {
  const [released, expired, refund, paid, erased] = GIFT_CARD_CONSUMERS;
  const giveBack = async (
    e: { id: string; payload: Record<string, unknown> },
    trx: Parameters<typeof cards.releaseBooking>[0],
  ) => {
    const bookingId = str(e.payload.bookingId);
    if (bookingId) await cards.releaseBooking(trx, bookingId, e.id);
  };
  return [
    await events.subscribe(released.name, released.pattern, giveBack),
    await events.subscribe(expired.name, expired.pattern, giveBack),
    await events.subscribe(refund.name, refund.pattern, async (e, trx) => {
      const bookingId = str(e.payload.bookingId);
      const part = e.payload.refund as { giftCardAmount?: unknown } | undefined;
      const amount = typeof part?.giftCardAmount === 'number' ? part.giftCardAmount : 0;
      if (bookingId && amount > 0) await cards.refundToCards(trx, bookingId, amount, e.id);
    }),
    await events.subscribe(paid.name, paid.pattern, async (e, trx) => {
      const orderId = str(e.payload.orderId);
      const paymentId = str(e.payload.paymentId);
      if (e.payload.purpose !== 'gift_card_order' || !orderId || !paymentId) return;
      await orders.issueForOrder(trx, orderId, paymentId);
    }),
    await events.subscribe(erased.name, erased.pattern, async (e, trx) => {
      const userId = str(e.payload.userId);
      if (userId) await forgetBuyer(narrowTx<GiftcardsDb>(trx), userId);
    }),
  ];
}
