// Baskets racing on a real database: many held bookings change their food at once, naming the same
// counted variants in opposite orders, while deliveries (their lines in either order) and payments
// run beside them. Stock rows are locked in variant_id order by every writer, so nothing deadlocks
// into a 5xx, and on hand ends exactly as deliveries and the baskets kept say.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeMenu, onHand } from './orders.fixtures.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };
const BOOKINGS = 12;
const STOCK = 1000;

for (const backend of backends()) {
  describe(`food baskets racing on ${backend.name}`, () => {
    let t: TestApp;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '30' } });
      staff = await makeUser(t, { role: 'staff' });
    });
    after(() => t.close());

    /** A second counted drink beside the menu's water, with `STOCK` on hand. */
    async function juiceAt(cinemaId: string): Promise<string> {
      const db = t.app.platform.database.db;
      const now = t.clock.now();
      const product = randomUUID();
      const variant = randomUUID();
      await db
        .insertInto('concession_products')
        .values({
          id: product,
          kind: 'item',
          category: 'drinks',
          names: JSON.stringify({ en: 'Juice' }),
          track_stock: true,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('concession_variants')
        .values({ id: variant, product_id: product, code: 'regular', names: JSON.stringify({ en: 'Bottle' }) })
        .execute();
      await db
        .insertInto('concession_offers')
        .values({
          cinema_id: cinemaId,
          variant_id: variant,
          price: 300,
          currency: 'EUR',
          tax_kind: 'food',
          on_sale: true,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('concession_stock')
        .values({ cinema_id: cinemaId, variant_id: variant, on_hand: STOCK, updated_at: now })
        .execute();
      return variant;
    }

    test('opposite-order baskets, deliveries and payments at once: no 5xx, every bottle accounted for', async () => {
      const s = await makeShowtime(t);
      const menu = await makeMenu(t, s.cinemaId, { waterStock: STOCK });
      const juice = await juiceAt(s.cinemaId);
      const customers = await Promise.all(Array.from({ length: BOOKINGS }, () => makeUser(t)));
      const ids: string[] = [];
      for (const [i, c] of customers.entries()) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/bookings',
          token: c.token,
          payload: { showtimeId: s.showtimeId, seatIds: [s.seats[i]!.id] },
        });
        assert.equal(res.status, 201, res.text);
        ids.push(res.body.id);
      }
      const answers: number[] = [];
      const food = async (i: number, items: unknown[]) => {
        const res = await t.request({
          method: 'PUT',
          url: `/api/v1/bookings/${ids[i]}/food`,
          token: customers[i]!.token,
          payload: { items },
        });
        answers.push(res.status);
        assert.equal(res.status, 200, res.text);
      };
      const water = (quantity: number) => ({ variantId: menu.water, quantity });
      const juices = (quantity: number) => ({ variantId: juice, quantity });
      const comboWithWater = {
        variantId: menu.combo,
        quantity: 1,
        choices: [{ slotId: menu.comboDrinkSlot, variantId: menu.water }],
      };
      const deliver = async (lines: { variantId: string; quantity: number }[]) => {
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/cinemas/${s.cinemaId}/stock/deliveries`,
          token: staff.token,
          payload: { lines },
        });
        answers.push(res.status);
        assert.equal(res.status, 201, res.text);
      };
      const even = (i: number) => i % 2 === 0;

      // Half take water, half juice.
      await Promise.all(
        ids.map((_, i) => food(i, even(i) ? [water(2), { variantId: menu.popcornS, quantity: 1 }] : [juices(1)])),
      );
      // Every basket changes, naming both drinks in opposite orders: one half gives back water and
      // takes juice, the other gives back juice and takes water (as two statements, each sorted, that
      // deadlocked), beside deliveries naming the rows in either order.
      await Promise.all([
        ...ids.map((_, i) => food(i, even(i) ? [juices(3), water(1)] : [water(1), juices(3), comboWithWater])),
        deliver([water(5), juices(5)]),
        deliver([juices(5), water(5)]),
      ]);
      // The even ones take their food off while the odd ones pay for theirs.
      await Promise.all(
        ids.map(async (id, i) => {
          if (even(i)) return food(i, []);
          const paid = await t.request({
            method: 'POST',
            url: `/api/v1/bookings/${id}/payments`,
            token: customers[i]!.token,
            payload: { card: CARD },
          });
          answers.push(paid.status);
          assert.equal(paid.status, 201, paid.text);
        }),
      );
      assert.deepEqual(
        answers.filter((status) => status >= 500),
        [],
      );
      const odd = BOOKINGS / 2;
      assert.equal(await onHand(t, s.cinemaId, menu.water), STOCK + 10 - odd * 2, 'a bottle and a combo’s bottle each');
      assert.equal(await onHand(t, s.cinemaId, juice), STOCK + 10 - odd * 3);
      const orders = await t.app.platform.database.db
        .selectFrom('concession_orders')
        .select(['status', 'total_amount'])
        .where('booking_id', 'in', ids)
        .execute();
      assert.deepEqual(
        orders.map((o) => [o.status, o.total_amount]),
        Array.from({ length: odd }, () => ['paid', 250 + 900 + 900 + 100]),
      );
    });
  });
}
