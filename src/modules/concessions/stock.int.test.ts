// Stock through HTTP on PGlite and PostgreSQL: deliveries, counts with their differences, write-offs
// and the movements list (staff only, every bad line a 4xx, days in the cinema's zone); the database
// never lets stock go below zero; priceLines/takeStock/returnStock as orders call them; and crowds
// racing for the last bottles, deliveries and counts, where exactly the stock there is gets sold.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createProduct, names, offer } from './catalog.fixtures.ts';
import { priceLines, returnStock, takeStock } from './concessions.module.ts';

for (const backend of backends()) {
  describe(`concession stock on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      [admin, staff] = await Promise.all([makeUser(t, { role: 'admin' }), makeUser(t, { role: 'staff' })]);
    });
    after(() => t.close());

    const call = (method: string, url: string, user: TestUser | null, payload?: unknown) =>
      t.request({
        method: method as 'GET',
        url,
        ...(user ? { token: user.token } : {}),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const db = () => t.app.modules.concessions.service.db;
    /** A cinema selling popcorn (untracked), water and cola (tracked), and a combo of a popcorn and a drink. */
    async function shop() {
      const { cinemaId } = await makeShowtime(t);
      const popcorn = await createProduct(t, admin, {
        kind: 'item',
        category: 'popcorn',
        names: names('Popcorn'),
        variants: [
          { code: 'small', names: names('Small') },
          { code: 'large', names: names('Large') },
        ],
      });
      const drink = (en: string) =>
        createProduct(t, admin, {
          kind: 'item',
          category: 'drinks',
          names: names(en),
          trackStock: true,
          variants: [{ code: 'regular', names: names('0.5 l') }],
        });
      const water = await drink('Water');
      const cola = await drink('Cola');
      const combo = await createProduct(t, admin, {
        kind: 'combo',
        category: 'menus',
        names: names('Movie menu'),
        variants: [{ code: 'regular', names: names('Regular') }],
        slots: [
          { names: names('Popcorn'), choices: [{ variantId: popcorn.variants[0].id }] },
          {
            names: names('Drinks'),
            quantity: 2,
            choices: [{ variantId: water.variants[0].id }, { variantId: cola.variants[0].id, surcharge: 40 }],
          },
        ],
      });
      await offer(t, admin, cinemaId, popcorn.id, { prices: { small: 400, large: 600 } });
      await offer(t, admin, cinemaId, water.id, { prices: { regular: 250 }, taxKind: 'default' });
      await offer(t, admin, cinemaId, cola.id, { prices: { regular: 300 } });
      await offer(t, admin, cinemaId, combo.id, { prices: { regular: 1000 } });
      return {
        cinemaId,
        popS: popcorn.variants[0].id as string,
        popL: popcorn.variants[1].id as string,
        water: water.variants[0].id as string,
        cola: cola.variants[0].id as string,
        combo: combo.variants[0].id as string,
        popSlot: combo.slots[0].id as string,
        drinkSlot: combo.slots[1].id as string,
      };
    }
    const onHand = async (cinemaId: string, variantId: string) =>
      (await call('GET', `/api/v1/cinemas/${cinemaId}/stock`, staff)).body.items.find(
        (i: { variantId: string }) => i.variantId === variantId,
      ).onHand as number;
    const deliver = (cinemaId: string, lines: object[], user = staff) =>
      call('POST', `/api/v1/cinemas/${cinemaId}/stock/deliveries`, user, { lines, note: 'Truck' });

    test('deliveries add, counts set and report their difference, write-offs take; all listed as movements', async () => {
      const s = await shop();
      const levels = await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock`, staff);
      assert.deepEqual(
        levels.body.items
          .map((i: { name: string; onHand: number; updatedAt: null }) => [i.name, i.onHand, i.updatedAt])
          .sort((a: string[], b: string[]) => String(a[0]).localeCompare(String(b[0]))),
        [
          ['Cola', 0, null],
          ['Water', 0, null],
        ],
        'only tracked sizes, 0 before a delivery',
      );
      const d = await deliver(s.cinemaId, [
        { variantId: s.water, quantity: 24 },
        { variantId: s.cola, quantity: 12 },
      ]);
      assert.equal(d.status, 201, d.text);
      assert.deepEqual(d.body.lines, [
        { variantId: s.water, quantity: 24, onHand: 24 },
        { variantId: s.cola, quantity: 12, onHand: 12 },
      ]);
      const c = await call('POST', `/api/v1/cinemas/${s.cinemaId}/stock/counts`, staff, {
        lines: [
          { variantId: s.water, counted: 21 },
          { variantId: s.cola, counted: 12 },
        ],
      });
      assert.equal(c.status, 201, c.text);
      assert.deepEqual(c.body.lines, [
        { variantId: s.water, expected: 24, counted: 21, difference: -3 },
        { variantId: s.cola, expected: 12, counted: 12, difference: 0 },
      ]);
      const w = await call('POST', `/api/v1/cinemas/${s.cinemaId}/stock/write-offs`, staff, {
        lines: [{ variantId: s.water, quantity: 1 }],
        note: 'Dropped',
      });
      assert.equal(w.status, 201, w.text);
      assert.equal(await onHand(s.cinemaId, s.water), 20);
      const tooMany = await call('POST', `/api/v1/cinemas/${s.cinemaId}/stock/write-offs`, staff, {
        lines: [{ variantId: s.cola, quantity: 13 }],
        note: 'Gone',
      });
      assert.equal(tooMany.status, 409);
      assert.deepEqual([tooMany.body.code, tooMany.body.variantIds], ['stock_insufficient', [s.cola]]);

      const moves = await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock/movements?limit=2`, staff);
      assert.equal(moves.status, 200, moves.text);
      assert.deepEqual(
        moves.body.items.map((m: { kind: string; name: string; quantity: number }) => [m.kind, m.name, m.quantity]),
        [
          ['write_off', 'Water', -1],
          ['count', 'Cola', 0],
        ],
      );
      const rest = await call(
        'GET',
        `/api/v1/cinemas/${s.cinemaId}/stock/movements?limit=2&cursor=${moves.body.nextCursor}`,
        staff,
      );
      assert.equal(rest.body.items[0].kind, 'count');
      const counts = await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock/movements?kind=count`, staff);
      const water = counts.body.items.find((m: { variantId: string }) => m.variantId === s.water);
      assert.deepEqual(
        [water.expected, water.counted, water.difference, water.onHandAfter, water.userId],
        [24, 21, -3, 21, staff.id],
        'a count difference with who made it',
      );
      // The day in the cinema's zone (Europe/Berlin): from/to are its local days.
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(water.createdAt));
      const dated = await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock/movements?from=${day}&to=${day}`, staff);
      assert.equal(dated.body.items.length, 5);
      const before = await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock/movements?to=2000-01-01`, staff);
      assert.equal(before.body.items.length, 0);
    });

    test("the movements' from/to are the cinema's local days, not UTC ones", async () => {
      const s = await shop();
      const zone = await call('PATCH', `/api/v1/cinemas/${s.cinemaId}`, admin, { timezone: 'America/Los_Angeles' });
      assert.equal(zone.status, 200, zone.text);
      // A UTC midnight a few days on: 02:00 UTC is still the day before in Los Angeles, 12:00 UTC is that day.
      const midnight = Math.ceil(t.clock.now().getTime() / 86_400_000) * 86_400_000 + 2 * 86_400_000;
      const day = new Date(midnight).toISOString().slice(0, 10);
      const dayBefore = new Date(midnight - 86_400_000).toISOString().slice(0, 10);
      t.clock.set(new Date(midnight + 2 * 3600_000));
      assert.equal((await deliver(s.cinemaId, [{ variantId: s.water, quantity: 1 }])).status, 201);
      t.clock.set(new Date(midnight + 12 * 3600_000));
      assert.equal((await deliver(s.cinemaId, [{ variantId: s.water, quantity: 2 }])).status, 201);
      const moved = async (from: string, to: string) => {
        const r = await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock/movements?from=${from}&to=${to}`, staff);
        assert.equal(r.status, 200, r.text);
        return r.body.items.map((m: { quantity: number }) => m.quantity);
      };
      assert.deepEqual(await moved(day, day), [2], 'only the delivery made on that local day');
      assert.deepEqual(await moved(dayBefore, dayBefore), [1], '02:00 UTC was the evening before there');
      assert.deepEqual(await moved(dayBefore, day), [2, 1]);
      for (const bad of ['from=1899-12-31', 'to=9999-12-31', 'from=2026-02-30']) {
        const r = await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock/movements?${bad}`, staff);
        assert.equal(r.status, 422, `${bad}: ${r.text}`);
      }
    });

    test('bad stock requests are 4xx with stable codes; customers are refused', async () => {
      const s = await shop();
      const customer = await makeUser(t);
      const cases: [string, object, number, string][] = [
        ['deliveries', { lines: [{ variantId: s.popS, quantity: 1 }] }, 422, 'stock_not_tracked'],
        ['deliveries', { lines: [{ variantId: randomUUID(), quantity: 1 }] }, 422, 'concession_variant_not_found'],
        ['deliveries', { lines: [{ variantId: s.water, quantity: 0 }] }, 422, 'validation_failed'],
        ['deliveries', { lines: [] }, 422, 'validation_failed'],
        ['counts', { lines: [{ variantId: s.water, counted: -1 }] }, 422, 'validation_failed'],
        [
          'counts',
          {
            lines: [
              { variantId: s.water, counted: 1 },
              { variantId: s.water, counted: 2 },
            ],
          },
          422,
          'validation_failed',
        ],
        ['write-offs', { lines: [{ variantId: s.water, quantity: 1 }] }, 422, 'validation_failed'],
      ];
      for (const [kind, body, status, code] of cases) {
        const res = await call('POST', `/api/v1/cinemas/${s.cinemaId}/stock/${kind}`, staff, body);
        assert.deepEqual([res.status, res.body.code], [status, code], `${kind} ${JSON.stringify(body)}: ${res.text}`);
      }
      const lines = [{ variantId: s.water, quantity: 1 }];
      assert.equal((await deliver(randomUUID(), lines)).body.code, 'cinema_not_found');
      assert.equal((await deliver(s.cinemaId, lines, customer)).status, 403);
      assert.equal((await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock`, customer)).status, 403);
      assert.equal((await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock/movements`, null)).status, 401);
      assert.equal((await call('GET', `/api/v1/cinemas/${s.cinemaId}/stock/movements?cursor=x`, staff)).status, 422);
    });

    test('the database refuses stock below zero, whatever the code does', async () => {
      const s = await shop();
      await deliver(s.cinemaId, [{ variantId: s.water, quantity: 1 }]);
      await assert.rejects(
        db()
          .updateTable('concession_stock')
          .set({ on_hand: -1 })
          .where('cinema_id', '=', s.cinemaId)
          .where('variant_id', '=', s.water)
          .execute(),
        /concession_stock_on_hand_check/,
      );
    });

    test('priceLines: on-sale sizes, combo choices with surcharges per slot unit, tax kinds, stock needed', async () => {
      const s = await shop();
      const priced = await priceLines(db(), s.cinemaId, [
        { variantId: s.popL, quantity: 2 },
        { variantId: s.combo, quantity: 3, choices: [{ slotId: s.drinkSlot, variantId: s.cola }] },
        { variantId: s.water, quantity: 1 },
      ]);
      assert.equal(priced.currency, 'EUR');
      assert.deepEqual(
        priced.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.taxKind]),
        [
          ['Popcorn (Large)', 2, 600, 'food'],
          ['Movie menu', 3, 1080, 'food'],
          ['Water', 1, 250, 'default'],
        ],
      );
      assert.deepEqual(priced.lines[1]!.choices, [
        { slotId: s.popSlot, variantId: s.popS, name: 'Popcorn (Small)', quantity: 1 },
        { slotId: s.drinkSlot, variantId: s.cola, name: 'Cola', quantity: 2 },
      ]);
      assert.equal(priced.total, 2 * 600 + 3 * 1080 + 250);
      assert.deepEqual(
        [...priced.stock].sort((a, b) => a.variantId.localeCompare(b.variantId)),
        [
          { variantId: s.cola, quantity: 6 },
          { variantId: s.water, quantity: 1 },
        ].sort((a, b) => a.variantId.localeCompare(b.variantId)),
        'only tracked sizes, a combo’s drinks counted per slot unit',
      );
      const fails = async (items: Parameters<typeof priceLines>[2], code: string) => {
        await assert.rejects(priceLines(db(), s.cinemaId, items), (e: { code: string }) => e.code === code);
      };
      await fails([{ variantId: s.combo, quantity: 1 }], 'combo_choice_invalid');
      await fails(
        [{ variantId: s.combo, quantity: 1, choices: [{ slotId: s.drinkSlot, variantId: s.popS }] }],
        'combo_choice_invalid',
      );
      await fails(
        [
          {
            variantId: s.combo,
            quantity: 1,
            choices: [
              { slotId: s.drinkSlot, variantId: s.cola },
              { slotId: randomUUID(), variantId: s.cola },
            ],
          },
        ],
        'combo_choice_invalid',
      );
      await fails(
        [{ variantId: s.popS, quantity: 1, choices: [{ slotId: s.drinkSlot, variantId: s.cola }] }],
        'combo_choice_invalid',
      );
      await fails([{ variantId: randomUUID(), quantity: 1 }], 'food_not_on_sale');
      const { cinemaId: elsewhere } = await makeShowtime(t);
      await assert.rejects(priceLines(db(), elsewhere, [{ variantId: s.popS, quantity: 1 }]), {
        code: 'food_not_on_sale',
      });
      await call('PUT', `/api/v1/cinemas/${s.cinemaId}/concession-offers/${await productOf(s.cola)}`, admin, {
        currency: 'EUR',
        taxKind: 'food',
        onSale: false,
        prices: { regular: 300 },
      });
      await assert.rejects(
        priceLines(db(), s.cinemaId, [
          { variantId: s.combo, quantity: 1, choices: [{ slotId: s.drinkSlot, variantId: s.cola }] },
        ]),
        (e: { code: string; extra: { variantIds: string[] } }) =>
          e.code === 'food_not_on_sale' && e.extra.variantIds.join() === s.cola,
      );
    });
    const productOf = async (variantId: string) =>
      (
        await db()
          .selectFrom('concession_variants')
          .select('product_id')
          .where('id', '=', variantId)
          .executeTakeFirstOrThrow()
      ).product_id;

    test('takeStock takes all or nothing and names what ran out; returnStock gives back; untracked ignored', async () => {
      const s = await shop();
      await deliver(s.cinemaId, [
        { variantId: s.water, quantity: 2 },
        { variantId: s.cola, quantity: 5 },
      ]);
      const take = (lines: { variantId: string; quantity: number }[]) =>
        db()
          .transaction()
          .execute((trx) => takeStock(trx, s.cinemaId, lines));
      await take([
        { variantId: s.water, quantity: 1 },
        { variantId: s.popS, quantity: 50 },
        { variantId: s.water, quantity: 1 },
      ]);
      assert.equal(await onHand(s.cinemaId, s.water), 0, 'two lines of one size summed; popcorn untracked');
      await assert.rejects(
        take([
          { variantId: s.cola, quantity: 1 },
          { variantId: s.water, quantity: 1 },
        ]),
        (e: { code: string; status: number; extra: { variantIds: string[] } }) =>
          e.code === 'food_out_of_stock' && e.status === 409 && e.extra.variantIds.join() === s.water,
      );
      assert.equal(await onHand(s.cinemaId, s.cola), 5, 'nothing taken when any line falls short');
      const { cinemaId: nowhere } = await makeShowtime(t);
      await assert.rejects(
        db()
          .transaction()
          .execute((trx) => takeStock(trx, nowhere, [{ variantId: s.cola, quantity: 1 }])),
        { code: 'food_out_of_stock' },
      );
      await db()
        .transaction()
        .execute((trx) =>
          returnStock(trx, s.cinemaId, [
            { variantId: s.water, quantity: 2 },
            { variantId: s.popS, quantity: 1 },
          ]),
        );
      assert.equal(await onHand(s.cinemaId, s.water), 2);
      await db()
        .transaction()
        .execute((trx) => returnStock(trx, nowhere, [{ variantId: s.cola, quantity: 3 }]));
      assert.equal(await onHand(nowhere, s.cola), 3, 'a return where nothing was counted yet makes the row');
    });

    test('a crowd of buyers, deliveries and counts racing: stock never below zero, every bottle accounted for', async () => {
      const s = await shop();
      await deliver(s.cinemaId, [{ variantId: s.water, quantity: 5 }]);
      const buyers = 24;
      const results = await Promise.allSettled(
        Array.from({ length: buyers }, () =>
          db()
            .transaction()
            .execute((trx) => takeStock(trx, s.cinemaId, [{ variantId: s.water, quantity: 1 }])),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled').length;
      assert.equal(won, 5, 'exactly the five bottles there are are sold');
      assert.ok(
        results.every((r) => r.status === 'fulfilled' || (r.reason as { code: string }).code === 'food_out_of_stock'),
      );
      assert.equal(await onHand(s.cinemaId, s.water), 0);

      // Deliveries, buyers and a count at once: on hand ends as the movements and sales say.
      const deliveries = 6;
      const mixed = await Promise.allSettled([
        ...Array.from({ length: deliveries }, () => deliver(s.cinemaId, [{ variantId: s.water, quantity: 2 }])),
        ...Array.from({ length: 10 }, () =>
          db()
            .transaction()
            .execute((trx) => takeStock(trx, s.cinemaId, [{ variantId: s.water, quantity: 1 }])),
        ),
      ]);
      const sold = mixed.slice(deliveries).filter((r) => r.status === 'fulfilled').length;
      assert.ok(
        mixed
          .slice(0, deliveries)
          .every((r) => r.status === 'fulfilled' && (r.value as { status: number }).status === 201),
      );
      assert.equal(await onHand(s.cinemaId, s.water), deliveries * 2 - sold);
      const counted = await Promise.all(
        [3, 4].map((n) =>
          call('POST', `/api/v1/cinemas/${s.cinemaId}/stock/counts`, staff, {
            lines: [{ variantId: s.water, counted: n }],
          }),
        ),
      );
      const [first, second] = counted.map((r) => r.body.lines[0]).sort((a, b) => a.expected - b.expected);
      assert.ok(
        (first.expected === deliveries * 2 - sold && second.expected === first.counted) ||
          (second.expected === deliveries * 2 - sold && first.expected === second.counted),
        'each count saw the other whole',
      );
    });
  });
}
