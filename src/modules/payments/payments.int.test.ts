// Paying for a hold through HTTP on a real database: the whole path to tickets, declines, card
// validation, idempotent retries, expiry racing the payment, and two payments at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { card, CARDS, hold, pay, processorCharges } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { deliverMail } from '../../../test/support/mail.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`payments on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { HOLD_MINUTES: '10' } });
      [alice, bob] = await Promise.all([makeUser(t), makeUser(t)]);
    });
    after(() => t.close());

    test('paying a hold confirms it with one ticket per seat, priced on the server', async () => {
      const s = await makeShowtime(t, {
        seats: gridLayout(2, 5, { B1: 'vip' }),
        prices: { standard: 1000, vip: 1500 },
      });
      const booking = await hold(t, alice, s.showtimeId, [s.seat('A', 1).id, s.seat('B', 1).id]);
      const res = await pay(t, alice, booking.id);
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.payment.status, 'succeeded');
      assert.deepEqual(res.body.payment.amount, { amount: 2500, currency: 'EUR' });
      assert.match(res.body.payment.id, /^[0-9a-f-]{36}$/);
      const b = res.body.booking;
      assert.equal(b.id, booking.id);
      assert.equal(b.status, 'confirmed');
      assert.equal(b.tickets.length, 2);
      for (const ticket of b.tickets) {
        assert.equal(ticket.status, 'valid');
        assert.match(ticket.code, /^MQ1\./);
        assert.equal(ticket.checkedInAt, null);
      }
      assert.deepEqual(b.tickets.map((x: any) => `${x.seat.row}${x.seat.number}`).sort(), ['A1', 'B1']);
      const map = (await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` })).body;
      assert.equal(map.seats.find((x: any) => x.id === s.seat('A', 1).id).status, 'sold');
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/bookings/${booking.id}/tickets`,
        token: alice.token,
      });
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.map((x: any) => x.id).sort(), b.tickets.map((x: any) => x.id).sort());
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}/tickets`, token: bob.token })).status,
        404,
      );
      const again = await pay(t, alice, booking.id);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'booking_not_payable');
    });

    test('declines answer 402 with the reason and leave the hold as it was', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('A', 1).id]);
      for (const [number, reason] of [
        [CARDS.declined, 'card_declined'],
        [CARDS.insufficient, 'insufficient_funds'],
      ] as const) {
        const res = await pay(t, alice, booking.id, { number });
        assert.equal(res.status, 402, res.text);
        assert.equal(res.body.code, 'payment_declined');
        assert.equal(res.body.reason, reason);
      }
      const still = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: alice.token });
      assert.equal(still.body.status, 'held');
      assert.equal(still.body.expiresAt, booking.expiresAt);
      assert.deepEqual(still.body.tickets, []);
      const ok = await pay(t, alice, booking.id, { number: CARDS.otherValid });
      assert.equal(ok.status, 201, 'any other Luhn-valid number is approved');
    });

    test('cards failing Luhn, expired cards, bad CVCs and malformed bodies are 422 and charge nothing', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('A', 2).id]);
      const before = (await processorCharges(t)).length;
      const year = new Date().getUTCFullYear();
      const bad = [
        { card: card(CARDS.luhnBad) },
        { card: { ...card(), expYear: year - 1 } },
        { card: { ...card(), cvc: '12' } },
        { card: { ...card(), number: 'abcd' } },
        { card: { ...card(), extra: 1 } },
        { card: { ...card(), expMonth: '12' } },
        {},
      ];
      for (const payload of bad) {
        const res = await t.request({
          method: 'POST',
          url: `/api/v1/bookings/${booking.id}/payments`,
          token: alice.token,
          payload,
        });
        assert.equal(res.status, 422, JSON.stringify(payload));
        // No payment method at all, with something due, is its own refusal (nothing due confirms).
        assert.equal(res.body.code, Object.keys(payload).length ? 'validation_failed' : 'payment_method_required');
      }
      assert.equal((await processorCharges(t)).length, before);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/bookings/not-a-uuid/payments',
        token: alice.token,
        payload: { card: card() },
      });
      assert.equal(res.status, 404, 'an id that cannot be a booking names none');
    });

    test("someone else's booking is 404, and an unknown one too", async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('A', 3).id]);
      assert.equal((await pay(t, bob, booking.id)).status, 404);
      assert.equal((await pay(t, bob, '00000000-0000-4000-8000-000000000000')).status, 404);
      assert.equal(
        (await t.request({ method: 'POST', url: `/api/v1/bookings/${booking.id}/payments`, payload: { card: card() } }))
          .status,
        401,
      );
    });

    test('the same Idempotency-Key replays the first answer and charges once; another body is 422', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('B', 1).id, s.seat('B', 2).id]);
      const key = `pay-${booking.id}`;
      // Retries racing the first request are told to retry (409) or get its answer; never a second charge.
      const racing = await Promise.all([
        pay(t, alice, booking.id, { key }),
        pay(t, alice, booking.id, { key }),
        pay(t, alice, booking.id, { key }),
      ]);
      for (const a of racing) assert.ok(a.status === 201 || a.body.code === 'idempotency_request_in_progress', a.text);
      const first = racing.find((a) => a.status === 201);
      assert.ok(first);
      const later = await pay(t, alice, booking.id, { key });
      assert.equal(later.status, 201);
      assert.equal(later.body.payment.id, first.body.payment.id);
      assert.deepEqual(
        later.body.booking.tickets.map((x: any) => x.id).sort(),
        first.body.booking.tickets.map((x: any) => x.id).sort(),
      );
      const ids = new Set([first.body.payment.id]);
      const rows = await t.app.platform.database.db
        .selectFrom('payments')
        .select('id')
        .where('booking_id', '=', booking.id)
        .execute();
      assert.deepEqual(
        rows.map((r) => r.id),
        [...ids],
      );
      const charges = (await processorCharges(t)).filter((c) => ids.has(c.reference));
      assert.equal(charges.length, 1);
      const reused = await pay(t, alice, booking.id, { key, number: CARDS.otherValid });
      assert.equal(reused.status, 422);
      assert.equal(reused.body.code, 'idempotency_key_reused');
      // A declined answer replays too.
      const other = await hold(t, alice, s.showtimeId, [s.seat('C', 1).id]);
      const d1 = await pay(t, alice, other.id, { key: `d-${other.id}`, number: CARDS.declined });
      const d2 = await pay(t, alice, other.id, { key: `d-${other.id}`, number: CARDS.declined });
      assert.equal(d1.status, 402);
      assert.deepEqual(d2.body, d1.body);
    });

    test('two payments of one booking at once charge the card once', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('C', 5).id]);
      const answers = await Promise.all(Array.from({ length: 4 }, () => pay(t, alice, booking.id)));
      const statuses = answers.map((a) => a.status).sort();
      assert.equal(statuses.filter((x) => x === 201).length, 1, JSON.stringify(answers.map((a) => a.body)));
      for (const a of answers.filter((x) => x.status !== 201))
        assert.ok(['booking_not_payable', 'payment_in_progress'].includes(a.body.code), a.text);
      const charges = await t.app.platform.database.db
        .selectFrom('payments')
        .select('status')
        .where('booking_id', '=', booking.id)
        .execute();
      assert.equal(charges.filter((c) => c.status === 'succeeded').length, 1);
    });

    test('paying an expired hold is 409 booking_expired; a released one booking_not_payable, reason released; nothing is charged', async () => {
      const s = await makeShowtime(t);
      const expired = await hold(t, alice, s.showtimeId, [s.seat('A', 5).id]);
      const released = await hold(t, alice, s.showtimeId, [s.seat('A', 6).id]);
      await t.request({ method: 'DELETE', url: `/api/v1/bookings/${released.id}`, token: alice.token });
      const before = (await processorCharges(t)).length;
      t.clock.advance(11 * 60_000);
      const e = await pay(t, alice, expired.id);
      assert.equal(e.status, 409);
      assert.equal(e.body.code, 'booking_expired');
      const r = await pay(t, alice, released.id);
      assert.equal(r.status, 409);
      assert.equal(r.body.code, 'booking_not_payable');
      assert.equal(r.body.reason, 'released');
      assert.equal(r.body.bookingStatus, 'cancelled');
      assert.equal((await processorCharges(t)).length, before);
    });

    test('when the hold lapses and the seat is taken while the card is charged, the charge is refunded and the customer told', async () => {
      const s = await makeShowtime(t);
      const seat = s.seat('B', 5).id;
      const booking = await hold(t, alice, s.showtimeId, [seat]);
      t.app.modules.payments.service.hooks.afterCharge = async () => {
        t.app.modules.payments.service.hooks.afterCharge = undefined;
        t.clock.advance(11 * 60_000);
        await hold(t, bob, s.showtimeId, [seat]);
      };
      const res = await pay(t, alice, booking.id);
      assert.equal(res.status, 409, res.text);
      assert.equal(res.body.code, 'booking_expired');
      assert.equal(res.body.refunded, true);
      const payment = await t.app.platform.database.db
        .selectFrom('payments')
        .selectAll()
        .where('booking_id', '=', booking.id)
        .executeTakeFirstOrThrow();
      assert.equal(payment.status, 'refunded');
      assert.equal(payment.outcome, 'reversed');
      const charge = (await processorCharges(t)).find((c) => c.reference === payment.id);
      assert.equal(charge?.refunded_amount, charge?.amount, 'the provider refunded the whole charge');
      const tickets = await t.app.platform.database.db
        .selectFrom('tickets')
        .select('id')
        .where('booking_id', '=', booking.id)
        .execute();
      assert.equal(tickets.length, 0);
      const events = await t.app.platform.database.db
        .selectFrom('outbox_events')
        .select(['type', 'payload'])
        .where('aggregate_id', '=', booking.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        events.map((e) => e.type),
        ['booking.held', 'payment.reversed'],
        'no booking.confirmed for a sale rolled back',
      );
      // The customer is told from the event: it names whom, which showtime and why.
      assert.deepEqual(
        { ...(events[1]?.payload as any), refundId: undefined },
        {
          paymentId: payment.id,
          bookingId: booking.id,
          userId: alice.id,
          showtimeId: s.showtimeId,
          refundId: undefined,
          amount: payment.amount,
          currency: 'EUR',
          reason: 'booking_expired',
        },
      );
      const again = await pay(t, alice, booking.id);
      assert.equal(again.status, 409);
    });

    test('a hold released while the card is charged is 409 booking_not_payable, reason released (not booking_expired), refunded in full, and the email says so', async () => {
      const s = await makeShowtime(t);
      const booking = await hold(t, alice, s.showtimeId, [s.seat('C', 2).id]);
      t.app.modules.payments.service.hooks.afterCharge = async () => {
        t.app.modules.payments.service.hooks.afterCharge = undefined;
        const released = await t.request({
          method: 'DELETE',
          url: `/api/v1/bookings/${booking.id}`,
          token: alice.token,
        });
        assert.equal(released.status, 204);
      };
      const res = await pay(t, alice, booking.id);
      assert.equal(res.status, 409, res.text);
      assert.equal(res.body.code, 'booking_not_payable');
      assert.equal(res.body.reason, 'released');
      assert.equal(res.body.refunded, true);
      const db = t.app.platform.database.db;
      const payment = await db
        .selectFrom('payments')
        .selectAll()
        .where('booking_id', '=', booking.id)
        .executeTakeFirstOrThrow();
      assert.equal(payment.outcome, 'reversed');
      assert.equal(payment.failure_code, 'booking_released');
      assert.equal(
        (await processorCharges(t)).find((c) => c.reference === payment.id)?.refunded_amount,
        payment.amount,
      );
      const again = await pay(t, alice, booking.id);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'booking_not_payable');
      assert.equal(again.body.reason, 'released');
      await deliverMail(t);
      const mail = await db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('recipient', '=', alice.email)
        .where('subject', 'like', 'Your payment was refunded%')
        .execute();
      assert.ok(
        mail.some((m) => m.text_body.includes('was released while your payment was going through')),
        JSON.stringify(mail),
      );
    });

    /** Holds every paying request right after its charge until `n` have been charged, then lets them all settle at once. */
    function barrierAfterCharge(n: number, meanwhile?: () => Promise<void>) {
      let waiting: (() => void)[] = [];
      t.app.modules.payments.service.hooks.afterCharge = () =>
        new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length < n) return;
          t.app.modules.payments.service.hooks.afterCharge = undefined;
          const go = waiting;
          waiting = [];
          void (meanwhile ?? (async () => {}))().then(() => go.forEach((r) => r()));
        });
      const sizes: number[] = [];
      t.app.modules.payments.settlement.hooks.onBatch = (size) => sizes.push(size);
      return sizes;
    }

    test('payments settling at the same moment share one transaction, each with its own tickets', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(4, 6) });
      const buyers = await Promise.all(Array.from({ length: 6 }, () => makeUser(t)));
      const bookings = await Promise.all(
        buyers.map((b, i) => hold(t, b, s.showtimeId, [s.seats[2 * i]!.id, s.seats[2 * i + 1]!.id])),
      );
      const sizes = barrierAfterCharge(6);
      const paid = await Promise.all(buyers.map((b, i) => pay(t, b, bookings[i].id)));
      t.app.modules.payments.settlement.hooks.onBatch = undefined;
      assert.deepEqual(sizes, [6], 'one batch of six');
      paid.forEach((res, i) => {
        assert.equal(res.status, 201, res.text);
        assert.equal(res.body.booking.status, 'confirmed');
        assert.deepEqual(
          res.body.booking.tickets.map((x: any) => x.seat.seatId).sort(),
          [s.seats[2 * i]!.id, s.seats[2 * i + 1]!.id].sort(),
        );
      });
      const seatMap = (await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` })).body.seats;
      assert.equal(seatMap.filter((x: any) => x.status === 'sold').length, 12);
      const confirmed = await t.app.platform.database.db
        .selectFrom('outbox_events')
        .select('aggregate_id')
        .where('type', '=', 'booking.confirmed')
        .where(
          'aggregate_id',
          'in',
          bookings.map((b: any) => b.id),
        )
        .execute();
      assert.equal(confirmed.length, 6, 'one booking.confirmed (its confirmation email) each');
    });

    test('a batch with one booking whose seat was taken: the others are sold, that charge is refunded', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(4, 6) });
      const buyers = await Promise.all(Array.from({ length: 4 }, () => makeUser(t)));
      const bookings = await Promise.all(buyers.map((b, i) => hold(t, b, s.showtimeId, [s.seats[i]!.id])));
      // While the four charges are out, the holds lapse and the first one's seat goes to bob (the
      // other lapsed holds were taken by nobody: still theirs, so still sold).
      const sizes = barrierAfterCharge(4, async () => {
        t.clock.advance(11 * 60_000);
        await hold(t, bob, s.showtimeId, [s.seats[0]!.id]);
      });
      const paid = await Promise.all(buyers.map((b, i) => pay(t, b, bookings[i].id)));
      t.app.modules.payments.settlement.hooks.onBatch = undefined;
      assert.deepEqual(sizes, [4]);
      assert.equal(paid[0]?.status, 409, paid[0]?.text);
      assert.equal(paid[0]?.body.code, 'booking_expired');
      assert.equal(paid[0]?.body.refunded, true);
      for (const res of paid.slice(1)) assert.equal(res.status, 201, res.text);
      const charges = await processorCharges(t);
      const lost = await t.app.platform.database.db
        .selectFrom('payments')
        .selectAll()
        .where('booking_id', '=', bookings[0].id)
        .executeTakeFirstOrThrow();
      assert.equal(lost.outcome, 'reversed');
      assert.equal(charges.find((c) => c.reference === lost.id)?.refunded_amount, lost.amount);
    });

    test('a batch with a booking whose gift card was taken off while the card was charged: that charge is refunded', async () => {
      const s = await makeShowtime(t, { prices: { standard: 1000 } });
      const [carol, dave] = await Promise.all([makeUser(t), makeUser(t)]);
      const [split, plain] = await Promise.all([
        hold(t, carol, s.showtimeId, [s.seat('A', 1).id]),
        hold(t, dave, s.showtimeId, [s.seat('A', 2).id]),
      ]);
      const { code } = await t.app.platform.database.db.transaction().execute((trx) =>
        t.app.modules.giftcards.service.issue(trx, {
          amount: 600,
          currency: 'EUR',
          channel: 'online',
          method: 'card',
          sealForMail: false,
        }),
      );
      const giftCards = { method: 'POST' as const, url: `/api/v1/bookings/${split.id}/gift-cards`, token: carol.token };
      assert.equal((await t.request({ ...giftCards, payload: { code } })).status, 200);
      // €4 is charged; meanwhile the €6 gift card comes off and another payment settles in the same batch.
      const sizes = barrierAfterCharge(2, async () => {
        assert.equal((await t.request({ ...giftCards, method: 'DELETE' })).status, 200);
      });
      const [paidSplit, paidPlain] = await Promise.all([pay(t, carol, split.id), pay(t, dave, plain.id)]);
      t.app.modules.payments.settlement.hooks.onBatch = undefined;
      assert.deepEqual(sizes, [2]);
      assert.equal(paidPlain?.status, 201, paidPlain?.text);
      assert.equal(paidSplit?.status, 409, paidSplit?.text);
      assert.equal(paidSplit?.body.code, 'payment_amount_changed');
      const payment = await t.app.platform.database.db
        .selectFrom('payments')
        .selectAll()
        .where('booking_id', '=', split.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([payment.amount, payment.outcome, payment.failure_code], [400, 'reversed', 'amount_changed']);
      assert.equal((await processorCharges(t)).find((c) => c.reference === payment.id)?.refunded_amount, 400);
      const view = await t.request({ method: 'GET', url: `/api/v1/bookings/${split.id}`, token: carol.token });
      assert.equal(view.body.status, 'held', 'not confirmed for €4 with the gift card given back');
      const balance = await t.request({
        method: 'POST',
        url: '/api/v1/gift-cards/balance',
        token: carol.token,
        payload: { code },
      });
      assert.equal(balance.body.balance.amount, 600);
    });
  });
}
