// Promotions: promo code campaigns (admin), a customer's code on a held booking, and the uses given
// back when bookings go. The discount itself is booking's (bookings.discount_amount, set through
// adjustHeld in this module's transaction); payments charge what is left (priceBreakdown.due).
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import type { BookingModule } from '../booking/booking.module.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import { seedDemoPromo } from './demo-promo.ts';
import { createPromoAdmin, type PromoAdmin } from './promo-admin.service.ts';
import { createGuessLimit } from './promo-guesses.ts';
import { subscribePromoRelease } from './promo-release.ts';
import { registerPromoRoutes } from './promotions.routes.ts';
import { createRedemptions, type Redemptions } from './redemption.service.ts';

export type { PromoAdmin } from './promo-admin.service.ts';
export type { Redemptions } from './redemption.service.ts';

export interface PromotionsModule {
  admin: PromoAdmin;
  redemptions: Redemptions;
  parts: ModuleParts;
}

export function createPromotionsModule(
  platform: Platform,
  deps: { booking: BookingModule['service']; guests: BookingModule['guests']; catalog: CatalogService },
): PromotionsModule {
  const { database, clock } = platform;
  const admin = createPromoAdmin({ database, clock });
  const redemptions = createRedemptions({
    database,
    clock,
    booking: deps.booking,
    showtime: async (id) => {
      const s = await deps.catalog.getShowtime(id);
      return (
        s && { id: s.id, movieId: s.movieId, cinemaId: s.cinemaId, startsAt: s.startsAt, timezone: s.cinema.timezone }
      );
    },
    guesses: createGuessLimit(createRateLimiter({ kv: platform.kv, clock })),
  });
  let subscriptions: Unsubscribe[] = [];
  return {
    admin,
    redemptions,
    parts: {
      routes(app, auth) {
        registerPromoRoutes(app, auth, { admin, redemptions, guests: deps.guests });
      },
      async onStart() {
        if (platform.config.demo) await seedDemoPromo(database, clock.now());
        subscriptions = await subscribePromoRelease(platform.events, clock);
      },
      async onClose() {
        for (const unsubscribe of subscriptions) await unsubscribe();
      },
    },
  };
}
