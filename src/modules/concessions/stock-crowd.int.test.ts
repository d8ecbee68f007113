// A crowd racing for the last bottles through HTTP, on PGlite and PostgreSQL: 24 buyers for 5 bottles
// at once, 16 adding water to their held bookings (PUT /bookings/{id}/food) and 8 buying it at two
// tills (POST /till-sessions/{id}/food-sales). Exactly 5 get one, every other answer is 409
// food_out_of_stock, and the stock ends at 0: the orders hold exactly the 5 bottles that were there.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeMenu, onHand } from './orders.fixtures.ts';

const BOTTLES = 5;
const ONLINE = 16;
const TILLS = 2;
const AT_EACH_TILL = 4;

for (const backend of backends()) {
  describe(`a crowd buying the last bottles through HTTP on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10' } });
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    const call = (method: 'POST' | 'PUT', url: string, user: TestUser, payload: unknown) =>
      t.request({ method, url, token: user.token, payload: payload as object });

    test(`${ONLINE + TILLS * AT_EACH_TILL} buyers for ${BOTTLES} bottles: exactly ${BOTTLES} win, stock ends at 0`, async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId, { waterStock: BOTTLES });
      const water = [{ variantId: menu.water, quantity: 1 }];

      // Everything but the buying first: the online buyers' holds and the open tills.
      const customers = await Promise.all(Array.from({ length: ONLINE }, () => makeUser(t)));
      const holds = await Promise.all(
        customers.map((c, i) =>
          call('POST', '/api/v1/bookings', c, { showtimeId: s.showtimeId, seatIds: [s.seats[i]!.id] }),
        ),
      );
      for (const h of holds) assert.equal(h.status, 201, h.text);
      const tills = await Promise.all(
        Array.from({ length: TILLS }, async (_, i) => {
          const cashier = await makeUser(t, { role: 'staff' });
          const till = await call('POST', `/api/v1/cinemas/${s.cinemaId}/tills`, admin, { name: `Bar ${i}` });
          assert.equal(till.status, 201, till.text);
          const open = await call('POST', '/api/v1/till-sessions', cashier, { tillId: till.body.id, float: 0 });
          assert.equal(open.status, 201, open.text);
          return { cashier, session: open.body.id as string };
        }),
      );

      const answers = await Promise.all([
        ...holds.map((h, i) =>
          call('PUT', `/api/v1/bookings/${h.body.id}/food`, customers[i]!, { items: water }).then((r) => ({
            via: 'booking',
            r,
          })),
        ),
        ...tills.flatMap(({ cashier, session }) =>
          Array.from({ length: AT_EACH_TILL }, () =>
            call('POST', `/api/v1/till-sessions/${session}/food-sales`, cashier, {
              items: water,
              method: 'card_terminal',
            }).then((r) => ({ via: 'till', r })),
          ),
        ),
      ]);

      const won = answers.filter(({ r }) => r.status === 200 || r.status === 201);
      const summary = answers.map(({ via, r }) => `${via}:${r.status}:${r.body?.code ?? ''}`).join(' ');
      assert.equal(won.length, BOTTLES, summary);
      for (const { r } of answers.filter((a) => !won.includes(a))) {
        assert.equal(r.status, 409, summary);
        assert.equal(r.body.code, 'food_out_of_stock', summary);
        assert.deepEqual(r.body.variantIds, [menu.water]);
      }
      for (const { via, r } of won) {
        const food = via === 'booking' ? r.body.food : r.body.order;
        assert.deepEqual(
          food.items.map((l: { variantId: string; quantity: number }) => [l.variantId, l.quantity]),
          [[menu.water, 1]],
        );
      }
      assert.equal(await onHand(t, s.cinemaId, menu.water), 0, 'every bottle sold, none below zero');

      // What the orders hold is exactly what was on the shelf: no bottle sold twice, none lost.
      const db = t.app.platform.database.db;
      const taken = await db
        .selectFrom('concession_order_lines as l')
        .innerJoin('concession_orders as o', 'o.id', 'l.order_id')
        .select((eb) => eb.fn.sum<string>('l.quantity').as('n'))
        .where('o.cinema_id', '=', s.cinemaId)
        .where('o.status', 'in', ['held', 'paid'])
        .where('l.variant_id', '=', menu.water)
        .executeTakeFirstOrThrow();
      assert.equal(Number(taken.n), BOTTLES, 'stock below zero would have sold more');
    });
  });
}
