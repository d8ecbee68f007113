// Concessions: food and drink. Products (items and combos with sizes) are the chain's; each cinema
// prices them, puts them on or off sale and counts its stock. Orders come with bookings (booking's
// adjustHeld sets bookings.food_amount) or from the till; the counter hands them over by pickup code.
// Owns the concession_* tables; cinemas and images are the catalog's, tickets sold the sales reports'.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { priceLines } from './pricing.ts';
import { returnStock, takeStock } from './stock.ts';

export type { BasketItem, PricedBasket, PricedLine, PricedChoice, TaxKind } from './pricing.ts';
export type { StockLine } from './stock.ts';
export { priceLines } from './pricing.ts';
export { returnStock, takeStock } from './stock.ts';

export interface ConcessionsDeps {
  catalog: CatalogService;
}

export function createConcessionsModule(platform: Platform, deps: ConcessionsDeps) {
  const db = moduleDb<ConcessionsDb>(platform.database);
  void deps;
  const parts: ModuleParts = {
    routes(_app, _auth) {},
  };
  return {
    /** Basket pricing and stock, for orders in their own transaction (see pricing.ts, stock.ts). */
    service: { db, priceLines, takeStock, returnStock },
    parts,
  };
}

export type ConcessionsModule = ReturnType<typeof createConcessionsModule>;
