// Till: selling at the box office counter. Owns tills, their sessions and the ledger of each
// session's sales and refunds; the money itself is recorded by payments (offline-payments.ts) in the
// same transaction, so the seat claims, tickets and refunds follow the rules every sale follows.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import type { OfflinePayments } from '../payments/payments.module.ts';
import type { RefundService } from '../payments/refunds.service.ts';
import type { CodeGuard, GiftCardService } from '../giftcards/giftcards.module.ts';
import { type FiscalReceiptLookup, registerTillRoutes } from './till.routes.ts';
import { createTillService, type TillService } from './till.service.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { FoodRefunds } from '../payments/payments.module.ts';
import { createTillFoodSales, type TillFoodPort } from './food-sales.ts';
import { registerTillFoodRoutes } from './food-sales.routes.ts';
import type { TillDb } from './till.tables.ts';

export type { TillService } from './till.service.ts';

export function createTillModule(
  platform: Platform,
  deps: {
    catalog: CatalogService;
    payments: OfflinePayments;
    refunds: Pick<RefundService, 'cancelOffline' | 'payOutAtTill'>;
    giftCards: { cards: Pick<GiftCardService, 'issue' | 'redeem'>; guard: CodeGuard };
    /** Finance's numbered receipt with its taxes, printed on the till's receipt. */
    fiscalReceipt?: FiscalReceiptLookup;
    /** Issue 17: food at the till (sold alone, paid back, printed with tickets). */
    food?: { port: TillFoodPort; refunds: Pick<FoodRefunds, 'refund'> };
  },
): { service: TillService; parts: ModuleParts } {
  const service = createTillService({
    database: platform.database,
    clock: platform.clock,
    payments: deps.payments,
    refunds: deps.refunds,
    giftCards: deps.giftCards,
    showtimeCinema: async (id) => (await deps.catalog.getShowtime(id))?.cinema.id ?? null,
    ...(deps.food ? { foodLines: deps.food.port.linesOfBooking } : {}),
  });
  const food =
    deps.food &&
    createTillFoodSales({
      db: moduleDb<TillDb>(platform.database),
      clock: platform.clock,
      food: deps.food.port,
      payments: deps.payments,
      refunds: deps.food.refunds,
      session: service.session,
      lockOpen: service.lockOpen,
    });
  return {
    service,
    parts: {
      routes(app, auth) {
        registerTillRoutes(app, auth, service, deps.catalog, deps.fiscalReceipt);
        if (food) registerTillFoodRoutes(app, auth, food);
      },
    },
  };
}
