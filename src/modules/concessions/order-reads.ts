// What finance reads of food orders (issue 17): the lines of a booking's order, and an order sold
// alone, as sold (names in English, unit prices, tax kinds). Read-only.
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import type { ConcessionsDb } from './concessions.tables.ts';

const LINE_COLUMNS = [
  'l.id as lineId',
  'l.name',
  'l.quantity',
  'l.unit_price as unitPrice',
  'l.tax_kind as taxKind',
  'l.choices',
] as const;

/** A paid (or since refunded) booking order's lines, in order; none without one. */
export async function foodLinesOfBooking(db: Executor<ConcessionsDb>, bookingId: string) {
  return db
    .selectFrom('concession_order_lines as l')
    .innerJoin('concession_orders as o', 'o.id', 'l.order_id')
    .select(LINE_COLUMNS)
    .where('o.booking_id', '=', bookingId)
    .where('o.status', 'in', ['paid', 'refunded'])
    .orderBy('l.position')
    .execute();
}

/** A paid (or since refunded) order with its lines; null when unknown or never paid. */
export async function paidFoodOrder(db: Executor<ConcessionsDb>, orderId: string) {
  const o = await db
    .selectFrom('concession_orders')
    .select(['id', 'cinema_id', 'currency', 'paid_at'])
    .where('id', '=', orderId)
    .where('status', 'in', ['paid', 'refunded'])
    .executeTakeFirst();
  if (!o) return null;
  const lines = await db
    .selectFrom('concession_order_lines as l')
    .select(LINE_COLUMNS)
    .where('l.order_id', '=', orderId)
    .orderBy('l.position')
    .execute();
  return { id: o.id, cinemaId: o.cinema_id, currency: o.currency.trim(), paidAt: o.paid_at, lines };
}

/** The reads above on the module's own handle (app.ts passes them to finance). */
export function createOrderReads(database: ModuleDatabase) {
  const db = moduleDb<ConcessionsDb>(database);
  return {
    foodLinesOfBooking: (bookingId: string) => foodLinesOfBooking(db, bookingId),
    paidFoodOrder: (orderId: string) => paidFoodOrder(db, orderId),
  };
}
