// Money back through HTTP on a real database: cancelling before and after the cut-off, partial
// cancellation, refund tiers with their rounding, and an admin cancelling a whole showtime.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buy, cancel, checkIn, hold, processorCharges } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { deliverMail } from '../../../test/support/mail.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const MINUTE = 60_000;

for (const backend of backends()) {
  describe(`refunds on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { REFUND_CUTOFF_MINUTES: '120' } });
      [alice, bob, admin] = await Promise.all([makeUser(t), makeUser(t), makeUser(t, { role: 'admin' })]);
    });
    after(() => t.close());

    const startingIn = (minutes: number, prices = { standard: 1200, vip: 1800 }) =>
      makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + minutes * MINUTE), prices });
    const seatStatus = async (showtimeId: string, seatId: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` })).body.seats.find(
        (s: any) => s.id === seatId,
      ).status;
    const db = () => t.app.platform.database.db;

    test('before the cut-off: everything back, tickets void, seats free, booking refunded', async () => {
      const s = await startingIn(121);
      const seats = [s.seat('A', 1).id, s.seat('A', 2).id];
      const paid = await buy(t, alice, s.showtimeId, seats);
      const shown = (await t.request({ method: 'GET', url: `/api/v1/bookings/${paid.booking.id}`, token: alice.token }))
        .body;
      assert.deepEqual(shown.refundPolicy, { cutoffMinutes: 120 });
      assert.deepEqual(
        [shown.refundPreview.amount, shown.refundPreview.percent],
        [{ amount: 2400, currency: 'EUR' }, 100],
      );
      const res = await cancel(t, alice, paid.booking.id);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.status, 'refunded');
      assert.equal(res.body.refunds.length, 1);
      assert.equal(res.body.refundPreview, undefined, 'a refunded booking has nothing left to preview');
      assert.deepEqual(res.body.refunds[0].amount, { amount: 2400, currency: 'EUR' });
      assert.equal(res.body.refunds[0].status, 'succeeded');
      assert.deepEqual(res.body.refunds[0].ticketIds.sort(), paid.booking.tickets.map((x: any) => x.id).sort());
      assert.ok(res.body.tickets.every((x: any) => x.status === 'void'));
      for (const seat of seats) assert.equal(await seatStatus(s.showtimeId, seat), 'available');
      const charge = (await processorCharges(t)).find((c) => c.reference === paid.payment.id);
      assert.equal(charge?.refunded_amount, 2400);
      // Other services hear of it: sold, then cancelled and refunded.
      const events = await t.app.platform.database.db
        .selectFrom('outbox_events')
        .select(['type', 'payload'])
        .where('aggregate_id', '=', paid.booking.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        events.map((e) => e.type),
        ['booking.held', 'booking.confirmed', 'tickets.cancelled'],
      );
      const cancelled = events[2]?.payload as any;
      assert.deepEqual(
        [cancelled.amount, cancelled.reason, cancelled.bookingRefunded, cancelled.seatIds.length],
        [2400, 'customer_cancel', true, 2],
      );
      // Someone else can buy the freed seats at once.
      await buy(t, bob, s.showtimeId, seats);
      const again = await cancel(t, alice, paid.booking.id);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'booking_not_cancellable');
    });

    test('after the cut-off: 409 cancellation_window_closed and nothing changes', async () => {
      const s = await startingIn(119);
      const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id]);
      const res = await cancel(t, alice, paid.booking.id);
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'cancellation_window_closed');
      const b = (await t.request({ method: 'GET', url: `/api/v1/bookings/${paid.booking.id}`, token: alice.token }))
        .body;
      assert.equal(b.status, 'confirmed');
      assert.deepEqual(
        [b.refundPreview.amount.amount, b.refundPreview.percent],
        [0, 0],
        'the preview says nothing comes back',
      );
      assert.equal(b.tickets[0].status, 'valid');
      assert.deepEqual(b.refunds, []);
      assert.equal(await seatStatus(s.showtimeId, s.seat('A', 1).id), 'sold');
    });

    test('partial cancellation refunds the tickets named; the booking is refunded when the last one goes', async () => {
      const s = await makeShowtime(t, {
        seats: gridLayout(1, 5, { A3: 'vip' }),
        startsAt: new Date(t.clock.now().getTime() + 3 * 24 * 60 * MINUTE),
      });
      const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id, s.seat('A', 2).id, s.seat('A', 3).id]);
      const byLabel = (label: string) =>
        paid.booking.tickets.find((x: any) => `${x.seat.row}${x.seat.number}` === label);
      const first = await cancel(t, alice, paid.booking.id, [byLabel('A3').id]);
      assert.equal(first.status, 200, first.text);
      assert.equal(first.body.status, 'confirmed');
      assert.deepEqual(
        first.body.refunds.map((r: any) => r.amount.amount),
        [1800],
      );
      assert.equal(first.body.tickets.filter((x: any) => x.status === 'void').length, 1);
      assert.equal(first.body.refundPreview.amount.amount, 2400, 'the preview covers only the tickets still valid');
      assert.equal(await seatStatus(s.showtimeId, s.seat('A', 3).id), 'available');
      assert.equal(await seatStatus(s.showtimeId, s.seat('A', 1).id), 'sold');
      const twice = await cancel(t, alice, paid.booking.id, [byLabel('A3').id]);
      assert.equal(twice.status, 409);
      assert.equal(twice.body.code, 'ticket_void');
      const unknown = await cancel(t, alice, paid.booking.id, [
        byLabel('A1').id,
        '00000000-0000-4000-8000-000000000000',
      ]);
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.errors[0].path, '/ticketIds/1');
      assert.equal((await cancel(t, bob, paid.booking.id)).status, 404);
      t.clock.advance(MINUTE);
      const rest = await cancel(t, alice, paid.booking.id);
      assert.equal(rest.status, 200);
      assert.equal(rest.body.status, 'refunded');
      assert.deepEqual(
        rest.body.refunds.map((r: any) => r.amount.amount),
        [1800, 2400],
      );
      const payment = await db()
        .selectFrom('payments')
        .selectAll()
        .where('id', '=', paid.payment.id)
        .executeTakeFirstOrThrow();
      assert.equal(payment.refunded_amount, payment.amount);
      assert.equal(payment.status, 'refunded');
    });

    // Response schemas serialise: a field the schema lacks would silently vanish from the answer.
    test('booking answers carry every field of their tickets and refunds', async () => {
      const s = await startingIn(3 * 24 * 60);
      const paid = await buy(t, alice, s.showtimeId, [s.seat('C', 1).id, s.seat('C', 2).id]);
      const tickets = (
        await t.request({ method: 'GET', url: `/api/v1/bookings/${paid.booking.id}/tickets`, token: alice.token })
      ).body;
      assert.deepEqual(Object.keys(tickets[0]).sort(), [
        'bookingId',
        'checkedInAt',
        'code',
        'id',
        'price',
        'seat',
        'showtimeId',
        'status',
        'ticketType',
      ]);
      assert.deepEqual(
        paid.booking.tickets,
        tickets,
        'the payment answer has the tickets as the tickets route shows them',
      );
      const res = await cancel(t, alice, paid.booking.id, [tickets[0].id]);
      assert.equal(res.status, 200, res.text);
      const row = await db()
        .selectFrom('refunds')
        .selectAll()
        .where('payment_id', '=', paid.payment.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(res.body.refunds, [
        {
          id: row.id,
          amount: { amount: row.amount, currency: 'EUR' },
          giftCardAmount: { amount: row.gift_card_amount, currency: 'EUR' },
          status: row.status,
          reason: 'customer_cancel',
          ticketIds: [tickets[0].id],
          createdAt: row.created_at.toISOString(),
          completedAt: row.completed_at?.toISOString() ?? null,
          food: null,
        },
      ]);
      const shown = (await t.request({ method: 'GET', url: `/api/v1/bookings/${paid.booking.id}`, token: alice.token }))
        .body;
      assert.deepEqual(res.body, shown, 'the cancel answer is the booking as GET shows it');
      assert.deepEqual(
        shown.tickets.map((x: any) => x.status),
        ['void', 'valid'],
      );
      assert.deepEqual({ ...shown.tickets[1], status: 'valid' }, tickets[1]);
    });

    test('a checked-in ticket cannot be refunded; a held booking has nothing to cancel', async () => {
      const s = await startingIn(30 + 3 * 60);
      const paid = await buy(t, alice, s.showtimeId, [s.seat('B', 1).id, s.seat('B', 2).id]);
      await db()
        .updateTable('tickets')
        .set({ status: 'used', checked_in_at: t.clock.now() })
        .where('id', '=', paid.booking.tickets[0].id)
        .execute();
      const res = await cancel(t, alice, paid.booking.id, [paid.booking.tickets[0].id]);
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'ticket_used');
      const held = await hold(t, alice, s.showtimeId, [s.seat('C', 1).id]);
      const h = await cancel(t, alice, held.id);
      assert.equal(h.status, 409);
      assert.equal(h.body.code, 'booking_not_cancellable');
    });

    test('an admin cancelling a showtime refunds every paid booking in full, voids tickets and emails each customer', async () => {
      const s = await makeShowtime(t, {
        seats: gridLayout(4, 10),
        startsAt: new Date(t.clock.now().getTime() + 60 * MINUTE),
      });
      const customers = await Promise.all(Array.from({ length: 12 }, () => makeUser(t)));
      const paid: any[] = [];
      for (const [i, c] of customers.entries())
        paid.push(await buy(t, c, s.showtimeId, [s.seats[i * 2]!.id, s.seats[i * 2 + 1]!.id]));
      const held = await hold(t, alice, s.showtimeId, [s.seats[30]!.id]);
      // One booking's refund fails at the provider: the others must still be refunded.
      const broken = paid[3].payment.id;
      const realCharge = (
        await db()
          .selectFrom('payments')
          .select('provider_payment_id')
          .where('id', '=', broken)
          .executeTakeFirstOrThrow()
      ).provider_payment_id;
      await db()
        .updateTable('payments')
        .set({ provider_payment_id: 'ch_unreachable' })
        .where('id', '=', broken)
        .execute();
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${s.showtimeId}/cancel`,
        token: admin.token,
      });
      assert.equal(res.status, 200, res.text);
      const refunds = await db()
        .selectFrom('refunds')
        .selectAll()
        .where(
          'payment_id',
          'in',
          paid.map((p) => p.payment.id),
        )
        .execute();
      assert.equal(refunds.length, 12);
      assert.ok(refunds.every((r) => r.amount === 2400 && r.reason === 'showtime_cancelled'));
      assert.deepEqual(
        refunds.filter((r) => r.status === 'pending').map((r) => r.payment_id),
        [broken],
      );
      for (const p of paid) {
        const b = (await t.request({ method: 'GET', url: `/api/v1/bookings/${p.booking.id}`, token: admin.token }))
          .body;
        assert.equal(b.status, 'refunded');
        assert.ok(b.tickets.every((x: any) => x.status === 'void'));
      }
      // The provider comes back; the refund job finishes the one that failed.
      await db().updateTable('payments').set({ provider_payment_id: realCharge }).where('id', '=', broken).execute();
      t.clock.advance(5 * MINUTE);
      for (let i = 0; i < 6; i++) await t.app.runJobsOnce();
      const after = await db()
        .selectFrom('refunds')
        .select('status')
        .where('payment_id', '=', broken)
        .executeTakeFirstOrThrow();
      assert.equal(after.status, 'succeeded');
      const charges = (await processorCharges(t)).filter((c) => paid.some((p) => p.payment.id === c.reference));
      assert.ok(charges.every((c) => c.refunded_amount === c.amount));
      const cancelled = await db()
        .selectFrom('outbox_events')
        .select('payload')
        .where('type', '=', 'tickets.cancelled')
        .where(
          'aggregate_id',
          'in',
          paid.map((p) => p.booking.id),
        )
        .execute();
      assert.equal(cancelled.filter((e) => (e.payload as any).reason === 'showtime_cancelled').length, 12);
      await deliverMail(t);
      const mails = await db()
        .selectFrom('mail_outbox')
        .select(['recipient', 'subject'])
        .where('subject', 'like', 'Cancelled:%')
        .execute();
      for (const c of customers)
        assert.ok(
          mails.some((m) => m.recipient === c.email),
          c.email,
        );
      // The held booking cannot be paid any more; the report shows nothing kept.
      const late = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${held.id}/payments`,
        token: alice.token,
        payload: { card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } },
      });
      assert.equal(late.status, 409);
      const report = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes/${s.showtimeId}/report`,
        token: admin.token,
      });
      assert.equal(report.body.revenue.amount, 0);
      const run = await db()
        .selectFrom('showtime_refund_runs')
        .selectAll()
        .where('showtime_id', '=', s.showtimeId)
        .executeTakeFirstOrThrow();
      assert.ok(run.completed_at);
    });
  });

  describe(`refund tiers on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { REFUND_POLICY: '14400:100,7200:50,4320:30' } });
      alice = await makeUser(t);
    });
    after(() => t.close());

    const DAY = 24 * 60 * MINUTE;
    const cases = [
      { days: 11, percent: 100, expected: 999 * 2 },
      { days: 6, percent: 50, expected: 499 * 2 },
      { days: 4, percent: 30, expected: 299 * 2 },
    ];
    for (const c of cases) {
      test(`${c.days} days ahead refunds ${c.percent} %, rounded down per ticket`, async () => {
        const s = await makeShowtime(t, {
          startsAt: new Date(t.clock.now().getTime() + c.days * DAY),
          prices: { standard: 999 },
        });
        const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id, s.seat('A', 2).id]);
        const shown = (
          await t.request({ method: 'GET', url: `/api/v1/bookings/${paid.booking.id}`, token: alice.token })
        ).body;
        assert.equal(shown.refundPolicy.tiers.length, 3);
        assert.deepEqual(
          [shown.refundPreview.amount.amount, shown.refundPreview.percent],
          [c.expected, c.percent],
          'the preview is what cancelling gives',
        );
        const res = await cancel(t, alice, paid.booking.id);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.refunds[0].amount.amount, c.expected);
        assert.equal(res.body.status, 'refunded');
        const report = await t.request({
          method: 'GET',
          url: `/api/v1/showtimes/${s.showtimeId}/report`,
          token: (await makeUser(t, { role: 'staff' })).token,
        });
        assert.equal(report.body.revenue.amount, 999 * 2 - c.expected, 'revenue is net of refunds');
      });
    }

    test('two days ahead gives nothing back: 409', async () => {
      const s = await makeShowtime(t, {
        startsAt: new Date(t.clock.now().getTime() + 2 * DAY),
        prices: { standard: 999 },
      });
      const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 1).id]);
      const res = await cancel(t, alice, paid.booking.id);
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'cancellation_window_closed');
    });
  });

  describe(`cancelling around the door on ${backend.name}`, () => {
    // Refunds until the start, check-in an hour before it: a ticket can be used while still refundable.
    let t: TestApp;
    let carol: TestUser;
    let usher: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { REFUND_CUTOFF_MINUTES: '0', CHECKIN_OPENS_MINUTES: '60' } });
      [carol, usher] = await Promise.all([makeUser(t), makeUser(t, { role: 'staff' })]);
    });
    after(() => t.close());

    test('with no body at all every ticket still valid is cancelled; checked-in ones are never refunded', async () => {
      const s = await makeShowtime(t, {
        startsAt: new Date(t.clock.now().getTime() + 30 * MINUTE),
        prices: { standard: 1000 },
      });
      const paid = await buy(t, carol, s.showtimeId, [s.seat('A', 1).id, s.seat('A', 2).id]);
      const [used, unused] = paid.booking.tickets as { id: string; code: string }[];
      assert.equal((await checkIn(t, usher, (used as { code: string }).code)).status, 200);
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${paid.booking.id}/cancel`,
        token: carol.token,
      });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(
        res.body.refunds.map((r: any) => [r.ticketIds, r.amount.amount]),
        [[[unused?.id], 1000]],
      );
      assert.equal(res.body.status, 'confirmed', 'the used ticket keeps the booking');
      // Only the used ticket is left: nothing can be given back for a seat in use.
      const again = await cancel(t, carol, paid.booking.id);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'ticket_used');
      assert.equal(again.body.ticketId, used?.id);
    });
  });
}
