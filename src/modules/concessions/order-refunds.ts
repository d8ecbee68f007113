// Giving back food not yet collected, in the refund's transaction (payments records the money, this
// the lines): each line's refunded_quantity grows by what is refunded in ONE conditional UPDATE whose
// guard (collected + refunded + n <= quantity, also the table's check) a racing counter scan cannot
// pass at the same time: whichever commits first wins, the other sees the line's new quantities.
// Stock of tracked items (a combo's tracked choices too) comes back; an order with nothing left to
// collect reads `refunded`.
import { sql } from 'kysely';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { findOrder, findOrderOfBooking, linesOf, moveHeld } from './orders.store.ts';
import { returnStock, type StockLine } from './stock.ts';

export type TaxKind = 'food' | 'merchandise' | 'default';

/** A line (part) refunded: what it gives back at its unit price, and its tax kind (the credit note's rate). */
export interface RefundedFoodLine {
  lineId: string;
  name: string;
  quantity: number;
  amount: number;
  taxKind: TaxKind;
}

export interface FoodRefund {
  orderId: string;
  cinemaId: string;
  currency: string;
  /** The sum of the lines' amounts. */
  amount: number;
  lines: RefundedFoodLine[];
}

/** An order as a refund needs it, locked. */
export interface RefundableOrder {
  id: string;
  cinemaId: string;
  bookingId: string | null;
  status: string;
  currency: string;
  /** What was handed over, at its unit prices: kept when the rest is refunded (a showtime cancel). */
  collectedAmount: number;
  lines: { lineId: string; left: number; unitPrice: number }[];
}

/** The order of a booking or by id, locked FOR UPDATE (unless `lock` is false) with its lines; null when there is none. */
export async function lockOrder(
  tx: SharedTx,
  where: { bookingId: string } | { orderId: string },
  lock = true,
): Promise<RefundableOrder | null> {
  const trx = narrowTx<ConcessionsDb>(tx);
  // The same lock the counter's collect takes (orders.store), so a scan and a refund serialise.
  const order =
    'bookingId' in where
      ? await findOrderOfBooking(trx, where.bookingId, lock)
      : await findOrder(trx, { id: where.orderId }, lock);
  if (!order) return null;
  const lines = await linesOf(trx, [order.id]);
  return {
    id: order.id,
    cinemaId: order.cinema_id,
    bookingId: order.booking_id,
    status: order.status,
    currency: order.currency.trim(),
    collectedAmount: lines.reduce((s, l) => s + l.collected_quantity * l.unit_price, 0),
    lines: lines.map((l) => ({
      lineId: l.id,
      left: l.quantity - l.collected_quantity - l.refunded_quantity,
      unitPrice: l.unit_price,
    })),
  };
}

/**
 * Refunds `wanted` units of lines of a locked paid order (one still `held` the caller knows paid,
 * its booking confirmed before the booking.confirmed consumer ran, is marked paid first) ({lineId: quantity}), or everything left to
 * collect when `wanted` is absent: marks them refunded, gives tracked stock back and sets the order
 * `refunded` when nothing is left. Lines a scan collected meanwhile give back only what is still
 * left; null when nothing was (the caller refunds no food).
 */
export async function refundOrderLines(
  tx: SharedTx,
  order: RefundableOrder,
  wanted: Map<string, number> | null,
  now: Date,
): Promise<FoodRefund | null> {
  const trx = narrowTx<ConcessionsDb>(tx);
  const take = order.lines
    .map((l) => ({ lineId: l.lineId, quantity: wanted ? Math.min(wanted.get(l.lineId) ?? 0, l.left) : l.left }))
    .filter((l) => l.quantity > 0);
  if (take.length === 0) return null;
  if (order.status === 'held') await moveHeld(trx, { orderId: order.id }, 'paid', now);
  const { rows } = await sql<{
    id: string;
    name: string;
    n: number;
    unit_price: number;
    tax_kind: TaxKind;
    stock_taken: StockLine[];
  }>`
    update concession_order_lines l
    set refunded_quantity = l.refunded_quantity + w.n
    from unnest(${take.map((t) => t.lineId)}::uuid[], ${take.map((t) => t.quantity)}::int[]) as w(id, n)
    where l.id = w.id and l.order_id = ${order.id}::uuid
      and l.collected_quantity + l.refunded_quantity + w.n <= l.quantity
    returning l.id, l.name, w.n, l.unit_price, l.tax_kind, l.stock_taken, l.position
  `.execute(trx);
  if (rows.length === 0) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const done = order.lines.map((l) => byId.get(l.lineId)).filter((r) => r !== undefined);
  await returnStock(trx, order.cinemaId, stockOf(done), now, { asRecorded: true });
  await trx
    .updateTable('concession_orders')
    .set({ status: 'refunded', updated_at: now })
    .where('id', '=', order.id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('concession_order_lines')
            .select('id')
            .where('order_id', '=', order.id)
            .whereRef('quantity', '>', sql`collected_quantity + refunded_quantity`),
        ),
      ),
    )
    .execute();
  const lines = done.map((r) => ({
    lineId: r.id,
    name: r.name,
    quantity: r.n,
    amount: r.n * r.unit_price,
    taxKind: r.tax_kind,
  }));
  return {
    orderId: order.id,
    cinemaId: order.cinemaId,
    currency: order.currency,
    amount: lines.reduce((s, l) => s + l.amount, 0),
    lines,
  };
}

/** The stock lines give back: what each unit took when sold (recorded on the line), × units. */
export function stockOf(lines: { n: number; stock_taken: StockLine[] }[]): StockLine[] {
  return lines.flatMap((l) =>
    (Array.isArray(l.stock_taken) ? l.stock_taken : []).map((x) => ({
      variantId: x.variantId,
      quantity: x.quantity * l.n,
    })),
  );
}
