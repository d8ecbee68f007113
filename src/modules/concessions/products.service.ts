// Products admin: items and combos with their sizes, per-language texts, allergens, dietary flags,
// combo slots whose choices are sizes of active items, and the image (the catalog's pipeline).
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { processAndStoreImage } from '../../platform/media/image-processing.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import { invalidProduct, productNotFound } from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import type { CreateProductInput, PatchProductInput, ProductView } from './products.schemas.ts';
import {
  listProductIds,
  loadProducts,
  type Localized,
  replaceSlots,
  setProductImage,
  variantsOf,
} from './products.store.ts';
import { productView } from './products.views.ts';

/** Widths a product image is served in (menu cards, the staff list). */
const PRODUCT_IMAGE_WIDTHS = [160, 400, 800];

type SlotsInput = NonNullable<CreateProductInput['slots']>;

export function createProductsService(deps: { db: Executor<ConcessionsDb>; clock: Clock; media: MediaStorage }) {
  const { db, clock, media } = deps;

  const get = async (id: string, lang = 'en', trx: Executor<ConcessionsDb> = db): Promise<ProductView> => {
    const [p] = await loadProducts(trx, [id]);
    if (!p) throw productNotFound();
    return productView(media, p, lang);
  };

  /** Checks slots (combos only, choices = sizes of active items) and gives them ids. */
  async function checkSlots(trx: Executor<ConcessionsDb>, slots: SlotsInput) {
    const ids = [...new Set(slots.flatMap((s) => s.choices.map((c) => c.variantId)))];
    const found = new Map((await variantsOf(trx, ids)).map((v) => [v.id, v]));
    slots.forEach((s, i) => {
      const seen = new Set<string>();
      s.choices.forEach((c, j) => {
        const v = found.get(c.variantId);
        const path = `/slots/${i}/choices/${j}/variantId`;
        if (!v) throw invalidProduct(path, 'is not a variant');
        if (v.kind !== 'item') throw invalidProduct(path, 'must be a size of an item, not of a combo');
        if (!v.usable) throw invalidProduct(path, 'is a size of an inactive product');
        if (seen.has(c.variantId)) throw invalidProduct(path, 'is a choice of this slot already');
        seen.add(c.variantId);
      });
    });
    return slots.map((s) => ({
      id: randomUUID(),
      names: s.names as Localized,
      quantity: s.quantity ?? 1,
      choices: s.choices.map((c) => ({ variantId: c.variantId, surcharge: c.surcharge ?? 0 })),
    }));
  }

  return {
    get,

    /** Creates a product with its variants (and a combo's slots); 422 validation_failed on a broken rule. */
    async create(input: CreateProductInput, lang: string): Promise<ProductView> {
      if (input.kind === 'item' && input.slots?.length) throw invalidProduct('/slots', 'only a combo has slots');
      if (input.kind === 'combo' && !input.slots?.length) throw invalidProduct('/slots', 'a combo needs a slot');
      if (input.kind === 'combo' && input.trackStock) throw invalidProduct('/trackStock', 'only items track stock');
      const codes = input.variants.map((v) => v.code);
      const dup = codes.findIndex((c, i) => codes.indexOf(c) !== i);
      if (dup >= 0) throw invalidProduct(`/variants/${dup}/code`, 'is used twice');
      const id = randomUUID();
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const slots = await checkSlots(trx, input.slots ?? []);
        await trx
          .insertInto('concession_products')
          .values({
            id,
            kind: input.kind,
            category: input.category,
            names: JSON.stringify(input.names),
            descriptions: JSON.stringify(input.descriptions ?? {}),
            allergens: input.allergens ?? [],
            dietary: input.dietary ?? [],
            track_stock: input.trackStock ?? false,
            sort_order: input.sortOrder ?? 0,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await trx
          .insertInto('concession_variants')
          .values(
            input.variants.map((v, i) => ({
              id: randomUUID(),
              product_id: id,
              code: v.code,
              names: JSON.stringify(v.names),
              sort_order: v.sortOrder ?? i,
            })),
          )
          .execute();
        await replaceSlots(trx, id, slots);
      });
      return get(id, lang);
    },

    /** Products in (category, sortOrder) order, a page at a time. */
    async list(q: { category?: string; active?: boolean; limit?: number; cursor?: string }, lang: string) {
      const limit = q.limit ?? 50;
      const after = decodeCursor(q.cursor, 'concession-products', ['text', 'number', 'uuid']);
      const rows = await listProductIds(db, {
        category: q.category,
        active: q.active,
        limit,
        after: after ? [after[0]!, Number(after[1]), after[2]!] : null,
      });
      const page = pageOf(rows, limit, 'concession-products', (r) => [r.category, String(r.sort_order), r.id]);
      const full = await loadProducts(
        db,
        page.items.map((r) => r.id),
      );
      return { items: full.map((p) => productView(media, p, lang)), nextCursor: page.nextCursor };
    },

    /** Changes a product: texts, flags, variants by code (add, rename, deactivate), a combo's slots replaced. */
    async patch(id: string, input: PatchProductInput, lang: string): Promise<ProductView> {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('concession_products')
          .select(['kind'])
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw productNotFound();
        if (row.kind === 'item' && input.slots?.length) throw invalidProduct('/slots', 'only a combo has slots');
        if (row.kind === 'combo' && input.slots && input.slots.length === 0)
          throw invalidProduct('/slots', 'a combo needs a slot');
        if (row.kind === 'combo' && input.trackStock) throw invalidProduct('/trackStock', 'only items track stock');
        const now = clock.now();
        await trx
          .updateTable('concession_products')
          .set({
            updated_at: now,
            ...(input.category !== undefined && { category: input.category }),
            ...(input.names !== undefined && { names: JSON.stringify(input.names) }),
            ...(input.descriptions !== undefined && { descriptions: JSON.stringify(input.descriptions) }),
            ...(input.allergens !== undefined && { allergens: input.allergens }),
            ...(input.dietary !== undefined && { dietary: input.dietary }),
            ...(input.trackStock !== undefined && { track_stock: input.trackStock }),
            ...(input.sortOrder !== undefined && { sort_order: input.sortOrder }),
            ...(input.active !== undefined && { active: input.active }),
          })
          .where('id', '=', id)
          .execute();
        const existing = await trx
          .selectFrom('concession_variants')
          .select(['id', 'code'])
          .where('product_id', '=', id)
          .execute();
        for (const [i, v] of (input.variants ?? []).entries()) {
          const known = existing.find((e) => e.code === v.code);
          if (!known) {
            if (!v.names) throw invalidProduct(`/variants/${i}/names`, 'a new variant needs names');
            await trx
              .insertInto('concession_variants')
              .values({
                id: randomUUID(),
                product_id: id,
                code: v.code,
                names: JSON.stringify(v.names),
                sort_order: v.sortOrder ?? existing.length + i,
                active: v.active ?? true,
              })
              .execute();
            continue;
          }
          if (v.names === undefined && v.sortOrder === undefined && v.active === undefined) continue;
          await trx
            .updateTable('concession_variants')
            .set({
              ...(v.names !== undefined && { names: JSON.stringify(v.names) }),
              ...(v.sortOrder !== undefined && { sort_order: v.sortOrder }),
              ...(v.active !== undefined && { active: v.active }),
            })
            .where('id', '=', known.id)
            .execute();
        }
        if (input.slots) await replaceSlots(trx, id, await checkSlots(trx, input.slots));
      });
      return get(id, lang);
    },

    /** Takes a product off every menu (kept for orders and reports that name it). */
    async deactivate(id: string, lang: string): Promise<ProductView> {
      const r = await db
        .updateTable('concession_products')
        .set({ active: false, updated_at: clock.now() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (r.numUpdatedRows === 0n) throw productNotFound();
      return get(id, lang);
    },

    /** Stores an uploaded image through the catalog's pipeline and attaches it (the old one goes to media GC). */
    async setImage(id: string, bytes: Buffer | null, lang: string): Promise<ProductView> {
      await get(id, lang); // refuse unknown products before spending time on the image
      const image = bytes ? await processAndStoreImage(media, bytes, PRODUCT_IMAGE_WIDTHS) : null;
      if (!(await setProductImage(db, id, image, clock.now()))) throw productNotFound();
      return get(id, lang);
    },
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
