// The food basket's arithmetic in the web app, without a browser: lines merged per variant and
// combo choices within the server's limits, a combo's price with its surcharges, what can be added,
// the menu by category and what is left to collect of an order line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FoodOrder, FoodOrderItem, MenuItem } from '../../web/src/api/food-api.ts';
import { bookingPrice } from '../../web/src/bookings/booking-price.ts';
import {
  MAX_LINES,
  MAX_QUANTITY,
  addLine,
  byCategory,
  defaultChoices,
  defaultVariant,
  lineFor,
  lineKey,
  lineState,
  linesOf,
  paidButFoodHeld,
  setQuantity,
  soldOut,
  unitPrice,
  whyNotAddable,
} from '../../web/src/checkout/basket.ts';
import { en } from '../../web/src/i18n/messages-en.ts';
import { de } from '../../web/src/i18n/messages-de.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

const popcorn: MenuItem = {
  productId: 'p-popcorn',
  kind: 'item',
  category: 'popcorn',
  name: 'Popcorn',
  description: null,
  imageUrl: null,
  image: null,
  allergens: ['milk'],
  dietary: ['vegetarian'],
  variants: [
    { variantId: 'pop-s', code: 's', name: 'Small', price: eur(450), available: false },
    { variantId: 'pop-m', code: 'm', name: 'Medium', price: eur(550), available: true },
  ],
  slots: [],
};

const menu: MenuItem = {
  productId: 'p-menu',
  kind: 'combo',
  category: 'combos',
  name: 'Movie menu',
  description: null,
  imageUrl: null,
  image: null,
  allergens: [],
  dietary: [],
  variants: [{ variantId: 'menu-regular', code: 'regular', name: 'Regular', price: eur(900), available: true }],
  slots: [
    {
      slotId: 'slot-popcorn',
      name: 'Popcorn',
      quantity: 1,
      choices: [{ variantId: 'pop-m', productId: 'p-popcorn', name: 'Popcorn M', surcharge: eur(0), available: true }],
    },
    {
      slotId: 'slot-drink',
      name: 'Drink',
      quantity: 1,
      choices: [
        { variantId: 'water', productId: 'p-water', name: 'Water', surcharge: eur(0), available: false },
        { variantId: 'cola', productId: 'p-cola', name: 'Cola', surcharge: eur(0), available: true },
        { variantId: 'beer', productId: 'p-beer', name: 'Beer', surcharge: eur(150), available: true },
      ],
    },
  ],
};

