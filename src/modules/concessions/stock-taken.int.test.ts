// What an order line took from stock is what it gives back (issue 17): switching a product's stock
// counting off while a hold has its bottles gives them back on release (none lost), and switching it
// on while a paid order holds water that counted nothing gives nothing back on refund (none invented).
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
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10' } });
      customer = await makeUser(t);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
      t.request({
        method,
        url,
        token: customer.token,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    async function setup() {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId, { waterStock: 10 });
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
  });
}
