// SQL of concession products: the product rows, their variants, and a combo's slots with choices.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ImageRecord } from '../../platform/media/image-processing.ts';
import type { ConcessionsDb } from './concessions.tables.ts';

export type Localized = { en: string } & Record<string, string>;

export interface ProductRow {
  id: string;
  kind: 'item' | 'combo';
  category: string;
  names: Localized;
  descriptions: Record<string, string>;
  image: ImageRecord | null;
  allergens: string[];
  dietary: string[];
  track_stock: boolean;
  sort_order: number;
  active: boolean;
}
export interface VariantRow {
  id: string;
  product_id: string;
  code: string;
  names: Localized;
  sort_order: number;
  active: boolean;
}
export interface ChoiceRow {
  slot_id: string;
  variant_id: string;
  product_id: string;
  surcharge: number;
  product_names: Localized;
  variant_names: Localized;
  variant_count: number;
  usable: boolean;
}
export interface SlotRow {
  id: string;
  combo_id: string;
  position: number;
  names: Localized;
  quantity: number;
}
export interface FullProduct {
  row: ProductRow;
  variants: VariantRow[];
  slots: (SlotRow & { choices: ChoiceRow[] })[];
}

const productColumns = [
  'id',
  'kind',
  'category',
  'names',
  'descriptions',
  'image',
  'allergens',
  'dietary',
  'track_stock',
  'sort_order',
  'active',
] as const;

/** Products with their variants and slots, in the order of `ids` (missing ones left out). */
export async function loadProducts(db: Executor<ConcessionsDb>, ids: string[]): Promise<FullProduct[]> {
  if (ids.length === 0) return [];
  const [rows, variants, slots, choices] = await Promise.all([
    db.selectFrom('concession_products').select(productColumns).where('id', 'in', ids).execute(),
    db
      .selectFrom('concession_variants')
      .select(['id', 'product_id', 'code', 'names', 'sort_order', 'active'])
      .where('product_id', 'in', ids)
      .orderBy('sort_order')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('concession_combo_slots')
      .select(['id', 'combo_id', 'position', 'names', 'quantity'])
      .where('combo_id', 'in', ids)
      .orderBy('position')
      .execute(),
    sql<ChoiceRow>`
      select c.slot_id, c.variant_id, v.product_id, c.surcharge, p.names as product_names,
        v.names as variant_names, (v.active and p.active) as usable,
        (select count(*)::int from concession_variants o where o.product_id = p.id and o.active) as variant_count
      from concession_combo_choices c
      join concession_combo_slots s on s.id = c.slot_id
      join concession_variants v on v.id = c.variant_id
      join concession_products p on p.id = v.product_id
      where s.combo_id = any(${ids}::uuid[])
      order by c.slot_id, p.sort_order, v.sort_order, v.code`
      .execute(db)
      .then((r) => r.rows),
  ]);
  const byId = new Map((rows as unknown as ProductRow[]).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        row,
        variants: (variants as unknown as VariantRow[]).filter((v) => v.product_id === id),
        slots: (slots as unknown as SlotRow[])
          .filter((s) => s.combo_id === id)
          .map((s) => ({ ...s, choices: choices.filter((c) => c.slot_id === s.id) })),
      },
    ];
  });
}

/** A page of product ids in (category, sort_order, id) order after `after`. */
export async function listProductIds(
  db: Executor<ConcessionsDb>,
  q: { category?: string; active?: boolean; limit: number; after: [string, number, string] | null },
): Promise<{ id: string; category: string; sort_order: number }[]> {
  let query = db.selectFrom('concession_products').select(['id', 'category', 'sort_order']);
  if (q.category !== undefined) query = query.where('category', '=', q.category);
  if (q.active !== undefined) query = query.where('active', '=', q.active);
  if (q.after) {
    const [c, s, id] = q.after;
    query = query.where(sql<boolean>`(category, sort_order, id) > (${c}, ${s}::int, ${id}::uuid)`);
  }
  return query
    .orderBy('category')
    .orderBy('sort_order')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

/** Variants with their product's kind and activity, for checking combo choices and stock lines. */
export async function variantsOf(db: Executor<ConcessionsDb>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('concession_variants as v')
    .innerJoin('concession_products as p', 'p.id', 'v.product_id')
    .select([
      'v.id',
      'v.product_id',
      'v.code',
      'v.names as variant_names',
      'p.names as product_names',
      'p.kind',
      'p.track_stock',
      sql<boolean>`v.active and p.active`.as('usable'),
    ])
    .where('v.id', 'in', ids)
    .execute();
}

/** Replaces a combo's slots and their choices (offers and order lines never point at slots). */
export async function replaceSlots(
  trx: Executor<ConcessionsDb>,
  comboId: string,
  slots: { id: string; names: Localized; quantity: number; choices: { variantId: string; surcharge: number }[] }[],
) {
  await trx.deleteFrom('concession_combo_slots').where('combo_id', '=', comboId).execute();
  if (slots.length === 0) return;
  await trx
    .insertInto('concession_combo_slots')
    .values(
      slots.map((s, position) => ({
        id: s.id,
        combo_id: comboId,
        position,
        names: JSON.stringify(s.names),
        quantity: s.quantity,
      })),
    )
    .execute();
  const choices = slots.flatMap((s) =>
    s.choices.map((c) => ({ slot_id: s.id, variant_id: c.variantId, surcharge: c.surcharge })),
  );
  await trx.insertInto('concession_combo_choices').values(choices).execute();
}

/** Sets a product's image; false when there is no such product. */
export async function setProductImage(
  db: Executor<ConcessionsDb>,
  id: string,
  image: ImageRecord | null,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('concession_products')
    .set({ image: image ? JSON.stringify(image) : null, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** The media keys of every image variant a product points at (the catalog's media GC keeps them). */
export async function productImagePaths(db: Executor<ConcessionsDb>): Promise<Set<string>> {
  const r = await sql<{ path: string }>`
    select distinct v ->> 'path' as path
    from concession_products p, jsonb_array_elements(p.image -> 'variants') v
    where p.image is not null`.execute(db);
  return new Set(r.rows.map((x) => x.path));
}
