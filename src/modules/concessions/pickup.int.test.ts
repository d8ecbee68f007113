// The counter through HTTP on a real database: preview a pickup code, hand over part of an order then
// the rest, a second scan refused, unpaid, wrong-cinema, unknown and typed-with-mistakes codes, the
// staff's order list; on PostgreSQL, racing scans of one code (exactly one hands over) and racing
// buyers of the last bottle (exactly one gets it).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeMenu, onHand } from './orders.fixtures.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };

for (const backend of backends()) {
  describe(`food pickup at the counter on ${backend.name}`, () => {
    let t: TestApp;
    let customer: TestUser;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10', MAX_SEATS_PER_CUSTOMER: '50' } });
      [customer, staff] = await Promise.all([makeUser(t), makeUser(t, { role: 'staff' })]);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, user?: TestUser, payload?: unknown) =>
      t.request({ method, url, token: user?.token, ...(payload === undefined ? {} : { payload: payload as object }) });
    /** A held booking of one seat with this food; paid unless told. */
    async function order(items: (m: Awaited<ReturnType<typeof makeMenu>>) => unknown[], pay = true) {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId);
      const hold = await call('POST', '/api/v1/bookings', customer, {
        showtimeId: s.showtimeId,
        seatIds: [s.seat('A', 1).id],
      });
      assert.equal(hold.status, 201, hold.text);
      const set = await call('PUT', `/api/v1/bookings/${hold.body.id}/food`, customer, { items: items(menu) });
      assert.equal(set.status, 200, set.text);
      if (pay) {
        const paid = await call('POST', `/api/v1/bookings/${hold.body.id}/payments`, customer, { card: CARD });
        assert.equal(paid.status, 201, paid.text);
      }
      const read = await call('GET', `/api/v1/bookings/${hold.body.id}`, customer);
      return { s, menu, bookingId: hold.body.id as string, food: read.body.food };
    }
    const scan = (body: unknown, user: TestUser = staff) => call('POST', '/api/v1/concession-pickups', user, body);

    test('a code hands over part of an order, then the rest, then nothing', async () => {
      const { s, food } = await order((m) => [
        { variantId: m.popcornL, quantity: 2 },
        { variantId: m.cola, quantity: 1 },
      ]);
      const code: string = food.pickupCode;
      const preview = await call('GET', `/api/v1/concession-pickups/${code.toLowerCase()}`, staff);
      assert.equal(preview.status, 200, preview.text);
      assert.deepEqual(
        preview.body.toHandOver.map((l: any) => [l.name, l.quantity]),
        [
          ['Popcorn (Large)', 2],
          ['Cola', 1],
        ],
      );
      const popcorn = food.items[0].lineId;
      const part = await scan({ code, cinemaId: s.cinemaId, lines: [{ lineId: popcorn, quantity: 1 }] });
      assert.equal(part.status, 200, part.text);
      assert.deepEqual(
        part.body.handedOver.map((l: any) => [l.name, l.quantity]),
        [['Popcorn (Large)', 1]],
      );
      assert.equal(part.body.order.items[0].collected, 1);
      assert.equal(part.body.order.collectedAt, null, 'something is left');
      const over = await scan({ code, cinemaId: s.cinemaId, lines: [{ lineId: popcorn, quantity: 2 }] });
      assert.equal(over.status, 409);
      assert.equal(over.body.code, 'already_collected');
      // Typed with spaces and dashes, O for 0 and l for 1: the same code.
      const typed = `${code.slice(0, 5)}-${code.slice(5)}`.replace(/0/g, 'O').replace(/1/g, 'l').toLowerCase();
      const rest = await scan({ code: ` ${typed} `, cinemaId: s.cinemaId });
      assert.equal(rest.status, 200, rest.text);
      assert.deepEqual(
        rest.body.handedOver.map((l: any) => [l.name, l.quantity]),
        [
          ['Popcorn (Large)', 1],
          ['Cola', 1],
        ],
      );
      assert.ok(rest.body.order.collectedAt);
      const again = await scan({ code, cinemaId: s.cinemaId });
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'already_collected');
      assert.equal(again.body.collectedAt, rest.body.order.collectedAt);
      const collections = await t.app.platform.database.db
        .selectFrom('concession_collections')
        .select(['staff_user_id'])
        .where('order_id', '=', food.id)
        .execute();
      assert.equal(collections.length, 2);
      assert.equal(collections[0]?.staff_user_id, staff.id);
    });

    test('unpaid, unknown, wrong-cinema and foreign-line scans are refused; customers may not scan', async () => {
      const unpaid = await order((m) => [{ variantId: m.cola, quantity: 1 }], false);
      const code = (
        await t.app.platform.database.db
          .selectFrom('concession_orders')
          .select('pickup_code')
          .where('booking_id', '=', unpaid.bookingId)
          .executeTakeFirstOrThrow()
      ).pickup_code;
      assert.equal(unpaid.food.pickupCode, null);
      const notPaid = await scan({ code, cinemaId: unpaid.s.cinemaId });
      assert.equal(notPaid.status, 409);
      assert.equal(notPaid.body.code, 'order_not_paid');
      const paid = await order((m) => [{ variantId: m.cola, quantity: 1 }]);
      const wrong = await scan({ code: paid.food.pickupCode, cinemaId: unpaid.s.cinemaId });
      assert.equal(wrong.status, 409);
      assert.equal(wrong.body.code, 'pickup_wrong_cinema');
      const foreign = await scan({
        code: paid.food.pickupCode,
        cinemaId: paid.s.cinemaId,
        lines: [{ lineId: unpaid.food.items[0].lineId, quantity: 1 }],
      });
      assert.equal(foreign.status, 422);
      assert.equal(foreign.body.code, 'pickup_line_invalid');
      for (const bad of ['ZZZZZZZZZZ', 'short', 'UUUUUUUUUU']) {
        const res = await scan({ code: bad, cinemaId: paid.s.cinemaId });
        assert.equal(res.status, 404, bad);
        assert.equal(res.body.code, 'pickup_not_found');
      }
      assert.equal((await scan({ code: paid.food.pickupCode, cinemaId: paid.s.cinemaId }, customer)).status, 403);
      assert.equal((await call('GET', `/api/v1/concession-pickups/${paid.food.pickupCode}`, customer)).status, 403);
      assert.equal((await scan({})).status, 422);
      // The counter's cinema is required: a client leaving it out cannot hand over any cinema's order.
      const anywhere = await scan({ code: paid.food.pickupCode });
      assert.equal(anywhere.status, 422, anywhere.text);
      assert.equal(anywhere.body.code, 'validation_failed');
      assert.ok(
        anywhere.body.errors.some((e: any) => /cinemaId/.test(`${e.path} ${e.message}`)),
        anywhere.text,
      );
      const preview = await call('GET', `/api/v1/concession-pickups/${paid.food.pickupCode}`, staff);
      assert.equal(preview.body.toHandOver.length, 1, 'nothing handed over by the refused scans');
      const right = await scan({ code: paid.food.pickupCode, cinemaId: paid.s.cinemaId });
      assert.equal(right.status, 200, right.text);
    });

    test("staff list a cinema's orders by status and paid day", async () => {
      const { s, food } = await order((m) => [{ variantId: m.popcornS, quantity: 1 }]);
      // Paid by booking.confirmed's consumer; the day is the cinema's (Europe/Berlin).
      await eventually(async () => (await t.app.runJobsOnce(), true), 10_000);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(t.clock.now());
      const list = await call('GET', `/api/v1/concession-orders?cinemaId=${s.cinemaId}&status=paid&date=${day}`, staff);
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(
        list.body.items.map((o: any) => o.id),
        [food.id],
      );
      const none = await call('GET', `/api/v1/concession-orders?cinemaId=${s.cinemaId}&status=cancelled`, staff);
      assert.deepEqual(none.body.items, []);
      assert.equal((await call('GET', `/api/v1/concession-orders?cinemaId=${s.cinemaId}`, customer)).status, 403);
    });

    if (backend.name === 'postgres') {
      test('racing scans of one code: exactly one hands the order over', async () => {
        // Several orders scanned a dozen times each, all at once, so that scans overlap in the database.
        const foods = await Promise.all(
          Array.from({ length: 4 }, async () => (await order((m) => [{ variantId: m.popcornL, quantity: 3 }])).food),
        );
        // Paid by booking.confirmed's consumer first: scans then race on the lines alone.
        await eventually(async () => (await t.app.runJobsOnce(), true), 10_000);
        const scans = await Promise.all(
          Array.from({ length: 12 }, () =>
            foods.map((f) => scan({ code: f.pickupCode, cinemaId: f.cinemaId }).then((r) => ({ f, r }))),
          ).flat(),
        );
        for (const f of foods) {
          const mine = scans.filter((x) => x.f === f).map((x) => x.r);
          const ok = mine.filter((r) => r.status === 200);
          assert.equal(ok.length, 1, mine.map((r) => `${r.status} ${r.body.code ?? ''}`).join(','));
          assert.deepEqual(
            ok[0]?.body.handedOver.map((l: any) => l.quantity),
            [3],
          );
          assert.ok(mine.every((r) => r.status === 200 || r.body.code === 'already_collected'));
        }
      });

      test('racing buyers of the last bottle: exactly one gets it', async () => {
        const s = await makeShowtime(t, { prices: { standard: 1000 } });
        const menu = await makeMenu(t, s.cinemaId, { waterStock: 1 });
        const buyers = await Promise.all(Array.from({ length: 10 }, () => makeUser(t)));
        const holds = await Promise.all(
          buyers.map((b, i) =>
            call('POST', '/api/v1/bookings', b, { showtimeId: s.showtimeId, seatIds: [s.seats[i]!.id] }),
          ),
        );
        const answers = await Promise.all(
          holds.map((h, i) =>
            call('PUT', `/api/v1/bookings/${h.body.id}/food`, buyers[i], {
              items: [{ variantId: menu.water, quantity: 1 }],
            }),
          ),
        );
        assert.equal(answers.filter((r) => r.status === 200).length, 1, answers.map((r) => r.status).join(','));
        assert.ok(answers.every((r) => r.status === 200 || r.body.code === 'food_out_of_stock'));
        assert.equal(await onHand(t, s.cinemaId, menu.water), 0);
      });
    }
  });
}
