// The concessions module's tables (food and drink: products, offers per cinema, stock, orders),
// picked from the types generated from the migrated database, and its handle: its own tables only
// (bookings, payments, the till and finance are asked through their services).
import type { DB } from '../../platform/db/generated-schema.ts';

export type ConcessionsTables = Pick<
  DB,
  | 'concession_products'
  | 'concession_variants'
  | 'concession_combo_slots'
  | 'concession_combo_choices'
  | 'concession_offers'
  | 'concession_stock'
  | 'concession_stock_movements'
  | 'concession_orders'
  | 'concession_order_lines'
  | 'concession_collections'
>;

export type ConcessionsDb = ConcessionsTables;
