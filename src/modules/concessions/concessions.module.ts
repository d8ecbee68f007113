// Concessions: food and drink. Products (items and combos with sizes) are the chain's; each cinema
// prices them, puts them on or off sale and counts its stock. Orders come with bookings (booking's
// setHeldFood sets bookings.food_amount) or from the till; the counter hands them over by pickup code.
// Owns the concession_* tables; cinemas and images are the catalog's, tickets sold the sales reports'.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import { type CatalogService, demoCinemaIds } from '../catalog/catalog.module.ts';
import { seedDemoMenu } from './demo-menu.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { createOffersService } from './offers.service.ts';
import { priceLines } from './pricing.ts';
import { registerProductRoutes } from './products.routes.ts';
import { createProductsService } from './products.service.ts';
import { productImagePaths } from './products.store.ts';
import { returnStock, takeStock } from './stock.ts';
import { registerStockRoutes } from './stock.routes.ts';
import { registerReportRoutes } from './reports.routes.ts';
import { type ConcessionsReportsPort, createReportsService } from './reports.service.ts';
import { createStockService } from './stock.service.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import type { ViewBooking } from '../payments/payments.module.ts';
import type { GuestService } from '../booking/guest.service.ts';
import { subscribeOrders } from './orders.consumers.ts';
import { registerOrderRoutes } from './orders.routes.ts';
import { createOrdersService, type OrdersBookingPort } from './orders.service.ts';
import { createPickupService } from './pickup.service.ts';

export type { BasketItem, PricedBasket, PricedLine, PricedChoice, TaxKind } from './pricing.ts';
export type { StockLine } from './stock.ts';
export { priceLines } from './pricing.ts';
export { returnStock, takeStock } from './stock.ts';

export interface ConcessionsDeps {
  catalog: CatalogService;
  /** Food with a booking (orders): its hold locked and its food total set (booking's setHeldFood, adjustHeld). */
  booking: OrdersBookingPort;
  guests: GuestService;
  /**
   * A booking as its answers show it (payments' composed detail, food included, its names in `lang`);
   * `known` is the booking and food just written, which it then does not read again.
   */
  viewBooking: ViewBooking;
  /** The catalog's image pipeline: where product images are stored, and its media GC's list of users. */
  images: { media: MediaStorage; addImageUser(keysInUse: () => Promise<Set<string>>): void };
  /** Tickets and bookings per movie, cinema time zones and staff names, for concession reports. */
  reports: ConcessionsReportsPort;
}

export function createConcessionsModule(platform: Platform, deps: ConcessionsDeps) {
  const db = moduleDb<ConcessionsDb>(platform.database);
  const { clock } = platform;
  const media = deps.images.media;
  deps.images.addImageUser(() => productImagePaths(db));
  const cinemaExists = async (id: string) => (await deps.catalog.getCinema(id)) !== null;
  const products = createProductsService({ db, clock, media });
  const offers = createOffersService({ db, clock, media, cinemaExists });
  const timezone = async (id: string) => (await deps.catalog.getCinema(id))?.timezone ?? null;
  const stock = createStockService({ db, clock, cinemaExists, timezone });
  const reports = createReportsService({ db, port: deps.reports });
  const orders = createOrdersService({ db, clock: platform.clock, booking: deps.booking, catalog: deps.catalog });
  const pickup = createPickupService({ db, clock: platform.clock, booking: deps.booking });
  let subscriptions: Unsubscribe[] = [];
  const parts: ModuleParts = {
    async routes(app, auth) {
      await registerProductRoutes(app, auth, { products, offers });
      registerStockRoutes(app, auth, stock);
      registerReportRoutes(app, auth, reports);
      registerOrderRoutes(app, auth, { orders, pickup, guests: deps.guests, viewBooking: deps.viewBooking });
    },
    onStart: async () => {
      // After the catalog's demo seed (modules start in order): every demo cinema gets the menu.
      if (platform.config.demo) {
        const ids = Object.values(await demoCinemaIds(platform.database));
        const cinemas = await Promise.all(
          ids.map(async (id) => {
            const tz = (await deps.catalog.getCinema(id))?.timezone ?? '';
            return { id, currency: tz.startsWith('America/') ? 'USD' : 'EUR' };
          }),
        );
        await seedDemoMenu(db, cinemas, clock.now());
      }
      subscriptions = await subscribeOrders(platform.events, orders);
    },
    onClose: async () => {
      for (const unsubscribe of subscriptions) await unsubscribe();
    },
  };
  return {
    /** Basket pricing and stock, for orders in their own transaction (see pricing.ts, stock.ts). */
    service: { db, priceLines, takeStock, returnStock },
    /** Products admin, offers and menu, stock work (part A). */
    products,
    offers,
    stock,
    reports,
    /** Food with bookings (part B): set, paid, cancelled, read; booking answers' `food`. */
    orders,
    parts,
  };
}

export type ConcessionsModule = ReturnType<typeof createConcessionsModule>;
