// What each cinema sells: a price, currency and tax kind per size, on or off sale; and the public
// menu built from it (active products with on-sale offers, sold-out tracked sizes marked).
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import { cinemaNotFound, invalidProduct, offerCurrencyMismatch, productNotFound } from './concessions.errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { inLanguage } from './language.ts';
import type { MenuItemView, PutOffersInput } from './offers.schemas.ts';
import { loadProducts } from './products.store.ts';
import { choiceName, imageUrlOf, imageView } from './products.views.ts';

type CinemaExists = (id: string) => Promise<boolean>;

export function createOffersService(deps: {
  db: Executor<ConcessionsDb>;
  clock: Clock;
  media: MediaStorage;
  cinemaExists: CinemaExists;
}) {
  const { db, clock, media } = deps;
  const needCinema = async (id: string) => {
    if (!(await deps.cinemaExists(id))) throw cinemaNotFound();
  };

  async function list(cinemaId: string, productId?: string) {
    let q = db
      .selectFrom('concession_offers as f')
      .innerJoin('concession_variants as v', 'v.id', 'f.variant_id')
      .innerJoin('concession_products as p', 'p.id', 'v.product_id')
      .select(['v.product_id', 'f.variant_id', 'f.price', 'f.currency', 'f.tax_kind', 'f.on_sale'])
      .where('f.cinema_id', '=', cinemaId);
    if (productId) q = q.where('v.product_id', '=', productId);
    const rows = await q.orderBy('p.category').orderBy('p.sort_order').orderBy('v.sort_order').execute();
    return {
      items: rows.map((r) => ({
        productId: r.product_id,
        variantId: r.variant_id,
        price: { amount: r.price, currency: r.currency.trim() },
        taxKind: r.tax_kind as 'food' | 'merchandise' | 'default',
        onSale: r.on_sale,
      })),
    };
  }

  return {
    /** Every offer at a cinema (staff). */
    async list(cinemaId: string) {
      await needCinema(cinemaId);
      return list(cinemaId);
    },

    /** Replaces a product's offers at a cinema: sizes named are priced, sizes left out are not sold there. */
    async put(cinemaId: string, productId: string, input: PutOffersInput) {
      await needCinema(cinemaId);
      const variants = await db
        .selectFrom('concession_variants')
        .select(['id', 'code'])
        .where('product_id', '=', productId)
        .execute();
      if (variants.length === 0) throw productNotFound();
      for (const code of Object.keys(input.prices)) {
        if (!variants.some((v) => v.code === code))
          throw invalidProduct(`/prices/${code}`, 'is not a size of this product');
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        // One currency per cinema: puts for one cinema take turns, so two currencies never both get in.
        await sql`select pg_advisory_xact_lock(hashtext(${`concession_offers:${cinemaId}`}))`.execute(trx);
        const other = await trx
          .selectFrom('concession_offers')
          .select('currency')
          .where('cinema_id', '=', cinemaId)
          .where('currency', '!=', input.currency)
          .limit(1)
          .executeTakeFirst();
        if (other) throw offerCurrencyMismatch(input.currency, other.currency.trim());
        const ids = variants.map((v) => v.id);
        const priced = variants.filter((v) => input.prices[v.code] !== undefined);
        await trx
          .deleteFrom('concession_offers')
          .where('cinema_id', '=', cinemaId)
          .where('variant_id', 'in', ids)
          .where('variant_id', 'not in', priced.map((v) => v.id).concat('00000000-0000-0000-0000-000000000000'))
          .execute();
        if (priced.length === 0) return;
        await trx
          .insertInto('concession_offers')
          .values(
            priced.map((v) => ({
              cinema_id: cinemaId,
              variant_id: v.id,
              price: input.prices[v.code]!,
              currency: input.currency,
              tax_kind: input.taxKind,
              on_sale: input.onSale,
              updated_at: now,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['cinema_id', 'variant_id']).doUpdateSet((eb) => ({
              price: eb.ref('excluded.price'),
              currency: eb.ref('excluded.currency'),
              tax_kind: eb.ref('excluded.tax_kind'),
              on_sale: eb.ref('excluded.on_sale'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      });
      return list(cinemaId, productId);
    },

    /** The public menu of a cinema in `lang`: active products with on-sale offers of active sizes. */
    async menu(cinemaId: string, lang: string) {
      await needCinema(cinemaId);
      const { rows } = await sql<{
        product_id: string;
        variant_id: string;
        price: number;
        currency: string;
        on_hand: number | null;
      }>`
        select v.product_id, f.variant_id, f.price, f.currency,
          case when p.track_stock then coalesce(s.on_hand, 0) end as on_hand
        from concession_offers f
        join concession_variants v on v.id = f.variant_id and v.active
        join concession_products p on p.id = v.product_id and p.active
        left join concession_stock s on s.cinema_id = f.cinema_id and s.variant_id = f.variant_id
        where f.cinema_id = ${cinemaId}::uuid and f.on_sale`.execute(db);
      const offer = new Map(rows.map((r) => [r.variant_id, r]));
      const currency = rows[0]?.currency.trim() ?? null;
      const money = (amount: number) => ({ amount, currency: currency ?? 'EUR' });
      const products = await loadProducts(db, [...new Set(rows.map((r) => r.product_id))]);
      products.sort(
        (a, b) =>
          a.row.category.localeCompare(b.row.category) ||
          a.row.sort_order - b.row.sort_order ||
          a.row.id.localeCompare(b.row.id),
      );
      const items: MenuItemView[] = [];
      for (const p of products) {
        const slots = p.slots.map((s) => ({
          slotId: s.id,
          name: inLanguage(s.names, lang),
          quantity: s.quantity,
          choices: s.choices
            .filter((c) => c.usable && offer.has(c.variant_id))
            .map((c) => {
              const onHand = offer.get(c.variant_id)!.on_hand;
              return {
                variantId: c.variant_id,
                productId: c.product_id,
                name: choiceName(c, lang),
                surcharge: money(c.surcharge * s.quantity),
                available: onHand === null || onHand >= s.quantity,
              };
            }),
        }));
        // A combo with a slot that cannot be filled here is not on this menu.
        if (slots.some((s) => s.choices.length === 0)) continue;
        const fillable = slots.every((s) => s.choices.some((c) => c.available));
        const variants = p.variants
          .filter((v) => v.active && offer.has(v.id))
          .map((v) => {
            const o = offer.get(v.id)!;
            return {
              variantId: v.id,
              code: v.code,
              name: inLanguage(v.names, lang),
              price: money(o.price),
              available: fillable && (o.on_hand === null || o.on_hand > 0),
            };
          });
        if (variants.length === 0) continue;
        items.push({
          productId: p.row.id,
          kind: p.row.kind,
          category: p.row.category,
          name: inLanguage(p.row.names, lang),
          description: inLanguage(p.row.descriptions, lang),
          imageUrl: imageUrlOf(media, p.row.image),
          image: imageView(media, p.row.image),
          allergens: p.row.allergens,
          dietary: p.row.dietary,
          variants,
          slots,
        });
      }
      return { cinemaId, currency, items };
    },
  };
}

export type OffersService = ReturnType<typeof createOffersService>;
