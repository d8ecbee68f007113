// The waiting list (issue 18): a sold-out showtime's line for N seats together, and offers made from
// seats that come back (booking's seat events, through the outbox and the job queue). Owns
// waitlist_entries; seats are read and held through booking; the offer email is made by
// notifications from waitlist.offered.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { subscribeWaitlist } from './waitlist.consumers.ts';
import { createOfferer, type Offerer } from './waitlist.offers.ts';
import type { WaitlistBookingPort } from './waitlist.ports.ts';
import { registerWaitlistRoutes } from './waitlist.routes.ts';
import { createWaitlistService, type WaitlistService } from './waitlist.service.ts';
import type { WaitlistDb } from './waitlist.tables.ts';

export { WAITLIST_CONSUMERS, OFFER_QUEUE } from './waitlist.consumers.ts';
export { WAITLIST_OFFERED } from './waitlist.offers.ts';
export type { WaitlistBookingPort } from './waitlist.ports.ts';

export interface WaitlistModule {
  service: WaitlistService;
  /** The offer maker, for tests that run many at once. */
  offerer: Offerer;
  parts: ModuleParts;
}

export function createWaitlistModule(platform: Platform, deps: { booking: WaitlistBookingPort }): WaitlistModule {
  const { clock, config, logger } = platform;
  const db = moduleDb<WaitlistDb>(platform.database);
  const service = createWaitlistService({ db, clock, booking: deps.booking });
  const offerer = createOfferer({
    db,
    clock,
    logger,
    booking: deps.booking,
    offerMinutes: config.waitlistOfferMinutes,
  });
  let subscriptions: Unsubscribe[] = [];
  return {
    service,
    offerer,
    parts: {
      routes(app, auth) {
        registerWaitlistRoutes(app, auth, {
          waitlist: service,
          publicUrl: config.publicUrl,
          limiter: createRateLimiter({ kv: platform.kv, clock }),
          perMinute: config.rateLimitPerMinute,
        });
      },
      onStart: async () => {
        subscriptions = await subscribeWaitlist({ events: platform.events, queue: platform.queue, clock, offerer });
      },
      onClose: async () => {
        for (const unsubscribe of subscriptions) await unsubscribe();
      },
    },
  };
}
