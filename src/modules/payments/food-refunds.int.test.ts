// Food in refunds through HTTP (issue 17): a booking cancelled in full gives back its food not yet
// collected in the same refund (a partly collected order only what is left; tracked stock comes
// back), a partial cancel keeps the food, staff give back food alone, a cancelled showtime keeps
// what was handed over, and the receipt and credit notes list the food at its tax kind's rate. On
// PostgreSQL a counter scan racing a refund: exactly one takes the last units.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { jobsSettled } from '../finance/finance.fixtures.ts';
import { makeMenu, onHand, type TestMenu } from '../concessions/orders.fixtures.ts';

const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

for (const backend of backends()) {
  describe(`food in refunds on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let staff: TestUser;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      [alice, staff, admin] = await Promise.all([
        makeUser(t),
        makeUser(t, { role: 'staff' }),
        makeUser(t, { role: 'admin' }),
      ]);
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PUT', url: string, user?: TestUser, payload?: unknown) =>
      t.request({ method, url, token: user?.token, ...(payload === undefined ? {} : { payload: payload as object }) });

    /** A paid booking of two seats (1000 each) with 2 large popcorn (600) and a combo with water (1000). */
    async function paidWithFood({ giftCard = 0, merchandise = false } = {}) {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const menu: TestMenu = await makeMenu(t, s.cinemaId, { waterStock: 5 });
      // Popcorn sold as merchandise (a souvenir bucket, say): taxed at that kind's rate.
      if (merchandise)
        await t.app.platform.database.db
          .updateTable('concession_offers')
          .set({ tax_kind: 'merchandise' })
          .where('variant_id', '=', menu.popcornL)
          .execute();
      const tax = await call('PUT', `/api/v1/cinemas/${s.cinemaId}/tax`, admin, {
        country: 'DE',
        legalName: 'Kino GmbH',
        legalAddress: 'Hauptstr. 1, Berlin',
        taxRates: { tickets: 7, food: 19, merchandise: 20, default: 19 },
      });
      assert.equal(tax.status, 200, tax.text);
      const held = await call('POST', '/api/v1/bookings', alice, {
        showtimeId: s.showtimeId,
        seatIds: [s.seat('A', 1).id, s.seat('A', 2).id],
      });
      assert.equal(held.status, 201, held.text);
      const id: string = held.body.id;
      const food = await call('PUT', `/api/v1/bookings/${id}/food`, alice, {
        items: [
          { variantId: menu.popcornL, quantity: 2 },
          { variantId: menu.combo, quantity: 1, choices: [{ slotId: menu.comboDrinkSlot, variantId: menu.water }] },
        ],
      });
      assert.equal(food.status, 200, food.text);
      let code: string | null = null;
      if (giftCard > 0) {
        ({ code } = await t.app.platform.database.db.transaction().execute((trx) =>
          t.app.modules.giftcards.service.issue(trx, {
            amount: giftCard,
            currency: 'EUR',
            channel: 'online',
            method: 'card',
            sealForMail: false,
          }),
        ));
        const gc = await call('POST', `/api/v1/bookings/${id}/gift-cards`, alice, { code });
        assert.equal(gc.status, 200, gc.text);
      }
      const paid = await call('POST', `/api/v1/bookings/${id}/payments`, alice, { card: CARD });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.payment.amount.amount, 4200 - giftCard);
      const booking = (await call('GET', `/api/v1/bookings/${id}`, alice)).body;
      const lines = booking.food.items.map((i: any) => i.lineId) as [string, string];
      return { s, menu, id, booking, code, order: booking.food, popcornLine: lines[0], comboLine: lines[1] };
    }
    const collect = (order: { pickupCode: string; cinemaId: string }, lines?: { lineId: string; quantity: number }[]) =>
      call('POST', '/api/v1/concession-pickups', staff, {
        code: order.pickupCode,
        cinemaId: order.cinemaId,
        ...(lines ? { lines } : {}),
      });

    test('cancelling a partly collected booking refunds its tickets and the food left; stock comes back', async () => {
      const b = await paidWithFood();
      assert.equal(await onHand(t, b.s.cinemaId, b.menu.water), 4);
      // The preview says what cancelling gives back: the tickets and the food not yet collected.
      assert.deepEqual(b.booking.refundPreview.amount, eur(4200));
      const got = await collect(b.order, [{ lineId: b.popcornLine, quantity: 1 }]);
      assert.equal(got.status, 200, got.text);
      const preview = (await call('GET', `/api/v1/bookings/${b.id}`, alice)).body.refundPreview;
      assert.deepEqual(preview.amount, eur(3600));
      const cancelled = await call('POST', `/api/v1/bookings/${b.id}/cancel`, alice, {});
      assert.equal(cancelled.status, 200, cancelled.text);
      const [refund] = cancelled.body.refunds;
      // Tickets 2000, food left: one popcorn 600 and the combo 1000.
      assert.deepEqual(refund.amount, eur(3600));
      assert.deepEqual(refund.food.amount, eur(1600));
      assert.deepEqual(
        refund.food.lines.map((l: any) => [l.lineId, l.quantity, l.amount.amount]),
        [
          [b.popcornLine, 1, 600],
          [b.comboLine, 1, 1000],
        ],
      );
      assert.equal(cancelled.body.food.status, 'refunded', 'nothing is left to collect');
      assert.equal(await onHand(t, b.s.cinemaId, b.menu.water), 5, "the combo's water is back");
      const again = await collect(b.order);
      assert.equal(again.status, 409, again.text);

      // The receipt lists the food at the food rate, the credit note what came back.
      const receipt = await call('GET', `/api/v1/bookings/${b.id}/receipt`, alice);
      assert.equal(receipt.status, 200, receipt.text);
      const foodLines = receipt.body.lines.filter((l: any) => l.kind === 'food');
      assert.deepEqual(
        foodLines.map((l: any) => [l.rate, l.quantity, l.gross.amount]),
        [
          [19, 2, 1200],
          [19, 1, 1000],
        ],
      );
      assert.match(foodLines[0].description, /^2 × Popcorn/);
      assert.match(foodLines[1].description, /Movie menu.*\(.*Water/);
      assert.deepEqual(
        receipt.body.taxes.map((x: any) => [x.rate, x.gross.amount]),
        [
          [7, 2000],
          [19, 2200],
        ],
      );
      await jobsSettled(
        t,
        async () => (await call('GET', `/api/v1/bookings/${b.id}/credit-notes`, alice)).body.items?.length === 1,
        'the credit note',
      );
      const [note] = (await call('GET', `/api/v1/bookings/${b.id}/credit-notes`, alice)).body.items;
      assert.deepEqual(
        note.taxes.map((x: any) => [x.rate, x.gross.amount]),
        [
          [7, 2000],
          [19, 1600],
        ],
      );
    });

    test('food refunded with the tickets is split between the gift card and the card as they paid', async () => {
      // The card paid 1400 of 4200 (a third); one popcorn is handed over, so 3600 comes back.
      const b = await paidWithFood({ giftCard: 1400 });
      const got = await collect(b.order, [{ lineId: b.popcornLine, quantity: 1 }]);
      assert.equal(got.status, 200, got.text);
      const preview = (await call('GET', `/api/v1/bookings/${b.id}`, alice)).body.refundPreview;
      assert.deepEqual(preview.amount, eur(3600));
      const cancelled = await call('POST', `/api/v1/bookings/${b.id}/cancel`, alice, {});
      assert.equal(cancelled.status, 200, cancelled.text);
      const [refund] = cancelled.body.refunds;
      assert.deepEqual(refund.food.amount, eur(1600));
      assert.deepEqual(refund.giftCardAmount, eur(1200), 'a third of 3600 back to the gift card');
      assert.deepEqual(refund.amount, eur(2400), 'the rest to the card');
      const balance = async () =>
        (await call('POST', '/api/v1/gift-cards/balance', alice, { code: b.code })).body.balance.amount;
      await jobsSettled(t, async () => (await balance()) === 1200, 'the gift card credited');
    });

    test('a line sold as merchandise is taxed at the merchandise rate on the receipt', async () => {
      const b = await paidWithFood({ merchandise: true });
      const receipt = await call('GET', `/api/v1/bookings/${b.id}/receipt`, alice);
      assert.equal(receipt.status, 200, receipt.text);
      const foodLines = receipt.body.lines.filter((l: any) => l.kind !== 'tickets');
      assert.deepEqual(
        foodLines.map((l: any) => [l.rate, l.quantity, l.gross.amount]),
        [
          [20, 2, 1200],
          [19, 1, 1000],
        ],
      );
      assert.deepEqual(
        receipt.body.taxes.map((x: any) => [x.rate, x.gross.amount]),
        [
          [7, 2000],
          [19, 1000],
          [20, 1200],
        ],
      );
    });

    test('a partial cancel keeps the food; staff then give back food alone, never what was collected', async () => {
      const b = await paidWithFood();
      const ticketId = (await call('GET', `/api/v1/bookings/${b.id}`, alice)).body.tickets[0].id;
      const partial = await call('POST', `/api/v1/bookings/${b.id}/cancel`, alice, { ticketIds: [ticketId] });
      assert.equal(partial.status, 200, partial.text);
      assert.deepEqual(partial.body.refunds[0].amount, eur(1000));
      assert.equal(partial.body.refunds[0].food, null);
      assert.equal(partial.body.food.status, 'paid');

      const url = `/api/v1/concession-orders/${b.order.id}/refund`;
      assert.equal((await call('POST', url, alice, {})).status, 403, 'staff only');
      const unknown = await call('POST', url, staff, { lines: [{ lineId: b.id, quantity: 1 }] });
      assert.equal(unknown.status, 422, unknown.text);
      assert.equal(unknown.body.code, 'unknown_food_lines');
      assert.equal((await collect(b.order, [{ lineId: b.popcornLine, quantity: 1 }])).status, 200);
      const tooMany = await call('POST', url, staff, { lines: [{ lineId: b.popcornLine, quantity: 2 }] });
      assert.equal(tooMany.status, 409, tooMany.text);
      assert.equal(tooMany.body.code, 'already_collected');
      const one = await call('POST', url, staff, { lines: [{ lineId: b.popcornLine, quantity: 1 }] });
      assert.equal(one.status, 200, one.text);
      assert.deepEqual(one.body.amount, eur(600));
      assert.deepEqual(one.body.cardAmount, eur(600));
      const rest = await call('POST', url, staff, {});
      assert.equal(rest.status, 200, rest.text);
      assert.deepEqual(rest.body.amount, eur(1000));
      assert.equal(await onHand(t, b.s.cinemaId, b.menu.water), 5);
      const done = await call('POST', url, staff, {});
      assert.equal(done.status, 409, done.text);
      assert.equal(done.body.code, 'order_refunded');
      const read = (await call('GET', `/api/v1/bookings/${b.id}`, alice)).body;
      assert.deepEqual(
        read.refunds
          .map((r: any) => [r.reason, r.amount.amount, r.food?.amount.amount ?? 0])
          .sort((a: any, b: any) => a[0].localeCompare(b[0]) || a[1] - b[1]),
        [
          ['customer_cancel', 1000, 0],
          ['food_refund', 600, 600],
          ['food_refund', 1000, 1000],
        ],
      );
      // The seat left is still valid; cancelling it now has no food to give back.
      const last = await call('POST', `/api/v1/bookings/${b.id}/cancel`, alice, {});
      assert.equal(last.status, 200, last.text);
      assert.equal(last.body.refunds.length, 4);
      assert.ok(last.body.refunds.every((r: any) => r.reason === 'food_refund' || r.food === null));
    });

    test('a cancelled showtime refunds everything but the food handed over', async () => {
      const b = await paidWithFood();
      assert.equal((await collect(b.order, [{ lineId: b.comboLine, quantity: 1 }])).status, 200);
      const cancel = await call('POST', `/api/v1/showtimes/${b.s.showtimeId}/cancel`, admin, {});
      assert.equal(cancel.status, 200, cancel.text);
      const read = (await call('GET', `/api/v1/bookings/${b.id}`, alice)).body;
      assert.equal(read.status, 'refunded');
      assert.deepEqual(
        read.refunds.map((r: any) => [r.reason, r.amount.amount, r.food.amount.amount]),
        [['showtime_cancelled', 3200, 1200]],
      );
      assert.equal(await onHand(t, b.s.cinemaId, b.menu.water), 4, 'the water handed over stays gone');
    });

    if (backend.name === 'postgres')
      test('a counter scan racing a refund: exactly one takes the food', async () => {
        for (let round = 0; round < 5; round++) {
          const b = await paidWithFood();
          const [scan, refund] = await Promise.all([
            collect(b.order),
            call('POST', `/api/v1/concession-orders/${b.order.id}/refund`, staff, {}),
          ]);
          const wins = [scan.status, refund.status].filter((s) => s === 200).length;
          assert.equal(wins, 1, `scan ${scan.status} ${scan.text} / refund ${refund.status} ${refund.text}`);
          const lines = await t.app.platform.database.db
            .selectFrom('concession_order_lines')
            .select(['collected_quantity', 'refunded_quantity', 'quantity'])
            .where('order_id', '=', b.order.id)
            .execute();
          for (const l of lines) assert.equal(l.collected_quantity + l.refunded_quantity, l.quantity);
          assert.ok(
            lines.every((l) => (refund.status === 200 ? l.refunded_quantity : l.collected_quantity) === l.quantity),
          );
        }
      });
  });
}
