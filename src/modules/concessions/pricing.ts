// Prices a basket at a cinema for orders (booking food, till sales): what is on sale there, a
// combo's choices checked against its slots, unit prices with surcharges, tax kinds, and the stock
// the basket would take. Two statements whatever the basket (variants with offers, combo slots).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { comboChoiceInvalid, foodNotOnSale } from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { type StockLine, sumLines } from './stock.ts';

export type TaxKind = 'food' | 'merchandise' | 'default';

export interface BasketItem {
  variantId: string;
  quantity: number;
  /** A combo's pick per slot; a slot with a single choice may be left out. */
  choices?: { slotId: string; variantId: string }[];
}

export interface PricedChoice {
  slotId: string;
  variantId: string;
  /** In English, as the order line records it. */
  name: string;
  /** Units of this choice in one combo (the slot's quantity). */
  quantity: number;
}

export interface PricedLine {
  productId: string;
  variantId: string;
  kind: 'item' | 'combo';
  name: string;
  quantity: number;
  /** Minor units per unit, a combo's surcharges included. */
  unitPrice: number;
  taxKind: TaxKind;
  choices: PricedChoice[];
  /** What ONE unit takes from stock (tracked variants: the item, a combo's choices); recorded on the line. */
  stock: StockLine[];
}

export interface PricedBasket {
  /** The cinema's food currency; null for an empty basket. */
  currency: string | null;
  total: number;
  lines: PricedLine[];
  /** What takeStock needs for this basket: tracked variants (combo choices included), summed. */
  stock: StockLine[];
}

interface VariantRow {
  variant_id: string;
  product_id: string;
  kind: 'item' | 'combo';
  product_name: string;
  variant_name: string;
  variants: number;
  active: boolean;
  track_stock: boolean;
  price: number | null;
  currency: string | null;
  tax_kind: TaxKind | null;
  on_sale: boolean | null;
}

/** Names a line in English: the product, and its size when it has more than one. */
const lineName = (r: VariantRow) => (r.variants > 1 ? `${r.product_name} (${r.variant_name})` : r.product_name);

/**
 * Prices `items` at a cinema: 422 food_not_on_sale (variantIds) for anything without an on-sale offer
 * there (combo choices included), 422 combo_choice_invalid for a missing, repeated or foreign choice.
 */
