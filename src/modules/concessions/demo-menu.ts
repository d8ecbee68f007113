// The demo chain's menu (CINEMA_DEMO): popcorn S/M/L, soft drinks, nachos, a bottled water that
// counts stock, and the "Movie menu" combo (a medium popcorn and a drink of choice), priced at every
// demo cinema. Ids are fixed, so a later start (or two at once) adds nothing twice and leaves an
// admin's changes alone.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ConcessionsDb } from './concessions.tables.ts';

/** A fixed UUID for a demo row name (stable across starts). */
const demoId = (name: string) => {
  const h = createHash('sha256').update(`marquee-demo-concessions:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

type Names = { en: string; de: string; pt?: string };
interface DemoProduct {
  key: string;
  kind: 'item' | 'combo';
  category: string;
  names: Names;
  descriptions?: Names;
  allergens?: string[];
  dietary?: string[];
  trackStock?: boolean;
  taxKind: 'food' | 'merchandise' | 'default';
  variants: { code: string; names: Names; price: number }[];
}

const size = (code: string, en: string, de: string, price: number) => ({ code, names: { en, de }, price });

const PRODUCTS: DemoProduct[] = [
  {
    key: 'popcorn',
    kind: 'item',
    category: 'popcorn',
    names: { en: 'Popcorn', de: 'Popcorn' },
    descriptions: { en: 'Freshly popped, sweet or salted', de: 'Frisch gepoppt, süß oder salzig' },
    allergens: ['milk'],
    dietary: ['vegetarian', 'gluten_free'],
    taxKind: 'food',
    variants: [
      size('small', 'Small', 'Klein', 450),
      size('medium', 'Medium', 'Mittel', 550),
      size('large', 'Large', 'Groß', 650),
    ],
  },
  {
    key: 'cola',
    kind: 'item',
    category: 'drinks',
    names: { en: 'Cola', de: 'Cola' },
    dietary: ['vegan', 'gluten_free', 'lactose_free'],
    taxKind: 'default',
    variants: [size('small', '0.3 l', '0,3 l', 350), size('large', '0.5 l', '0,5 l', 450)],
  },
  {
    key: 'lemonade',
    kind: 'item',
    category: 'drinks',
    names: { en: 'Lemonade', de: 'Limonade' },
    dietary: ['vegan', 'gluten_free', 'lactose_free'],
    taxKind: 'default',
    variants: [size('small', '0.3 l', '0,3 l', 350), size('large', '0.5 l', '0,5 l', 450)],
  },
  {
    key: 'water',
    kind: 'item',
    category: 'drinks',
    names: { en: 'Still water (bottle)', de: 'Stilles Wasser (Flasche)' },
    dietary: ['vegan', 'gluten_free', 'lactose_free'],
    trackStock: true,
    taxKind: 'default',
    variants: [size('regular', '0.5 l', '0,5 l', 300)],
  },
  {
    key: 'nachos',
    kind: 'item',
    category: 'snacks',
    names: { en: 'Nachos with cheese dip', de: 'Nachos mit Käsedip' },
    allergens: ['milk'],
    dietary: ['vegetarian'],
    taxKind: 'food',
    variants: [size('regular', 'Regular', 'Normal', 600)],
  },
];

const COMBO = {
  key: 'movie-menu',
  names: { en: 'Movie menu', de: 'Kinomenü' },
  descriptions: {
    en: 'A medium popcorn and a drink of your choice',
    de: 'Ein mittleres Popcorn und ein Getränk nach Wahl',
  },
  price: 850,
};

const vid = (product: string, code: string) => demoId(`variant:${product}:${code}`);

/** Seeds the demo menu and its offers at the given cinemas (by id, with their currency); true when anything was new. */
export async function seedDemoMenu(
  db: Executor<ConcessionsDb>,
  cinemas: { id: string; currency: string }[],
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Two processes starting at once take turns; the second finds every row there.
    await sql`select pg_advisory_xact_lock(hashtext('concessions.demo-menu'))`.execute(trx);
    const products: DemoProduct[] = [
      ...PRODUCTS,
      {
        key: COMBO.key,
        kind: 'combo' as const,
        category: 'combos',
        names: COMBO.names,
        descriptions: COMBO.descriptions,
        allergens: ['milk'],
        dietary: ['vegetarian'],
        taxKind: 'food' as const,
        variants: [size('regular', 'Regular', 'Normal', COMBO.price)],
      },
    ];
    const inserted = await trx
      .insertInto('concession_products')
      .values(
        products.map((p, i) => ({
          id: demoId(`product:${p.key}`),
          kind: p.kind,
          category: p.category,
          names: JSON.stringify(p.names),
          descriptions: JSON.stringify(p.descriptions ?? {}),
          allergens: p.allergens ?? [],
          dietary: p.dietary ?? [],
          track_stock: p.trackStock ?? false,
          sort_order: i,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    await trx
      .insertInto('concession_variants')
      .values(
        products.flatMap((p) =>
          p.variants.map((v, i) => ({
            id: vid(p.key, v.code),
            product_id: demoId(`product:${p.key}`),
            code: v.code,
            names: JSON.stringify(v.names),
            sort_order: i,
          })),
        ),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const comboId = demoId(`product:${COMBO.key}`);
    if (inserted.some((r) => r.id === comboId)) {
      const popcornSlot = demoId('slot:popcorn');
      const drinkSlot = demoId('slot:drink');
      await trx
        .insertInto('concession_combo_slots')
        .values([
          { id: popcornSlot, combo_id: comboId, position: 0, names: JSON.stringify({ en: 'Popcorn', de: 'Popcorn' }) },
          {
            id: drinkSlot,
            combo_id: comboId,
            position: 1,
            names: JSON.stringify({ en: 'A drink', de: 'Ein Getränk' }),
          },
        ])
        .execute();
      await trx
        .insertInto('concession_combo_choices')
        .values([
          { slot_id: popcornSlot, variant_id: vid('popcorn', 'medium'), surcharge: 0 },
          { slot_id: drinkSlot, variant_id: vid('cola', 'small'), surcharge: 0 },
          { slot_id: drinkSlot, variant_id: vid('cola', 'large'), surcharge: 100 },
          { slot_id: drinkSlot, variant_id: vid('lemonade', 'small'), surcharge: 0 },
          { slot_id: drinkSlot, variant_id: vid('water', 'regular'), surcharge: 0 },
        ])
        .execute();
    }
    let offered = 0;
    for (const cinema of cinemas) {
      const rows = await trx
        .insertInto('concession_offers')
        .values(
          products.flatMap((p) =>
            p.variants.map((v) => ({
              cinema_id: cinema.id,
              variant_id: vid(p.key, v.code),
              price: v.price,
              currency: cinema.currency,
              tax_kind: p.taxKind,
              updated_at: now,
            })),
          ),
        )
        .onConflict((oc) => oc.columns(['cinema_id', 'variant_id']).doNothing())
        .returning('variant_id')
        .execute();
      offered += rows.length;
      await trx
        .insertInto('concession_stock')
        .values({ cinema_id: cinema.id, variant_id: vid('water', 'regular'), on_hand: 48, updated_at: now })
        .onConflict((oc) => oc.columns(['cinema_id', 'variant_id']).doNothing())
        .execute();
    }
    return inserted.length > 0 || offered > 0;
  });
}
