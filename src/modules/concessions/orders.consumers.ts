// The booking events food orders follow, each in the transaction that marks the event processed (so
// once per event id): a hold released or expired cancels its held food and gives the stock back; a
// booking sold pays its food (the pickup code is shown from then on).
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import type { OrdersService } from './orders.service.ts';

export const ORDER_CONSUMERS = [
  { name: 'concessions.booking-released', pattern: 'booking.released' },
  { name: 'concessions.booking-expired', pattern: 'booking.expired' },
  { name: 'concessions.booking-confirmed', pattern: 'booking.confirmed' },
] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Subscribes the order consumers. */
export async function subscribeOrders(events: EventBus, orders: OrdersService): Promise<Unsubscribe[]> {
  const [released, expired, confirmed] = ORDER_CONSUMERS;
  const cancel: Parameters<EventBus['subscribe']>[2] = async (e, trx) => {
    const bookingId = str(e.payload.bookingId);
    if (bookingId) await orders.cancelWithHold(trx, bookingId);
  };
  return [
    await events.subscribe(released.name, released.pattern, cancel),
    await events.subscribe(expired.name, expired.pattern, cancel),
    await events.subscribe(confirmed.name, confirmed.pattern, async (e, trx) => {
      const bookingId = str(e.payload.bookingId);
      if (bookingId) await orders.markPaid(trx, bookingId);
    }),
  ];
}
