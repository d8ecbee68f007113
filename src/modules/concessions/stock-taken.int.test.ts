// What an order line took from stock is what it gives back (issue 17): switching a product's stock
// counting off while a hold has its bottles gives them back on release (none lost), and switching it
// on while a paid order holds water that counted nothing gives nothing back on refund (none invented).
// A count while a hold has bottles: they are still on the shelf, so the count expects them too.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeMenu, onHand } from './orders.fixtures.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

for (const backend of backends()) {
  describe(`stock taken by order lines on ${backend.name}`, () => {
    let t: TestApp;
    let customer: TestUser;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10' } });
      [customer, staff] = await Promise.all([makeUser(t), makeUser(t, { role: 'staff' })]);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
      t.request({
        method,
        url,
        token: customer.token,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    async function setup(waterStock = 10) {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId, { waterStock });
      const res = await call('POST', '/api/v1/bookings', { showtimeId: s.showtimeId, seatIds: [s.seat('A', 1).id] });
      assert.equal(res.status, 201, res.text);
      return { s, menu, id: res.body.id as string };
    }
    /** The water product's stock counting switched (as an admin's product edit does). */
    const trackWater = (waterVariant: string, on: boolean) =>
      t.app.platform.database.db
        .updateTable('concession_products')
        .set({ track_stock: on })
        .where('id', 'in', (q) =>
          q.selectFrom('concession_variants').select('product_id').where('id', '=', waterVariant),
        )
        .execute();

    test('tracking switched off while held: releasing the basket gives the bottles back', async () => {
      const { s, menu, id } = await setup();
      const set = await call('PUT', `/api/v1/bookings/${id}/food`, {
        items: [
          { variantId: menu.water, quantity: 2 },
          { variantId: menu.combo, quantity: 1, choices: [{ slotId: menu.comboDrinkSlot, variantId: menu.water }] },
        ],
      });
      assert.equal(set.status, 200, set.text);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 7);
      await trackWater(menu.water, false);
      const cleared = await call('PUT', `/api/v1/bookings/${id}/food`, { items: [] });
      assert.equal(cleared.status, 200, cleared.text);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 10, 'the 3 bottles taken are back');
    });

    test('tracking switched on while paid: a refund gives back nothing it never took', async () => {
      const { s, menu, id } = await setup();
      await trackWater(menu.water, false);
      const set = await call('PUT', `/api/v1/bookings/${id}/food`, { items: [{ variantId: menu.water, quantity: 2 }] });
      assert.equal(set.status, 200, set.text);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 10);
      const paid = await call('POST', `/api/v1/bookings/${id}/payments`, { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      await trackWater(menu.water, true);
      const cancelled = await call('POST', `/api/v1/bookings/${id}/cancel`, {});
      assert.equal(cancelled.status, 200, cancelled.text);
      assert.equal(cancelled.body.food.status, 'refunded');
      assert.equal(await onHand(t, s.cinemaId, menu.water), 10, 'no bottles invented');
    });

    test('a count while a hold has bottles expects them on the shelf; fewer counted is 409', async () => {
      const { s, menu, id } = await setup(3);
      const set = await call('PUT', `/api/v1/bookings/${id}/food`, { items: [{ variantId: menu.water, quantity: 2 }] });
      assert.equal(set.status, 200, set.text);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 1);
      const count = (counted: number) =>
        t.request({
          method: 'POST',
          url: `/api/v1/cinemas/${s.cinemaId}/stock/counts`,
          token: staff.token,
          payload: { lines: [{ variantId: menu.water, counted }] },
        });
      const below = await count(1);
      assert.equal(below.status, 409, below.text);
      assert.deepEqual([below.body.code, below.body.variantIds], ['count_below_reserved', [menu.water]]);
      const counted = await count(3);
      assert.equal(counted.status, 201, counted.text);
      assert.deepEqual(counted.body.lines, [{ variantId: menu.water, expected: 3, counted: 3, difference: 0 }]);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 1, 'the held two are still taken');
      const cleared = await call('PUT', `/api/v1/bookings/${id}/food`, { items: [] });
      assert.equal(cleared.status, 200, cleared.text);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 3, 'no bottle invented');
    });
  });
}
