// SQL for food orders and their lines (issue 17, part B): the basket of a held booking replaced as a
// whole, an order paid or cancelled with its booking, the counter's collection as one conditional
// UPDATE (never more than is left, so concurrent scans and a racing refund cannot both hand out a
// unit), and the staff's list. Business time always comes in as a parameter.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import type { PricedLine, TaxKind } from './pricing.ts';
import type { StockLine } from './stock.ts';

export type Db = Executor<ConcessionsDb>;

export type OrderStatus = 'held' | 'paid' | 'cancelled' | 'refunded';

export interface OrderRow {
  id: string;
  cinema_id: string;
  channel: 'web' | 'guest' | 'till';
  booking_id: string | null;
  user_id: string | null;
  status: OrderStatus;
  currency: string;
  total_amount: number;
  pickup_code: string;
  created_at: Date;
  paid_at: Date | null;
  collected_at: Date | null;
}

export interface LineRow {
  id: string;
  order_id: string;
  position: number;
  product_id: string;
  variant_id: string;
  name: string;
  quantity: number;
  unit_price: number;
  tax_kind: TaxKind;
  choices: { slotId: string; variantId: string; name: string; quantity?: number }[];
  /** Per unit: what its sale took from stock (given back exactly on release or refund). */
  stock_taken: StockLine[];
  collected_quantity: number;
  refunded_quantity: number;
}

const orderColumns = [
  'id',
  'cinema_id',
  'channel',
  'booking_id',
  'user_id',
  'status',
  'currency',
  'total_amount',
  'pickup_code',
  'created_at',
  'paid_at',
  'collected_at',
] as const;

const normalise = (o: OrderRow): OrderRow => ({ ...o, currency: o.currency.trim() });

/** A booking's order, locked FOR UPDATE when asked. */
export async function findOrderOfBooking(db: Db, bookingId: string, lock = false): Promise<OrderRow | undefined> {
  let q = db.selectFrom('concession_orders').select(orderColumns).where('booking_id', '=', bookingId);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && normalise(r as OrderRow);
}

/** An order by id or by pickup code, locked FOR UPDATE when asked. */
export async function findOrder(
  db: Db,
  where: { id: string } | { code: string },
  lock = false,
): Promise<OrderRow | undefined> {
  let q = db.selectFrom('concession_orders').select(orderColumns);
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('pickup_code', '=', where.code);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r && normalise(r as OrderRow);
}

/** Lines of some orders in position order. */
export async function linesOf(db: Db, orderIds: string[]): Promise<LineRow[]> {
  if (orderIds.length === 0) return [];
  return (await db
    .selectFrom('concession_order_lines')
    .selectAll()
    .where('order_id', 'in', orderIds)
    .orderBy('order_id')
    .orderBy('position')
    .execute()) as unknown as LineRow[];
}

/** Orders of some bookings (one each at most). */
export async function ordersOfBookings(db: Db, bookingIds: string[]): Promise<OrderRow[]> {
  if (bookingIds.length === 0) return [];
  const rows = await db
    .selectFrom('concession_orders')
    .select(orderColumns)
    .where('booking_id', 'in', bookingIds)
    .execute();
  return (rows as OrderRow[]).map(normalise);
}

/** A new held order of a booking (its lines follow with replaceLines). */
export async function insertOrder(
  trx: Db,
  o: Pick<OrderRow, 'id' | 'cinema_id' | 'channel' | 'booking_id' | 'user_id' | 'currency' | 'pickup_code'> & {
    staff_user_id: string | null;
  },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('concession_orders')
    .values({ ...o, status: 'held', total_amount: 0, created_at: now, updated_at: now })
    .execute();
}

/** Replaces a held order's lines and total with a newly priced basket. */
export async function replaceLines(
  trx: Db,
  orderId: string,
  lines: PricedLine[],
  total: number,
  newIds: () => string,
  now: Date,
): Promise<void> {
  await trx.deleteFrom('concession_order_lines').where('order_id', '=', orderId).execute();
  if (lines.length > 0)
    await trx
      .insertInto('concession_order_lines')
      .values(
        lines.map((l, position) => ({
          id: newIds(),
          order_id: orderId,
          position,
          product_id: l.productId,
          variant_id: l.variantId,
          name: l.name,
          quantity: l.quantity,
          unit_price: l.unitPrice,
          tax_kind: l.taxKind,
          choices: JSON.stringify(l.choices),
          stock_taken: JSON.stringify(l.stock),
        })),
      )
      .execute();
  await trx
    .updateTable('concession_orders')
    .set({ total_amount: total, updated_at: now })
    .where('id', '=', orderId)
    .execute();
}

