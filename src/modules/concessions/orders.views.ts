// Food orders as clients see them: money as {amount, currency}, lines with what was collected and
// refunded, names in the asked language (the lines record English; the catalog's names translate
// them), and the pickup code with its QR only once the order is paid.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import type { FoodOrderView } from './orders.schemas.ts';
import type { LineRow, OrderRow } from './orders.store.ts';

/** Where the pickup QR of an order is drawn: a guest's booking has its own route (the token opens it). */
export const pickupQrPath = (o: Pick<OrderRow, 'id' | 'channel' | 'booking_id'>) =>
  o.channel === 'guest' && o.booking_id
    ? `/api/v1/guest/bookings/${o.booking_id}/food/pickup.svg`
    : `/api/v1/concession-orders/${o.id}/pickup.svg`;

/** Variant id → its name in `lang` as lines name it ("Popcorn (Large)"); empty for English (lines have it). */
export async function namesIn(
  db: Executor<ConcessionsDb>,
  lines: LineRow[],
  lang: string,
): Promise<Map<string, string>> {
  if (lang === 'en' || lines.length === 0) return new Map();
  const ids = [...new Set(lines.flatMap((l) => [l.variant_id, ...l.choices.map((c) => c.variantId)]))];
  const { rows } = await sql<{ id: string; product: string; variant: string; variants: number }>`
    select v.id, coalesce(p.names ->> ${lang}, p.names ->> 'en') as product,
      coalesce(v.names ->> ${lang}, v.names ->> 'en') as variant,
      (select count(*)::int from concession_variants o where o.product_id = p.id and o.active) as variants
    from concession_variants v join concession_products p on p.id = v.product_id
    where v.id = any(${ids}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.variants > 1 ? `${r.product} (${r.variant})` : r.product]));
}

/** An order as its answers show it; `paid` reads a held order of a booking already sold as paid. */
export function orderView(o: OrderRow, lines: LineRow[], names: Map<string, string>, paid = false): FoodOrderView {
  const currency = o.currency;
  const status = o.status === 'held' && paid ? 'paid' : o.status;
  const shown = status === 'paid';
  return {
    id: o.id,
    status,
    cinemaId: o.cinema_id,
    pickupCode: shown ? o.pickup_code : null,
    pickupQrUrl: shown ? pickupQrPath(o) : null,
    items: lines
      .filter((l) => l.order_id === o.id)
      .map((l) => ({
        lineId: l.id,
        productId: l.product_id,
        variantId: l.variant_id,
        name: names.get(l.variant_id) ?? l.name,
        quantity: l.quantity,
        unitPrice: { amount: l.unit_price, currency },
        total: { amount: l.unit_price * l.quantity, currency },
        choices: l.choices.map((c) => ({
          slotId: c.slotId,
          variantId: c.variantId,
          name: names.get(c.variantId) ?? c.name,
        })),
        collected: l.collected_quantity,
        refunded: l.refunded_quantity,
      })),
    total: { amount: o.total_amount, currency },
    collectedAt: o.collected_at ? new Date(o.collected_at).toISOString() : null,
  };
}

/** What is left to hand over of an order's lines (the counter's list). */
export function leftToHandOver(lines: LineRow[], names: Map<string, string>) {
  return lines
    .map((l) => ({ l, left: l.quantity - l.collected_quantity - l.refunded_quantity }))
    .filter((x) => x.left > 0)
    .map(({ l, left }) => ({
      lineId: l.id,
      name: names.get(l.variant_id) ?? l.name,
      quantity: left,
      choices: l.choices.map((c) => ({
        slotId: c.slotId,
        variantId: c.variantId,
        name: names.get(c.variantId) ?? c.name,
      })),
    }));
}