export async function priceLines(
  db: Executor<ConcessionsDb>,
  cinemaId: string,
  items: readonly BasketItem[],
): Promise<PricedBasket> {
  if (items.length === 0) return { currency: null, total: 0, lines: [], stock: [] };
  const ids = [...new Set(items.flatMap((i) => [i.variantId, ...(i.choices ?? []).map((c) => c.variantId)]))];
  const { rows } = await sql<VariantRow>`
    select v.id as variant_id, p.id as product_id, p.kind, p.names ->> 'en' as product_name,
      v.names ->> 'en' as variant_name, p.track_stock, (v.active and p.active) as active,
      (select count(*)::int from concession_variants o where o.product_id = p.id and o.active) as variants,
      f.price, f.currency, f.tax_kind, f.on_sale
    from concession_variants v
    join concession_products p on p.id = v.product_id
    left join concession_offers f on f.variant_id = v.id and f.cinema_id = ${cinemaId}::uuid
    where v.id = any(${ids}::uuid[])
      -- and every choice of the combos asked for: a slot with one choice may be left out
      or v.id in (
        select c.variant_id from concession_combo_choices c
        join concession_combo_slots s on s.id = c.slot_id
        join concession_variants cv on cv.product_id = s.combo_id
        where cv.id = any(${ids}::uuid[]))`.execute(db);
  const byId = new Map(rows.map((r) => [r.variant_id, r]));
  const sellable = (id: string) => {
    const r = byId.get(id);
    return r && r.active && r.on_sale ? r : null;
  };
  const missing = ids.filter((id) => !sellable(id));
  if (missing.length > 0) throw foodNotOnSale(missing.sort());

  const comboIds = [...new Set(items.map((i) => byId.get(i.variantId)!).filter((r) => r.kind === 'combo'))].map(
    (r) => r.product_id,
  );
  const slots = comboIds.length > 0 ? await comboSlots(db, comboIds) : new Map<string, Slot[]>();

  const lines: PricedLine[] = [];
  const stock: StockLine[] = [];
  for (const [index, item] of items.entries()) {
    const row = sellable(item.variantId)!;
    const choices: PricedChoice[] = [];
    const unitStock: StockLine[] = [];
    let unitPrice = row.price!;
    if (row.kind === 'combo') {
      for (const slot of slots.get(row.product_id) ?? []) {
        const picked = (item.choices ?? []).filter((c) => c.slotId === slot.id);
        if (picked.length > 1) throw comboChoiceInvalid('One choice per slot', { index, slotId: slot.id });
        const variantId = picked[0]?.variantId ?? (slot.choices.length === 1 ? slot.choices[0]!.variantId : null);
        if (!variantId) throw comboChoiceInvalid('Choose one of this slot’s choices', { index, slotId: slot.id });
        const choice = slot.choices.find((c) => c.variantId === variantId);
        if (!choice) throw comboChoiceInvalid('Not a choice of this slot', { index, slotId: slot.id, variantId });
        const chosen = sellable(variantId);
        if (!chosen) throw foodNotOnSale([variantId]);
        unitPrice += choice.surcharge * slot.quantity;
        choices.push({ slotId: slot.id, variantId, name: lineName(chosen), quantity: slot.quantity });
        if (chosen.track_stock) unitStock.push({ variantId, quantity: slot.quantity });
      }
      const known = new Set((slots.get(row.product_id) ?? []).map((s) => s.id));
      const stray = (item.choices ?? []).find((c) => !known.has(c.slotId));
      if (stray) throw comboChoiceInvalid('Not a slot of this combo', { index, slotId: stray.slotId });
    } else if ((item.choices ?? []).length > 0) {
      throw comboChoiceInvalid('Only a combo takes choices', { index });
    }
    if (row.track_stock) unitStock.push({ variantId: row.variant_id, quantity: 1 });
    for (const u of unitStock) stock.push({ variantId: u.variantId, quantity: u.quantity * item.quantity });
    lines.push({
      productId: row.product_id,
      variantId: row.variant_id,
      kind: row.kind,
      name: lineName(row),
      quantity: item.quantity,
      unitPrice,
      taxKind: row.tax_kind!,
      choices,
      stock: unitStock,
    });
  }
  const currency = byId.get(items[0]!.variantId)!.currency!;
  const total = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  return { currency, total, lines, stock: sumLines(stock) };
}

interface Slot {
  id: string;
  quantity: number;
  choices: { variantId: string; surcharge: number }[];
}

/** The slots of some combos with their choices, by combo id, in position order. */
async function comboSlots(db: Executor<ConcessionsDb>, comboIds: string[]): Promise<Map<string, Slot[]>> {
  const rows = await db
    .selectFrom('concession_combo_slots as s')
    .leftJoin('concession_combo_choices as c', 'c.slot_id', 's.id')
    .select(['s.id', 's.combo_id', 's.quantity', 's.position', 'c.variant_id', 'c.surcharge'])
    .where('s.combo_id', 'in', comboIds)
    .orderBy('s.combo_id')
    .orderBy('s.position')
    .execute();
  const out = new Map<string, Slot[]>();
  for (const r of rows) {
    const list = out.get(r.combo_id) ?? [];
    let slot = list.find((s) => s.id === r.id);
    if (!slot) list.push((slot = { id: r.id, quantity: r.quantity, choices: [] }));
    if (r.variant_id) slot.choices.push({ variantId: r.variant_id, surcharge: r.surcharge ?? 0 });
    out.set(r.combo_id, list);
  }
  return out;
}
