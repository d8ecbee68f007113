// Food with a booking through HTTP on a real database: set, change and remove a held booking's food
// (stock taken and given back, priceBreakdown and the payment follow), the rules' 4xx answers, the
// order paid with the booking (pickup code and QR), cancelled with a released or expired hold (once
// per event), gift cards that would pay more than is due, guests with their booking token.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { mailsTo } from '../../../test/support/accounts.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeMenu, onHand, type TestMenu } from './orders.fixtures.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

for (const backend of backends()) {
  describe(`food with a booking on ${backend.name}`, () => {
    let t: TestApp;
    let customer: TestUser;
    let other: TestUser;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10' } });
      [customer, other, staff] = await Promise.all([makeUser(t), makeUser(t), makeUser(t, { role: 'staff' })]);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, user?: TestUser, payload?: unknown) =>
      t.request({ method, url, token: user?.token, ...(payload === undefined ? {} : { payload: payload as object }) });
    async function setup(options: { waterStock?: number } = {}) {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId, options);
      return { s, menu };
    }
    async function held(user: TestUser, s: TestShowtime, seat: string): Promise<string> {
      const res = await call('POST', '/api/v1/bookings', user, {
        showtimeId: s.showtimeId,
        seatIds: [s.seat(seat[0] as string, Number(seat.slice(1))).id],
      });
      assert.equal(res.status, 201, res.text);
      return res.body.id;
    }
    const food = (id: string, items: unknown[], user: TestUser = customer) =>
      call('PUT', `/api/v1/bookings/${id}/food`, user, { items });
    const combo = (m: TestMenu, drink: string, quantity = 1) => ({
      variantId: m.combo,
      quantity,
      choices: [{ slotId: m.comboDrinkSlot, variantId: drink }],
    });
    const settle = () => eventually(async () => (await t.app.runJobsOnce(), true), 10_000);

    test('food is added, changed and removed on a hold; stock and the price follow; one payment covers both', async () => {
      const { s, menu } = await setup({ waterStock: 5 });
      const id = await held(customer, s, 'A1');
      const set = await food(id, [{ variantId: menu.popcornL, quantity: 2 }, combo(menu, menu.water)]);
      assert.equal(set.status, 200, set.text);
      assert.deepEqual(set.body.priceBreakdown, {
        tickets: eur(1000),
        food: eur(2200),
        subtotal: eur(3200),
        discount: null,
        giftCards: eur(0),
        due: eur(3200),
      });
      const order = set.body.food;
      assert.equal(order.status, 'held');
      assert.equal(order.pickupCode, null, 'no pickup code before it is paid');
      assert.deepEqual(order.total, eur(2200));
      assert.deepEqual(
        order.items.map((i: any) => [
          i.name,
          i.quantity,
          i.unitPrice.amount,
          i.total.amount,
          i.choices.map((c: any) => c.name),
        ]),
        [
          ['Popcorn (Large)', 2, 600, 1200, []],
          ['Movie menu', 1, 1000, 1000, ['Popcorn (Large)', 'Water']],
        ],
      );
      assert.equal(await onHand(t, s.cinemaId, menu.water), 4, 'the combo took a bottle');

      const changed = await food(id, [{ variantId: menu.water, quantity: 3 }]);
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(changed.body.priceBreakdown.due, eur(1750));
      assert.equal(await onHand(t, s.cinemaId, menu.water), 2, 'the old bottle came back, three went');
      const removed = await food(id, []);
      assert.equal(removed.status, 200, removed.text);
      assert.equal(removed.body.food, null);
      assert.deepEqual(removed.body.priceBreakdown.food, eur(0));
      assert.equal(await onHand(t, s.cinemaId, menu.water), 5);

      await food(id, [{ variantId: menu.cola, quantity: 2 }]);
      const paid = await call('POST', `/api/v1/bookings/${id}/payments`, customer, { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.payment.amount.amount, 1700, 'seats and food in one payment');
      const read = await call('GET', `/api/v1/bookings/${id}`, customer);
      assert.equal(read.body.food.status, 'paid');
      assert.match(read.body.food.pickupCode, /^[0-9A-HJKMNP-TV-Z]{10}$/);
      assert.equal(read.body.food.pickupQrUrl, `/api/v1/concession-orders/${read.body.food.id}/pickup.svg`);
      const svg = await call('GET', read.body.food.pickupQrUrl, customer);
      assert.equal(svg.status, 200);
      assert.match(String(svg.headers['content-type']), /image\/svg\+xml/);
      assert.match(svg.text, /<svg/);
      assert.equal((await call('GET', read.body.food.pickupQrUrl, other)).status, 404, "someone else's order");
      assert.equal((await call('GET', `/api/v1/concession-orders/${read.body.food.id}`, other)).status, 404);
      const asStaff = await call('GET', `/api/v1/concession-orders/${read.body.food.id}?lang=de`, staff);
      assert.equal(asStaff.status, 200, asStaff.text);
      assert.equal(asStaff.body.items[0].name, 'Cola');
      await settle();
      // The confirmation lists the food with its pickup code, and shows the QR inline.
      const mail = (await mailsTo(t, customer.email)).find((m) => /Your tickets/.test(m.subject));
      assert.ok(mail, 'the confirmation is mailed');
      assert.match(mail.text_body, new RegExp(`pickup code ${read.body.food.pickupCode}`));
      assert.match(mail.text_body, /2 × Cola/);
      assert.match(mail.html_body, /cid:pickup-qr/);
      assert.ok(mail.attachments.some((a: { filename: string }) => a.filename === 'pickup.png'));
      const stored = await t.app.platform.database.db
        .selectFrom('concession_orders')
        .select(['status', 'paid_at'])
        .where('booking_id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.status, 'paid', 'booking.confirmed paid the order');
      assert.ok(stored.paid_at);
      // Paid: the food can no longer change.
      const late = await food(id, []);
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'booking_not_payable');
    });

    test('what is not on sale, a bad combo choice, more than is on hand and bad input are refused', async () => {
      const { s, menu } = await setup({ waterStock: 2 });
      const id = await held(customer, s, 'A2');
      const unknown = randomUUID();
      const off = await food(id, [{ variantId: unknown, quantity: 1 }]);
      assert.equal(off.status, 422, off.text);
      assert.equal(off.body.code, 'food_not_on_sale');
      assert.deepEqual(off.body.variantIds, [unknown]);
      const noChoice = await food(id, [{ variantId: menu.combo, quantity: 1 }]);
      assert.equal(noChoice.status, 422);
      assert.equal(noChoice.body.code, 'combo_choice_invalid');
      const foreign = await food(id, [combo(menu, menu.popcornS)]);
      assert.equal(foreign.body.code, 'combo_choice_invalid');
      const tooMany = await food(id, [{ variantId: menu.water, quantity: 1 }, combo(menu, menu.water, 2)]);
      assert.equal(tooMany.status, 409, tooMany.text);
      assert.equal(tooMany.body.code, 'food_out_of_stock');
      assert.deepEqual(tooMany.body.variantIds, [menu.water]);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 2, 'nothing taken');
      for (const bad of [
        [{ variantId: menu.cola, quantity: 0 }],
        [{ variantId: menu.cola, quantity: 21 }],
        Array.from({ length: 21 }, () => ({ variantId: menu.cola, quantity: 1 })),
        [{ variantId: 'nope', quantity: 1 }],
      ]) {
        const res = await food(id, bad);
        assert.equal(res.status, 422, JSON.stringify(bad));
        assert.equal(res.body.code, 'validation_failed');
      }
      assert.equal((await food(id, [{ variantId: menu.cola, quantity: 1 }], other)).status, 404);
      assert.equal((await call('PUT', `/api/v1/bookings/${id}/food`, undefined, { items: [] })).status, 401);
    });

    test('a released or expired hold cancels its food and gives the stock back, once', async () => {
      const { s, menu } = await setup({ waterStock: 4 });
      const released = await held(customer, s, 'B1');
      assert.equal((await food(released, [{ variantId: menu.water, quantity: 2 }])).status, 200);
      const expired = await held(customer, s, 'B2');
      assert.equal((await food(expired, [combo(menu, menu.water, 2)])).status, 200);
      assert.equal(await onHand(t, s.cinemaId, menu.water), 0);
      assert.equal((await call('DELETE', `/api/v1/bookings/${released}`, customer)).status, 204);
      t.clock.advance(11 * 60_000);
      const late = await food(expired, []);
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'booking_expired');
      await eventually(async () => {
        await t.app.runJobsOnce();
        return (await onHand(t, s.cinemaId, menu.water)) === 4;
      });
      await settle();
      assert.equal(await onHand(t, s.cinemaId, menu.water), 4, 'each event gives back once');
      const statuses = await t.app.platform.database.db
        .selectFrom('concession_orders')
        .select('status')
        .where('booking_id', 'in', [released, expired])
        .execute();
      assert.deepEqual(
        statuses.map((r) => r.status),
        ['cancelled', 'cancelled'],
      );
    });

    test('gift cards may pay food; food taken off below what they pay is refused', async () => {
      const { s, menu } = await setup();
      const id = await held(customer, s, 'C1');
      await food(id, [{ variantId: menu.popcornL, quantity: 1 }]);
      const { code } = await t.app.platform.database.db.transaction().execute((trx) =>
        t.app.modules.giftcards.service.issue(trx, {
          amount: 5000,
          currency: 'EUR',
          channel: 'online',
          method: 'card',
          sealForMail: false,
        }),
      );
      const gc = await call('POST', `/api/v1/bookings/${id}/gift-cards`, customer, { code });
      assert.equal(gc.status, 200, gc.text);
      assert.deepEqual(gc.body.priceBreakdown.giftCards, eur(1600), 'the card paid seats and food');
      assert.deepEqual(gc.body.priceBreakdown.due, eur(0));
      const less = await food(id, []);
      assert.equal(less.status, 409, less.text);
      assert.equal(less.body.code, 'gift_cards_exceed_total');
      const more = await food(id, [{ variantId: menu.popcornL, quantity: 2 }]);
      assert.equal(more.status, 200, more.text);
      assert.deepEqual(more.body.priceBreakdown.due, eur(600));
    });

    test('a guest sets food with the booking token and reads the pickup QR once paid', async () => {
      const { s, menu } = await setup();
      const hold = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: {
          showtimeId: s.showtimeId,
          seatIds: [s.seat('C', 5).id],
          email: 'food-guest@example.test',
          name: 'G',
        },
      });
      assert.equal(hold.status, 201, hold.text);
      const headers = { authorization: `Booking ${hold.body.managementToken}` };
      const url = `/api/v1/guest/bookings/${hold.body.id}`;
      const set = await t.request({
        method: 'PUT',
        url: `${url}/food`,
        headers,
        payload: { items: [combo(menu, menu.cola)] },
      });
      assert.equal(set.status, 200, set.text);
      assert.deepEqual(set.body.priceBreakdown.due, eur(1900));
      const noQr = await t.request({ method: 'GET', url: `${url}/food/pickup.svg`, headers });
      assert.equal(noQr.status, 404, 'no QR before it is paid');
      const paid = await t.request({ method: 'POST', url: `${url}/payments`, headers, payload: { card: CARD } });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.payment.amount.amount, 1900);
      const read = await t.request({ method: 'GET', url, headers });
      assert.equal(read.body.food.pickupQrUrl, `${url}/food/pickup.svg`, "the guest's own QR route");
      const qr = await t.request({ method: 'GET', url: read.body.food.pickupQrUrl, headers });
      assert.equal(qr.status, 200, qr.text);
      assert.match(qr.text, /<svg/);
      const wrong = await t.request({ method: 'PUT', url: `${url}/food`, payload: { items: [] } });
      assert.equal(wrong.status, 401);
    });
  });
}
