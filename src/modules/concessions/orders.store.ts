// SQL for food orders and their lines (issue 17, part B): the basket of a held booking replaced as a
// whole, an order paid or cancelled with its booking, the counter's collection as one conditional
// UPDATE (never more than is left, so concurrent scans and a racing refund cannot both hand out a
// unit), and the staff's list. Business time always comes in as a parameter.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import type { PricedLine, TaxKind } from './pricing.ts';
import { moveStockCtes, shortOfStock, type StockLine } from './stock.ts';

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

/** Orders of some bookings (one each at most) with their lines in position order, in one statement. */
export async function ordersWithLinesOfBookings(
  db: Db,
  bookingIds: string[],
): Promise<{ orders: OrderRow[]; lines: LineRow[] }> {
  if (bookingIds.length === 0) return { orders: [], lines: [] };
  const { rows } = await sql<OrderRow & { lines: LineRow[] | string }>`
    select o.id, o.cinema_id, o.channel, o.booking_id, o.user_id, o.status, o.currency, o.total_amount, o.pickup_code,
      o.created_at, o.paid_at, o.collected_at,
      coalesce((select jsonb_agg(to_jsonb(l) order by l.position) from concession_order_lines l where l.order_id = o.id),
        '[]'::jsonb) as lines
    from concession_orders o where o.booking_id = any(${bookingIds}::uuid[])`.execute(db);
  const orders = rows.map(({ lines: _, ...o }) => normalise(o));
  const lines = rows.flatMap((r) => (typeof r.lines === 'string' ? (JSON.parse(r.lines) as LineRow[]) : r.lines));
  return { orders, lines };
}

/** Replaces an order's lines and total with a newly priced basket (a till sale's). */
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

/** A booking's basket as putBasket writes it: the order made when it has none, the priced lines. */
export interface Basket {
  bookingId: string;
  cinemaId: string;
  /** The order made when the booking has none yet (an existing held order keeps its own fields). */
  order: Pick<OrderRow, 'id' | 'channel' | 'user_id' | 'currency' | 'pickup_code'> & { staff_user_id: string | null };
  /** Empty: the held order and its lines go. */
  lines: (PricedLine & { id: string })[];
  total: number;
  /** What the basket takes from stock (tracked variants as priced, summed; re-checked in the statement). */
  stock: StockLine[];
}

/**
 * Replaces a held booking's basket in ONE statement (the booking is locked by its caller first): the
 * held order locked, the stock its lines recorded given back and the new basket's taken as one net
 * move per variant (moveStockCtes: rows locked in variant_id order, never below zero), the order made
 * or its total set, its lines written over by position (the surplus deleted; each line records the
 * stock of the variants still tracked now); an emptied basket deletes the order. Returns the variants
 * that fell short (the caller throws, rolling all of it back), the tracked ones, and the order (null
 * when emptied, or when the booking's order is not held).
 */
export async function putBasket(
  trx: Db,
  b: Basket,
  now: Date,
): Promise<{ short: string[]; tracked: Set<string>; order: OrderRow | null }> {
  const head = sql`
    with old_order as (
      select id from concession_orders where booking_id = ${b.bookingId}::uuid and status = 'held' for update
    ), old_stock as (
      select (e ->> 'variantId')::uuid as variant_id, (e ->> 'quantity')::int * (l.quantity - l.refunded_quantity) as n
      from concession_order_lines l cross join lateral jsonb_array_elements(l.stock_taken) as e
      where l.order_id in (select id from old_order)
    ), want as (
      select w.variant_id, w.n
      from unnest(${b.stock.map((x) => x.variantId)}::uuid[], ${b.stock.map((x) => x.quantity)}::int[]) as w(variant_id, n)
      join concession_variants v on v.id = w.variant_id
      join concession_products p on p.id = v.product_id
      where p.track_stock
    ), delta as (
      select variant_id, sum(n)::int as n
      from (select variant_id, n from want union all select variant_id, -n from old_stock) x
      group by variant_id having sum(n) <> 0
    ), ${moveStockCtes(b.cinemaId, now)}`;
  const tail = sql`${shortOfStock} as short, coalesce((select array_agg(variant_id) from want), '{}') as tracked`;
  if (b.lines.length === 0) {
    const { rows } = await sql<{ short: string[]; tracked: string[] }>`${head},
      gone_lines as (delete from concession_order_lines where order_id in (select id from old_order)),
      gone as (delete from concession_orders where id in (select id from old_order))
      select ${tail}`.execute(trx);
    const r = rows[0] ?? { short: [], tracked: [] };
    return { short: r.short, tracked: new Set(r.tracked), order: null };
  }
  const lines = JSON.stringify(
    b.lines.map((l, position) => ({
      id: l.id,
      position,
      product_id: l.productId,
      variant_id: l.variantId,
      name: l.name,
      quantity: l.quantity,
      unit_price: l.unitPrice,
      tax_kind: l.taxKind,
      choices: l.choices,
      stock: l.stock,
    })),
  );
  const o = b.order;
  const { rows } = await sql<{ short: string[]; tracked: string[]; order: OrderRow | string | null }>`${head},
    o as (
      insert into concession_orders (id, cinema_id, channel, booking_id, user_id, currency, pickup_code, staff_user_id,
        status, total_amount, created_at, updated_at)
      values (${o.id}::uuid, ${b.cinemaId}::uuid, ${o.channel}, ${b.bookingId}::uuid, ${o.user_id}::uuid, ${o.currency},
        ${o.pickup_code}, ${o.staff_user_id}::uuid, 'held', ${b.total}, ${now}, ${now})
      on conflict (booking_id) do update set total_amount = excluded.total_amount, updated_at = excluded.updated_at
      where concession_orders.status = 'held'
      returning id, cinema_id, channel, booking_id, user_id, status, currency, total_amount, pickup_code, created_at, paid_at, collected_at
    ), new_lines as (
      insert into concession_order_lines (id, order_id, position, product_id, variant_id, name, quantity, unit_price,
        tax_kind, choices, stock_taken)
      select l.id, o.id, l.position, l.product_id, l.variant_id, l.name, l.quantity, l.unit_price, l.tax_kind, l.choices,
        coalesce((select jsonb_agg(e order by i) from jsonb_array_elements(l.stock) with ordinality as x(e, i)
          where (e ->> 'variantId')::uuid in (select variant_id from want)), '[]'::jsonb)
      from o cross join jsonb_to_recordset(${lines}::jsonb) as l(id uuid, position int, product_id uuid, variant_id uuid,
        name text, quantity int, unit_price int, tax_kind text, choices jsonb, stock jsonb)
      on conflict (order_id, position) do update set id = excluded.id, product_id = excluded.product_id,
        variant_id = excluded.variant_id, name = excluded.name, quantity = excluded.quantity,
        unit_price = excluded.unit_price, tax_kind = excluded.tax_kind, choices = excluded.choices,
        stock_taken = excluded.stock_taken, collected_quantity = 0, refunded_quantity = 0
      returning id
    ), surplus as (
      delete from concession_order_lines
      where order_id in (select id from old_order) and position >= ${b.lines.length}
    )
    select ${tail}, (select to_jsonb(o) from o) as order`.execute(trx);
  const r = rows[0] ?? { short: [], tracked: [], order: null };
  const raw = typeof r.order === 'string' ? (JSON.parse(r.order) as OrderRow) : r.order;
  const order = raw && normalise({ ...raw, created_at: new Date(raw.created_at), paid_at: null, collected_at: null });
  return { short: r.short, tracked: new Set(r.tracked), order };
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
