// Concession products, offers and the public menu through HTTP on PGlite and PostgreSQL: admins
// create items and combos (every rule 422), staff read, customers are refused; names fall back to
// English; images go through the catalog's pipeline and media GC keeps them; offers per cinema with
// one currency; the menu shows only active products on sale and marks sold-out sizes.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createProduct, names, offer } from './catalog.fixtures.ts';

for (const backend of backends()) {
  describe(`concession products and menus on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let staff: TestUser;
    let customer: TestUser;
    let cinemaId: string;
    before(async () => {
      t = await startTestApp(backend, { env: { MEDIA_GC_GRACE_HOURS: '0' } });
      [admin, staff, customer] = await Promise.all([
        makeUser(t, { role: 'admin' }),
        makeUser(t, { role: 'staff' }),
        makeUser(t),
      ]);
      cinemaId = (await makeShowtime(t)).cinemaId;
    });
    after(() => t.close());

    const call = (method: string, url: string, user: TestUser | null, payload?: unknown, headers = {}) =>
      t.request({
        method: method as 'GET',
        url,
        headers,
        ...(user ? { token: user.token } : {}),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const popcorn = () =>
      createProduct(t, admin, {
        kind: 'item',
        category: 'popcorn',
        names: names('Popcorn', 'Popcorn süß'),
        descriptions: { en: 'Sweet' },
        allergens: ['milk'],
        dietary: ['vegetarian'],
        variants: [
          { code: 'small', names: names('Small', 'Klein') },
          { code: 'large', names: names('Large') },
        ],
      });
    const water = () =>
      createProduct(t, admin, {
        kind: 'item',
        category: 'drinks',
        names: names('Water', 'Wasser'),
        trackStock: true,
        variants: [{ code: 'regular', names: names('0.5 l') }],
      });

    test('admins create items and combos; staff read; customers and strangers are refused', async () => {
      const item = await popcorn();
      assert.equal(item.name, 'Popcorn');
      assert.deepEqual(
        item.variants.map((v: { code: string; name: string }) => [v.code, v.name]),
        [
          ['small', 'Small'],
          ['large', 'Large'],
        ],
      );
      const drink = await water();
      const combo = await createProduct(t, admin, {
        kind: 'combo',
        category: 'menus',
        names: names('Movie menu', 'Kinomenü'),
        variants: [{ code: 'regular', names: names('Regular') }],
        slots: [
          { names: names('A popcorn'), choices: [{ variantId: item.variants[0].id }] },
          { names: names('A drink'), quantity: 2, choices: [{ variantId: drink.variants[0].id, surcharge: 50 }] },
        ],
      });
      assert.equal(combo.slots.length, 2);
      assert.deepEqual(combo.slots[1].choices[0], {
        variantId: drink.variants[0].id,
        productId: drink.id,
        name: 'Water',
        surcharge: 50,
      });
      assert.equal(combo.slots[0].choices[0].name, 'Popcorn (Small)', 'a size is named when there are several');

      const body = { kind: 'item', category: 'x', names: names('X'), variants: [{ code: 'r', names: names('R') }] };
      assert.equal((await call('POST', '/api/v1/concession-products', staff, body)).status, 403);
      assert.equal((await call('POST', '/api/v1/concession-products', customer, body)).status, 403);
      assert.equal((await call('POST', '/api/v1/concession-products', null, body)).status, 401);
      assert.equal((await call('GET', `/api/v1/concession-products/${item.id}`, customer)).status, 403);
      const read = await call('GET', `/api/v1/concession-products/${combo.id}`, staff);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body, combo);
      const list = await call('GET', '/api/v1/concession-products?category=menus&limit=100', staff);
      assert.ok(list.body.items.some((p: { id: string }) => p.id === combo.id));
      assert.ok(list.body.items.every((p: { category: string }) => p.category === 'menus'));
      assert.equal(
        (await call('GET', `/api/v1/concession-products/${randomUUID()}`, staff)).body.code,
        'concession_product_not_found',
      );
    });

    test('the product list pages by category and sort order with a cursor', async () => {
      const category = `page-${randomUUID().slice(0, 8)}`;
      const made = [];
      for (const sortOrder of [3, 1, 2]) {
        made.push(
          await createProduct(t, admin, {
            kind: 'item',
            category,
            sortOrder,
            names: names(`P${sortOrder}`),
            variants: [{ code: 'r', names: names('R') }],
          }),
        );
      }
      const first = await call('GET', `/api/v1/concession-products?category=${category}&limit=2`, staff);
      assert.deepEqual(
        first.body.items.map((p: { name: string }) => p.name),
        ['P1', 'P2'],
      );
      const second = await call(
        'GET',
        `/api/v1/concession-products?category=${category}&limit=2&cursor=${first.body.nextCursor}`,
        staff,
      );
      assert.deepEqual(
        [second.body.items.map((p: { name: string }) => p.name), second.body.nextCursor],
        [['P3'], null],
      );
      const bad = await call('GET', `/api/v1/concession-products?cursor=nonsense`, staff);
      assert.equal(bad.status, 422);
    });

    test('every broken product rule is a 422 with a stable code', async () => {
      const item = await popcorn();
      const combo = await createProduct(t, admin, {
        kind: 'combo',
        category: 'menus',
        names: names('Combo'),
        variants: [{ code: 'regular', names: names('Regular') }],
        slots: [{ names: names('Pop'), choices: [{ variantId: item.variants[0].id }] }],
      });
      const inactive = await popcorn();
      await call('DELETE', `/api/v1/concession-products/${inactive.id}`, admin);
      const v = [{ code: 'regular', names: names('R') }];
      const base = { kind: 'item', category: 'snacks', names: names('Nachos'), variants: v };
      for (const [bad, path] of [
        [{ ...base, names: { de: 'Nur deutsch' } }, '/names'],
        [{ ...base, names: { en: 'x', deutsch: 'y' } }, '/names'],
        [{ ...base, category: 'Bad Category' }, '/category'],
        [{ ...base, allergens: ['chocolate'] }, '/allergens/0'],
        [{ ...base, dietary: ['paleo'] }, '/dietary/0'],
        [{ ...base, variants: [] }, '/variants'],
        [{ ...base, variants: [...v, ...v] }, '/variants/1/code'],
        [{ ...base, variants: [{ code: 'Big!', names: names('B') }] }, '/variants/0/code'],
        [{ ...base, slots: [{ names: names('S'), choices: [{ variantId: item.variants[0].id }] }] }, '/slots'],
        [{ ...base, kind: 'combo' }, '/slots'],
        [
          {
            ...base,
            kind: 'combo',
            trackStock: true,
            slots: [{ names: names('S'), choices: [{ variantId: item.variants[0].id }] }],
          },
          '/trackStock',
        ],
        [
          { ...base, kind: 'combo', slots: [{ names: names('S'), choices: [{ variantId: combo.variants[0].id }] }] },
          '/slots/0/choices/0/variantId',
        ],
        [
          { ...base, kind: 'combo', slots: [{ names: names('S'), choices: [{ variantId: inactive.variants[0].id }] }] },
          '/slots/0/choices/0/variantId',
        ],
        [
          { ...base, kind: 'combo', slots: [{ names: names('S'), choices: [{ variantId: randomUUID() }] }] },
          '/slots/0/choices/0/variantId',
        ],
        [{ ...base, kind: 'combo', slots: [{ names: names('S'), choices: [] }] }, '/slots/0/choices'],
        [{ ...base, extra: 1 }, ''],
      ] as const) {
        const res = await call('POST', '/api/v1/concession-products', admin, bad);
        assert.equal(res.status, 422, `${JSON.stringify(bad)}: ${res.text}`);
        assert.equal(res.body.code, 'validation_failed');
        if (path) assert.ok(JSON.stringify(res.body.errors).includes(path), `${path} in ${res.text}`);
      }
      const patch = (body: object) => call('PATCH', `/api/v1/concession-products/${item.id}`, admin, body);
      assert.equal((await patch({})).status, 422);
      assert.equal((await patch({ variants: [{ code: 'medium' }] })).status, 422, 'a new size needs names');
      assert.equal(
        (await patch({ slots: [{ names: names('S'), choices: [{ variantId: item.variants[0].id }] }] })).status,
        422,
      );
      assert.equal(
        (await call('PATCH', `/api/v1/concession-products/${combo.id}`, admin, { trackStock: true })).status,
        422,
      );
      assert.equal(
        (await call('PATCH', `/api/v1/concession-products/${randomUUID()}`, admin, { sortOrder: 1 })).status,
        404,
      );
      assert.equal(
        (await call('PATCH', `/api/v1/concession-products/${item.id}`, staff, { sortOrder: 1 })).status,
        403,
      );
    });

    test('PATCH adds, renames and deactivates sizes and replaces slots; DELETE deactivates', async () => {
      const item = await popcorn();
      const drink = await water();
      const res = await call('PATCH', `/api/v1/concession-products/${item.id}`, admin, {
        names: names('Popcorn', 'Popkorn'),
        variants: [
          { code: 'medium', names: names('Medium', 'Mittel'), sortOrder: 1 },
          { code: 'small', names: names('Tiny') },
          { code: 'large', active: false, sortOrder: 2 },
        ],
      });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(
        res.body.variants.map((v: { code: string; name: string; active: boolean }) => [v.code, v.name, v.active]),
        [
          ['small', 'Tiny', true],
          ['medium', 'Medium', true],
          ['large', 'Large', false],
        ],
      );
      const combo = await createProduct(t, admin, {
        kind: 'combo',
        category: 'menus',
        names: names('Combo'),
        variants: [{ code: 'regular', names: names('Regular') }],
        slots: [{ names: names('Pop'), choices: [{ variantId: item.variants[0].id }] }],
      });
      const replaced = await call('PATCH', `/api/v1/concession-products/${combo.id}`, admin, {
        slots: [{ names: names('Drink'), choices: [{ variantId: drink.variants[0].id, surcharge: 20 }] }],
      });
      assert.equal(replaced.status, 200, replaced.text);
      assert.deepEqual(
        replaced.body.slots.map((s: { name: string; choices: { variantId: string }[] }) => [
          s.name,
          s.choices[0]!.variantId,
        ]),
        [['Drink', drink.variants[0].id]],
      );
      const gone = await call('DELETE', `/api/v1/concession-products/${item.id}`, admin);
      assert.equal(gone.status, 200);
      assert.equal(gone.body.active, false);
      const active = await call('GET', '/api/v1/concession-products?active=true&limit=100', staff);
      assert.ok(!active.body.items.some((p: { id: string }) => p.id === item.id));
    });

    test('names and descriptions come in ?lang=, else Accept-Language, falling back to English', async () => {
      const item = await popcorn();
      const url = `/api/v1/concession-products/${item.id}`;
      const de = (await call('GET', `${url}?lang=de`, staff)).body;
      assert.deepEqual(
        [de.name, de.description, de.variants[0].name, de.variants[1].name],
        ['Popcorn süß', 'Sweet', 'Klein', 'Large'],
      );
      const header = (await call('GET', url, staff, undefined, { 'accept-language': 'de-DE,de;q=0.9' })).body;
      assert.equal(header.name, 'Popcorn süß');
      const fr = (await call('GET', `${url}?lang=fr`, staff, undefined, { 'accept-language': 'de' })).body;
      assert.equal(fr.name, 'Popcorn', '?lang= wins, then English');
      assert.equal((await call('GET', `${url}?lang=german`, staff)).status, 422);
    });

    test('images go through the catalog pipeline, and media GC keeps the current one', async () => {
      const item = await popcorn();
      const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#c83' } })
        .png()
        .toBuffer();
      const put = (bytes: Buffer, user = admin) =>
        t.request({
          method: 'PUT',
          url: `/api/v1/concession-products/${item.id}/image`,
          token: user.token,
          payload: bytes,
          headers: { 'content-type': 'image/png' },
        });
      assert.equal((await put(png, staff)).status, 403);
      assert.equal((await put(Buffer.from('not an image'))).status, 415);
      const first = await put(png);
      assert.equal(first.status, 200, first.text);
      const urls = (p: { image: { variants: { url: string }[] } }) => p.image.variants.map((v) => v.url);
      assert.deepEqual(
        first.body.image.variants.map((v: { width: number }) => v.width).sort((a: number, b: number) => a - b),
        [160, 160, 400, 400, 600, 600],
      );
      const other = await sharp({ create: { width: 500, height: 500, channels: 3, background: '#38c' } })
        .jpeg()
        .toBuffer();
      const second = await put(other);
      const served = async (list: string[]) =>
        Promise.all(list.map(async (u) => (await t.request({ method: 'GET', url: u })).status));
      await t.app.modules.catalog.parts.jobs?.find((j) => j.name === 'catalog.media-gc')?.runOnce();
      assert.deepEqual(
        await served(urls(second.body)),
        urls(second.body).map(() => 200),
        'the current image stays',
      );
      assert.deepEqual(
        await served(urls(first.body)),
        urls(first.body).map(() => 404),
        'the replaced one goes',
      );
      const removed = await call('DELETE', `/api/v1/concession-products/${item.id}/image`, admin);
      assert.equal(removed.body.image, null);
    });

    test('offers per cinema: prices by size code, one currency, admin writes, staff reads', async () => {
      const item = await popcorn();
      const put = (body: object, user = admin, cinema = cinemaId, product = item.id) =>
        call('PUT', `/api/v1/cinemas/${cinema}/concession-offers/${product}`, user, {
          currency: 'EUR',
          taxKind: 'food',
          onSale: true,
          ...body,
        });
      const res = await put({ prices: { small: 450, large: 650 } });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(
        res.body.items.map((o: { variantId: string; price: object }) => [o.variantId, o.price]),
        [
          [item.variants[0].id, { amount: 450, currency: 'EUR' }],
          [item.variants[1].id, { amount: 650, currency: 'EUR' }],
        ],
      );
      const smallOnly = await put({ prices: { small: 500 }, taxKind: 'merchandise' });
      assert.deepEqual(
        smallOnly.body.items.map((o: { price: { amount: number }; taxKind: string }) => [o.price.amount, o.taxKind]),
        [[500, 'merchandise']],
        'a size left out is no longer sold there',
      );
      assert.equal((await put({ prices: { huge: 1 } })).status, 422);
      assert.equal((await put({ prices: { small: -1 } })).status, 422);
      assert.equal((await put({ prices: {}, taxKind: 'alcohol' })).status, 422);
      const other = await put({ prices: { small: 500 }, currency: 'CHF' });
      assert.equal(other.status, 409);
      assert.equal(other.body.code, 'concession_currency_mismatch');
      assert.equal((await put({ prices: {} }, staff)).status, 403);
      assert.equal((await put({ prices: {} }, admin, randomUUID())).body.code, 'cinema_not_found');
      assert.equal(
        (await put({ prices: {} }, admin, cinemaId, randomUUID())).body.code,
        'concession_product_not_found',
      );
      const list = await call('GET', `/api/v1/cinemas/${cinemaId}/concession-offers`, staff);
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((o: { variantId: string }) => o.variantId === item.variants[0].id));
      assert.equal((await call('GET', `/api/v1/cinemas/${cinemaId}/concession-offers`, customer)).status, 403);
    });

    test('the public menu: only active products on sale, sold-out tracked sizes and combos marked', async () => {
      const { cinemaId: cinema } = await makeShowtime(t);
      const item = await popcorn();
      const drink = await water();
      const hidden = await popcorn();
      const retired = await popcorn();
      const combo = await createProduct(t, admin, {
        kind: 'combo',
        category: 'menus',
        names: names('Movie menu', 'Kinomenü'),
        variants: [{ code: 'regular', names: names('Regular') }],
        slots: [
          { names: names('A drink', 'Ein Getränk'), choices: [{ variantId: drink.variants[0].id, surcharge: 30 }] },
        ],
      });
      await offer(t, admin, cinema, item.id, { prices: { small: 400, large: 600 } });
      await offer(t, admin, cinema, drink.id, { prices: { regular: 250 } });
      await offer(t, admin, cinema, combo.id, { prices: { regular: 900 } });
      await offer(t, admin, cinema, hidden.id, { prices: { small: 100 }, onSale: false });
      await offer(t, admin, cinema, retired.id, { prices: { small: 100 } });
      await call('DELETE', `/api/v1/concession-products/${retired.id}`, admin);
      await call('PATCH', `/api/v1/concession-products/${item.id}`, admin, {
        variants: [{ code: 'large', active: false }],
      });

      const menu = await t.request({ method: 'GET', url: `/api/v1/cinemas/${cinema}/menu?lang=de` });
      assert.equal(menu.status, 200, menu.text);
      assert.match(String(menu.headers['cache-control']), /public, max-age=\d+/);
      assert.equal(menu.body.currency, 'EUR');
      const ids = menu.body.items.map((i: { productId: string }) => i.productId);
      assert.deepEqual(ids.sort(), [item.id, drink.id, combo.id].sort(), 'off sale and inactive are hidden');
      const byId = (id: string) => menu.body.items.find((i: { productId: string }) => i.productId === id);
      assert.deepEqual(
        byId(item.id).variants.map((v: { code: string; name: string; price: object; available: boolean }) => [
          v.code,
          v.name,
          v.price,
          v.available,
        ]),
        [['small', 'Klein', { amount: 400, currency: 'EUR' }, true]],
        'an inactive size is hidden',
      );
      assert.equal(byId(item.id).name, 'Popcorn süß');
      assert.deepEqual(byId(item.id).allergens, ['milk']);
      assert.equal(byId(drink.id).variants[0].available, false, 'tracked, nothing delivered yet');
      assert.equal(byId(combo.id).variants[0].available, false, 'its only drink is sold out');
      assert.deepEqual(byId(combo.id).slots[0].choices[0], {
        variantId: drink.variants[0].id,
        productId: drink.id,
        name: 'Wasser',
        surcharge: { amount: 30, currency: 'EUR' },
        available: false,
      });

      const delivered = await call('POST', `/api/v1/cinemas/${cinema}/stock/deliveries`, staff, {
        lines: [{ variantId: drink.variants[0].id, quantity: 3 }],
      });
      assert.equal(delivered.status, 201, delivered.text);
      const after = (await t.request({ method: 'GET', url: `/api/v1/cinemas/${cinema}/menu` })).body;
      const again = (id: string) => after.items.find((i: { productId: string }) => i.productId === id);
      assert.equal(again(drink.id).variants[0].available, true);
      assert.equal(again(combo.id).variants[0].available, true);
      assert.equal(again(combo.id).name, 'Movie menu', 'English without a language asked');

      await offer(t, admin, cinema, drink.id, { prices: { regular: 250 }, onSale: false });
      const noDrink = (await t.request({ method: 'GET', url: `/api/v1/cinemas/${cinema}/menu` })).body;
      assert.deepEqual(
        noDrink.items.map((i: { productId: string }) => i.productId),
        [item.id],
        'the combo goes with its only choice',
      );
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/cinemas/${randomUUID()}/menu` })).status, 404);
      const empty = (
        await t.request({ method: 'GET', url: `/api/v1/cinemas/${(await makeShowtime(t)).cinemaId}/menu` })
      ).body;
      assert.deepEqual([empty.currency, empty.items], [null, []]);
    });
  });
}