describe('food basket', () => {
  test('the same combo with the same choices is one line, whatever order the choices come in', () => {
    const a = {
      variantId: 'v',
      quantity: 1,
      choices: [
        { slotId: 's1', variantId: 'x' },
        { slotId: 's2', variantId: 'y' },
      ],
    };
    const b = {
      variantId: 'v',
      quantity: 3,
      choices: [
        { slotId: 's2', variantId: 'y' },
        { slotId: 's1', variantId: 'x' },
      ],
    };
    const c = {
      variantId: 'v',
      quantity: 1,
      choices: [
        { slotId: 's1', variantId: 'x' },
        { slotId: 's2', variantId: 'z' },
      ],
    };
    assert.equal(lineKey(a), lineKey(b));
    assert.notEqual(lineKey(a), lineKey(c));
    const lines = addLine(addLine([a], b)!, c)!;
    assert.deepEqual(
      lines.map((l) => l.quantity),
      [4, 1],
    );
  });

  test('quantities stay within 1 to 20 and the basket within 20 lines', () => {
    let lines = addLine([], { variantId: 'v', quantity: 15 })!;
    lines = addLine(lines, { variantId: 'v', quantity: 15 })!;
    assert.equal(lines[0]!.quantity, MAX_QUANTITY);
    assert.equal(setQuantity(lines, 'v', 99)[0]!.quantity, MAX_QUANTITY);
    assert.deepEqual(setQuantity(lines, 'v', 0), []);
    const full = Array.from({ length: MAX_LINES }, (_, i) => ({ variantId: `v${i}`, quantity: 1 }));
    assert.equal(addLine(full, { variantId: 'another', quantity: 1 }), null);
    // A line already there still grows in a full basket.
    assert.equal(addLine(full, { variantId: 'v3', quantity: 2 })![3]!.quantity, 3);
  });

  test('a combo costs its price plus the surcharges of its choices, per unit of the slot', () => {
    assert.deepEqual(unitPrice(menu, 'menu-regular', { 'slot-popcorn': 'pop-m', 'slot-drink': 'cola' }), eur(900));
    assert.deepEqual(unitPrice(menu, 'menu-regular', { 'slot-popcorn': 'pop-m', 'slot-drink': 'beer' }), eur(1050));
    assert.deepEqual(unitPrice(popcorn, 'pop-m'), eur(550));
    const twoDrinks = { ...menu, slots: menu.slots.map((s) => ({ ...s, quantity: 2 })) };
    assert.deepEqual(unitPrice(twoDrinks, 'menu-regular', { 'slot-drink': 'beer' }), eur(1200));
    assert.equal(unitPrice(popcorn, 'nope'), null);
  });

  test('a combo starts with the first available choice of each slot; sold-out sizes are not picked', () => {
    assert.deepEqual(defaultChoices(menu), { 'slot-popcorn': 'pop-m', 'slot-drink': 'cola' });
    assert.equal(defaultVariant(popcorn), 'pop-m');
    assert.equal(whyNotAddable(popcorn, 'pop-s'), 'unavailable');
    assert.equal(whyNotAddable(popcorn, 'pop-m'), null);
    assert.equal(whyNotAddable(menu, 'menu-regular', { 'slot-popcorn': 'pop-m' }), 'choose');
    assert.equal(
      whyNotAddable(menu, 'menu-regular', { 'slot-popcorn': 'pop-m', 'slot-drink': 'water' }),
      'unavailable',
    );
    assert.equal(soldOut(menu), false);
    assert.equal(soldOut({ ...popcorn, variants: popcorn.variants.map((v) => ({ ...v, available: false })) }), true);
  });

  test('the line sent for a combo names each slot with its choice', () => {
    assert.deepEqual(lineFor(menu, 'menu-regular', 2, { 'slot-popcorn': 'pop-m', 'slot-drink': 'beer' }), {
      variantId: 'menu-regular',
      quantity: 2,
      choices: [
        { slotId: 'slot-popcorn', variantId: 'pop-m' },
        { slotId: 'slot-drink', variantId: 'beer' },
      ],
    });
    assert.deepEqual(lineFor(popcorn, 'pop-m', 0), { variantId: 'pop-m', quantity: 1 });
  });

  test('an order reads back as the lines PUT …/food takes', () => {
    const item = (over: Partial<FoodOrderItem>): FoodOrderItem => ({
      lineId: 'l',
      productId: 'p',
      variantId: 'pop-m',
      name: 'Popcorn',
      quantity: 2,
      unitPrice: eur(550),
      total: eur(1100),
      choices: [],
      collected: 0,
      refunded: 0,
      ...over,
    });
    const order: FoodOrder = {
      id: 'o',
      status: 'held',
      cinemaId: 'c',
      pickupCode: null,
      pickupQrUrl: null,
      total: eur(2000),
      collectedAt: null,
      items: [
        item({}),
        item({ variantId: 'menu-regular', quantity: 1, choices: [{ slotId: 's', variantId: 'cola', name: 'Cola' }] }),
      ],
    };
    assert.deepEqual(linesOf(order), [
      { variantId: 'pop-m', quantity: 2 },
      { variantId: 'menu-regular', quantity: 1, choices: [{ slotId: 's', variantId: 'cola' }] },
    ]);
    assert.deepEqual(linesOf(null), []);
    assert.deepEqual(lineState(item({ quantity: 3, collected: 1, refunded: 1 })), {
      collected: 1,
      refunded: 1,
      left: 1,
    });
    assert.deepEqual(lineState(item({ collected: 2 })), { collected: 2, refunded: 0, left: 0 });
  });

  test('the menu groups by category in its own order', () => {
    const groups = byCategory([popcorn, menu, { ...popcorn, productId: 'p2' }]);
    assert.deepEqual(
      groups.map((g) => [g.category, g.items.length]),
      [
        ['popcorn', 2],
        ['combos', 1],
      ],
    );
  });

  test('a paid booking whose food order is not paid yet is read again', () => {
    const food = { status: 'held' } as FoodOrder;
    assert.equal(paidButFoodHeld({ status: 'confirmed', food } as never), true);
    assert.equal(paidButFoodHeld({ status: 'held', food } as never), false);
    assert.equal(paidButFoodHeld({ status: 'confirmed', food: null } as never), false);
  });

  test('every allergen and dietary flag the API knows has its words in English and German', () => {
    const allergens = ['gluten', 'crustaceans', 'eggs', 'fish', 'peanuts', 'soybeans', 'milk', 'nuts', 'celery'];
    const more = ['mustard', 'sesame', 'sulphites', 'lupin', 'molluscs'];
    const diets = ['vegetarian', 'vegan', 'gluten_free', 'lactose_free', 'halal', 'kosher'];
    for (const key of [...[...allergens, ...more].map((a) => `allergen.${a}`), ...diets.map((d) => `diet.${d}`)]) {
      assert.ok(key in en, `en ${key}`);
      assert.ok(key in de, `de ${key}`);
    }
  });
});

describe('the price a booking row shows', () => {
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  test('tickets and food less the discount, not the tickets alone', () => {
    const b = {
      total: eur(2400),
      priceBreakdown: {
        tickets: eur(2400),
        food: eur(950),
        subtotal: eur(3350),
        discount: { code: 'TEN', amount: eur(240) },
        giftCards: eur(1000),
        due: eur(2110),
      },
    };
    assert.deepEqual(bookingPrice(b), eur(3110));
    assert.deepEqual(bookingPrice({ ...b, priceBreakdown: { ...b.priceBreakdown, discount: null } }), eur(3350));
  });
});
