// Test data for food orders: a small menu written straight into the concession tables (the catalog
// part's HTTP is tested in its own suites): popcorn in two sizes, a cola, a bottled water that counts
// stock, and a "Movie menu" combo (a popcorn, a drink with a surcharge for the water), offered at a
// cinema.
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../../test/support/test-app.ts';

export interface TestMenu {
  popcornS: string;
  popcornL: string;
  cola: string;
  water: string;
  combo: string;
  comboPopcornSlot: string;
  comboDrinkSlot: string;
}

/** A menu offered at `cinemaId` (popcorn 400/600, cola 350, water 250 with `waterStock`, combo 900; water in it +100). */
export async function makeMenu(t: TestApp, cinemaId: string, options: { waterStock?: number; currency?: string } = {}) {
  const db = t.app.platform.database.db;
  const now = t.clock.now();
  const currency = options.currency ?? 'EUR';
  const product = async (kind: 'item' | 'combo', en: string, de: string, track = false) => {
    const id = randomUUID();
    await db
      .insertInto('concession_products')
      .values({
        id,
        kind,
        category: kind === 'combo' ? 'menus' : 'snacks',
        names: JSON.stringify({ en, de }),
        track_stock: track,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  };
  const variant = async (productId: string, code: string, en: string, de: string, price: number, order = 0) => {
    const id = randomUUID();
    await db
      .insertInto('concession_variants')
      .values({ id, product_id: productId, code, names: JSON.stringify({ en, de }), sort_order: order })
      .execute();
    await db
      .insertInto('concession_offers')
      .values({
        cinema_id: cinemaId,
        variant_id: id,
        price,
        currency,
        tax_kind: 'food',
        on_sale: true,
        updated_at: now,
      })
      .execute();
    return id;
  };
  const popcorn = await product('item', 'Popcorn', 'Popcorn');
  const popcornS = await variant(popcorn, 's', 'Small', 'Klein', 400, 0);
  const popcornL = await variant(popcorn, 'l', 'Large', 'Groß', 600, 1);
  const cola = await variant(await product('item', 'Cola', 'Cola'), 'regular', 'Regular', 'Normal', 350);
  const waterProduct = await product('item', 'Water', 'Wasser', true);
  const water = await variant(waterProduct, 'regular', 'Bottle', 'Flasche', 250);
  await db
    .insertInto('concession_stock')
    .values({ cinema_id: cinemaId, variant_id: water, on_hand: options.waterStock ?? 10, updated_at: now })
    .execute();
  const comboProduct = await product('combo', 'Movie menu', 'Kinomenü');
  const combo = await variant(comboProduct, 'regular', 'Regular', 'Normal', 900);
  const comboPopcornSlot = randomUUID();
  const comboDrinkSlot = randomUUID();
  await db
    .insertInto('concession_combo_slots')
    .values([
      { id: comboPopcornSlot, combo_id: comboProduct, position: 0, names: JSON.stringify({ en: 'Popcorn' }) },
      { id: comboDrinkSlot, combo_id: comboProduct, position: 1, names: JSON.stringify({ en: 'Drink' }) },
    ])
    .execute();
  await db
    .insertInto('concession_combo_choices')
    .values([
      { slot_id: comboPopcornSlot, variant_id: popcornL, surcharge: 0 },
      { slot_id: comboDrinkSlot, variant_id: cola, surcharge: 0 },
      { slot_id: comboDrinkSlot, variant_id: water, surcharge: 100 },
    ])
    .execute();
  return { popcornS, popcornL, cola, water, combo, comboPopcornSlot, comboDrinkSlot } satisfies TestMenu;
}

/** Water on hand at a cinema. */
export async function onHand(t: TestApp, cinemaId: string, variantId: string): Promise<number> {
  const r = await t.app.platform.database.db
    .selectFrom('concession_stock')
    .select('on_hand')
    .where('cinema_id', '=', cinemaId)
    .where('variant_id', '=', variantId)
    .executeTakeFirst();
  return r?.on_hand ?? 0;
}
