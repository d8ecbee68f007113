// A booking that goes gives its promo code's use back, by consuming booking's and payments' events,
// each in the transaction that marks the event processed for this consumer (so once per event id);
// the redemption's released_at is the second guard: a use is given back once whatever arrives.
// - booking.released (the customer let the hold go), booking.expired (the sweeper lapsed it);
// - tickets.cancelled with bookingRefunded (every ticket refunded: cancelled in full, or the showtime).
import type { Clock } from '../../platform/clock.ts';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { type ReleaseReason, releaseRedemption } from './promotions.store.ts';
import type { PromotionsDb } from './promotions.tables.ts';

export const PROMO_CONSUMERS = [
  { name: 'promotions.booking-released', pattern: 'booking.released', reason: 'released' },
  { name: 'promotions.booking-expired', pattern: 'booking.expired', reason: 'expired' },
  { name: 'promotions.booking-refunded', pattern: 'tickets.cancelled', reason: 'refunded' },
] as const satisfies readonly { name: string; pattern: string; reason: ReleaseReason }[];

export async function subscribePromoRelease(events: EventBus, clock: Clock): Promise<Unsubscribe[]> {
  const subscriptions: Unsubscribe[] = [];
  for (const c of PROMO_CONSUMERS) {
    subscriptions.push(
      await events.subscribe(c.name, c.pattern, async (event, trx: SharedTx) => {
        const bookingId = event.payload.bookingId;
        if (typeof bookingId !== 'string') return;
        if (c.reason === 'refunded' && event.payload.bookingRefunded !== true) return;
        await releaseRedemption(narrowTx<PromotionsDb>(trx), bookingId, c.reason, clock.now());
      }),
    );
  }
  return subscriptions;
}