/** Removes a held order with its lines (the basket emptied). */
export async function deleteHeldOrder(trx: Db, orderId: string): Promise<void> {
  await trx.deleteFrom('concession_order_lines').where('order_id', '=', orderId).execute();
  await trx.deleteFrom('concession_orders').where('id', '=', orderId).where('status', '=', 'held').execute();
}

/** held → paid or cancelled; returns the order when it moved (once per order, whoever gets there first). */
export async function moveHeld(
  trx: Db,
  where: { bookingId: string } | { orderId: string },
  to: 'paid' | 'cancelled',
  now: Date,
): Promise<OrderRow | undefined> {
  let q = trx
    .updateTable('concession_orders')
    .set({ status: to, updated_at: now, ...(to === 'paid' ? { paid_at: now } : {}) })
    .where('status', '=', 'held');
  q = 'bookingId' in where ? q.where('booking_id', '=', where.bookingId) : q.where('id', '=', where.orderId);
  const r = await q.returning(orderColumns).executeTakeFirst();
  return r && normalise(r as OrderRow);
}

/**
 * Marks `take` units of lines collected in one statement, each only while that many are still left
 * (collected + refunded + n <= quantity): the lines it could not take are missing from the answer.
 */
export async function collectLines(
  trx: Db,
  orderId: string,
  take: { lineId: string; quantity: number }[],
): Promise<{ id: string; n: number }[]> {
  const { rows } = await sql<{ id: string; n: number }>`
    update concession_order_lines l
    set collected_quantity = l.collected_quantity + w.n
    from unnest(${take.map((t) => t.lineId)}::uuid[], ${take.map((t) => t.quantity)}::int[]) as w(id, n)
    where l.id = w.id and l.order_id = ${orderId}::uuid
      and l.collected_quantity + l.refunded_quantity + w.n <= l.quantity
    returning l.id, w.n`.execute(trx);
  return rows;
}

/** Records a handing over, and stamps collected_at once nothing is left to collect. */
export async function recordCollection(
  trx: Db,
  c: { id: string; orderId: string; staffUserId: string; lines: { lineId: string; quantity: number }[] },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('concession_collections')
    .values({
      id: c.id,
      order_id: c.orderId,
      staff_user_id: c.staffUserId,
      lines: JSON.stringify(c.lines),
      created_at: now,
    })
    .execute();
  await sql`
    update concession_orders o set collected_at = ${now}, updated_at = ${now}
    where o.id = ${c.orderId}::uuid and o.collected_at is null
      and not exists (select 1 from concession_order_lines l
        where l.order_id = o.id and l.collected_quantity + l.refunded_quantity < l.quantity)`.execute(trx);
}

/**
 * Sold bookings' held food → paid, in the transaction that sells them (payments' settlement, one
 * statement for a batch): receipts and refunds read the order paid from the moment of the sale.
 */
export async function payFoodOfBookings(tx: SharedTx, bookingIds: string[], now: Date): Promise<void> {
  if (bookingIds.length === 0) return;
  await narrowTx<ConcessionsDb>(tx)
    .updateTable('concession_orders')
    .set({ status: 'paid', paid_at: now, updated_at: now })
    .where('booking_id', 'in', bookingIds)
    .where('status', '=', 'held')
    .execute();
}

/** Staff's list: a cinema's orders, newest first, optionally of one status and paid on one local day. */
export async function listOrders(
  db: Db,
  q: { cinemaId: string; status?: OrderStatus; day?: { from: Date; to: Date }; limit: number },
): Promise<OrderRow[]> {
  let s = db.selectFrom('concession_orders').select(orderColumns).where('cinema_id', '=', q.cinemaId);
  if (q.status) s = s.where('status', '=', q.status);
  if (q.day) s = s.where('paid_at', '>=', q.day.from).where('paid_at', '<', q.day.to);
  const rows = await s.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  return (rows as OrderRow[]).map(normalise);
}
