// Food paid with the seats in a batch of settling payments (payments' confirmMany reads what is due,
// food included, in the statement that locks the booking): a booking with food settles, and one whose
// food changed while its card was charged is refunded, not confirmed for the old amount. (A batch
// refused as a whole falls back to one by one, which checks the due again: a wrong due in the batch
// statement costs speed, not correctness, so this test cannot tell it apart.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hold, pay } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeMenu } from './orders.fixtures.ts';

for (const backend of backends()) {
  describe(`food in settling batches on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10' } });
    });
    after(() => t.close());

    test('a batch confirms food paid in full and refunds a charge whose food changed meanwhile', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId);
      const [plainUser, foodUser, changedUser] = await Promise.all([makeUser(t), makeUser(t), makeUser(t)]);
      const [plain, withFood, changed] = await Promise.all([
        hold(t, plainUser, s.showtimeId, [s.seat('A', 1).id]),
        hold(t, foodUser, s.showtimeId, [s.seat('A', 2).id]),
        hold(t, changedUser, s.showtimeId, [s.seat('A', 3).id]),
      ]);
      const setFood = (id: string, token: string, quantity: number) =>
        t.request({
          method: 'PUT',
          url: `/api/v1/bookings/${id}/food`,
          token,
          payload: { items: [{ variantId: menu.cola, quantity }] },
        });
      assert.equal((await setFood(withFood.id, foodUser.token, 2)).status, 200);
      assert.equal((await setFood(changed.id, changedUser.token, 1)).status, 200);
      // All three are charged, then the third adds a cola before they settle together.
      let waiting: (() => void)[] = [];
      t.app.modules.payments.service.hooks.afterCharge = () =>
        new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length < 3) return;
          t.app.modules.payments.service.hooks.afterCharge = undefined;
          const go = waiting;
          waiting = [];
          void setFood(changed.id, changedUser.token, 2).then((r) => {
            assert.equal(r.status, 200, r.text);
            go.forEach((g) => g());
          });
        });
      const sizes: number[] = [];
      t.app.modules.payments.settlement.hooks.onBatch = (size) => sizes.push(size);
      const [a, b, c] = await Promise.all([
        pay(t, plainUser, plain.id),
        pay(t, foodUser, withFood.id),
        pay(t, changedUser, changed.id),
      ]);
      t.app.modules.payments.settlement.hooks.onBatch = undefined;
      assert.equal(sizes[0], 3, 'settled in one batch first');
      assert.equal(a?.status, 201, a?.text);
      assert.equal(b?.status, 201, b?.text);
      assert.equal(b?.body.payment.amount.amount, 1700);
      assert.equal(b?.body.booking.status, 'confirmed');
      assert.equal(c?.status, 409, c?.text);
      assert.equal(c?.body.code, 'payment_amount_changed');
      const view = await t.request({ method: 'GET', url: `/api/v1/bookings/${changed.id}`, token: changedUser.token });
      assert.equal(view.body.status, 'held', 'not confirmed for the old amount');
      assert.deepEqual(view.body.priceBreakdown.due, { amount: 1700, currency: 'EUR' });
    });

    test('the food is paid in the sale: a receipt read before any job runs lists it at the food rate', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu = await makeMenu(t, s.cinemaId);
      const [user, admin, staff] = await Promise.all([
        makeUser(t),
        makeUser(t, { role: 'admin' }),
        makeUser(t, { role: 'staff' }),
      ]);
      const tax = await t.request({
        method: 'PUT',
        url: `/api/v1/cinemas/${s.cinemaId}/tax`,
        token: admin.token,
        payload: {
          country: 'DE',
          legalName: 'Kino GmbH',
          legalAddress: 'Hauptstr. 1, Berlin',
          taxRates: { tickets: 7, food: 19, merchandise: 19, default: 19 },
        },
      });
      assert.equal(tax.status, 200, tax.text);
      const b = await hold(t, user, s.showtimeId, [s.seat('B', 1).id]);
      const food = await t.request({
        method: 'PUT',
        url: `/api/v1/bookings/${b.id}/food`,
        token: user.token,
        payload: { items: [{ variantId: menu.popcornL, quantity: 2 }] },
      });
      assert.equal(food.status, 200, food.text);
      const paid = await pay(t, user, b.id);
      assert.equal(paid?.status, 201, paid?.text);
      // The payment's answer carries the food as GET /bookings/{id} does: paid, with its pickup code.
      assert.equal(paid?.body.booking.food?.status, 'paid', paid?.text);
      assert.deepEqual(paid?.body.booking.food.total, { amount: 1200, currency: 'EUR' });
      assert.ok(paid?.body.booking.food.pickupCode);
      // No job runs in this app: the booking.confirmed consumer has not paid the order.
      const receipt = await t.request({ method: 'GET', url: `/api/v1/bookings/${b.id}/receipt`, token: user.token });
      assert.equal(receipt.status, 200, receipt.text);
      assert.deepEqual(
        receipt.body.lines.map((l: any) => [l.kind, l.rate, l.gross.amount]),
        [
          ['tickets', 7, 1000],
          ['food', 19, 1200],
        ],
      );
      assert.deepEqual(
        receipt.body.taxes.map((x: any) => [x.rate, x.gross.amount]),
        [
          [7, 1000],
          [19, 1200],
        ],
      );
      const tendered = receipt.body.tenders.reduce((n: number, x: any) => n + x.amount.amount, 0);
      assert.equal(tendered, 2200);
      assert.equal(receipt.body.totals.gross.amount, tendered);
      // The staff list reads the stored status: paid.
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/concession-orders?cinemaId=${s.cinemaId}`,
        token: staff.token,
      });
      assert.equal(list.status, 200, list.text);
      const view = await t.request({ method: 'GET', url: `/api/v1/bookings/${b.id}`, token: user.token });
      const mine = list.body.items.find((o: any) => o.id === view.body.food.id);
      assert.equal(mine?.status, 'paid');
      // Only real days filter the list: 422 validation_failed, never a 500 or an empty page.
      for (const date of ['0000-01-01', '2026-02-30']) {
        const bad = await t.request({
          method: 'GET',
          url: `/api/v1/concession-orders?cinemaId=${s.cinemaId}&date=${date}`,
          token: staff.token,
        });
        assert.equal(bad.status, 422, `${date}: ${bad.text}`);
        assert.equal(bad.body.code, 'validation_failed');
      }
    });
  });
}
