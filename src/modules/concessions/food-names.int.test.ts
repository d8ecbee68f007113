// Booking answers name their food in the request's language, as the menu does (?lang=, else the first
// Accept-Language tag, else English; a name missing in that language is read in English): setting the
// food, reading the booking (one and the list, a guest's too), paying and cancelling, through HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeMenu } from './orders.fixtures.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

for (const backend of backends()) {
  describe(`food names in booking answers on ${backend.name}`, () => {
    let t: TestApp;
    let customer: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10' } });
      customer = await makeUser(t);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, language?: string, payload?: unknown) =>
      t.request({
        method,
        url,
        token: customer.token,
        ...(language ? { headers: { 'accept-language': language } } : {}),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    /** The food's names as a booking answer shows them: each line, then its choices. */
    const namesOf = (booking: any) =>
      booking.food.items.map((i: any) => [i.name, ...i.choices.map((c: any) => c.name)]);

    /** A held booking at a cinema whose menu also speaks French for the popcorn (nothing else). */
    async function setup() {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId);
      const db = t.app.platform.database.db;
      await db
        .updateTable('concession_variants')
        .set({ names: JSON.stringify({ en: 'Large', de: 'Groß', fr: 'Grand' }) })
        .where('id', '=', menu.popcornL)
        .execute();
      await db
        .updateTable('concession_products')
        .set({ names: JSON.stringify({ en: 'Popcorn', de: 'Popcorn', fr: 'Pop-corn' }) })
        .where('id', 'in', (q) =>
          q.selectFrom('concession_variants').select('product_id').where('id', '=', menu.popcornL),
        )
        .execute();
      const hold = await call('POST', '/api/v1/bookings', undefined, {
        showtimeId: s.showtimeId,
        seatIds: [s.seat('A', 1).id],
      });
      assert.equal(hold.status, 201, hold.text);
      const items = [
        { variantId: menu.water, quantity: 1 },
        { variantId: menu.popcornL, quantity: 1 },
        { variantId: menu.combo, quantity: 1, choices: [{ slotId: menu.comboDrinkSlot, variantId: menu.water }] },
      ];
      return { s, menu, id: hold.body.id as string, items };
    }

    const german = [['Wasser'], ['Popcorn (Groß)'], ['Kinomenü', 'Popcorn (Groß)', 'Wasser']];
    const french = [['Water'], ['Pop-corn (Grand)'], ['Movie menu', 'Pop-corn (Grand)', 'Water']];
    const english = [['Water'], ['Popcorn (Large)'], ['Movie menu', 'Popcorn (Large)', 'Water']];

    test('setting the food and reading the booking answer in German or French, as the menu does', async () => {
      const { s, id, items } = await setup();
      const set = await call('PUT', `/api/v1/bookings/${id}/food`, 'de-DE,de;q=0.9,en;q=0.5', { items });
      assert.equal(set.status, 200, set.text);
      assert.deepEqual(namesOf(set.body), german);
      const setFr = await call('PUT', `/api/v1/bookings/${id}/food?lang=fr`, 'de', { items });
      assert.equal(setFr.status, 200, setFr.text);
      assert.deepEqual(namesOf(setFr.body), french, '?lang= wins over Accept-Language');

      assert.deepEqual(namesOf((await call('GET', `/api/v1/bookings/${id}`, 'de')).body), german);
      assert.deepEqual(namesOf((await call('GET', `/api/v1/bookings/${id}?lang=fr`, 'de')).body), french);
      assert.deepEqual(namesOf((await call('GET', `/api/v1/bookings/${id}`, 'fr-CH, de;q=0.5')).body), french);
      assert.deepEqual(namesOf((await call('GET', `/api/v1/bookings/${id}`)).body), english);
      assert.deepEqual(namesOf((await call('GET', `/api/v1/bookings/${id}`, 'it')).body), english, 'none in Italian');
      const list = await call('GET', '/api/v1/bookings?limit=5', 'de');
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(namesOf(list.body.items.find((b: any) => b.id === id)), german);
      const listFr = await call('GET', '/api/v1/bookings?limit=5&lang=fr', 'de');
      assert.equal(listFr.status, 200, listFr.text);
      assert.deepEqual(namesOf(listFr.body.items.find((b: any) => b.id === id)), french);
      assert.equal(
        (await call('GET', '/api/v1/bookings?nope=1')).status,
        422,
        'the list still refuses unknown filters',
      );

      // The menu read with the same header names the same things the same way.
      const menu = await call('GET', `/api/v1/cinemas/${s.cinemaId}/menu`, 'de');
      assert.equal(menu.status, 200, menu.text);
      const text = JSON.stringify(menu.body);
      for (const name of ['Wasser', 'Kinomenü', 'Groß']) assert.ok(text.includes(name), name);
    });

    test('the payment answer and the cancel answer in the request language', async () => {
      const { id, items } = await setup();
      assert.equal((await call('PUT', `/api/v1/bookings/${id}/food`, undefined, { items })).status, 200);
      const paid = await call('POST', `/api/v1/bookings/${id}/payments`, 'de', { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.booking.food.status, 'paid');
      assert.deepEqual(namesOf(paid.body.booking), german);
      const cancelled = await call('POST', `/api/v1/bookings/${id}/cancel`, 'fr', {});
      assert.equal(cancelled.status, 200, cancelled.text);
      assert.equal(cancelled.body.food.status, 'refunded');
      assert.deepEqual(namesOf(cancelled.body), french);
    });

    test("a guest's booking answers too", async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId);
      const guest = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('A', 1).id], email: 'g@example.test', name: 'G' },
      });
      assert.equal(guest.status, 201, guest.text);
      const headers = { authorization: `Booking ${guest.body.managementToken}`, 'accept-language': 'de' };
      const base = `/api/v1/guest/bookings/${guest.body.id}`;
      const set = await t.request({
        method: 'PUT',
        url: `${base}/food`,
        headers,
        payload: { items: [{ variantId: menu.water, quantity: 1 }] },
      });
      assert.equal(set.status, 200, set.text);
      assert.deepEqual(namesOf(set.body), [['Wasser']]);
      const paid = await t.request({ method: 'POST', url: `${base}/payments`, headers, payload: { card: CARD } });
      assert.equal(paid.status, 201, paid.text);
      assert.deepEqual(namesOf(paid.body.booking), [['Wasser']]);
      const read = await t.request({ method: 'GET', url: base, headers: { ...headers, 'accept-language': 'fr' } });
      assert.equal(read.status, 200, read.text);
      assert.deepEqual(namesOf(read.body), [['Water']], 'French has no name for the water: English');
    });
  });
}
