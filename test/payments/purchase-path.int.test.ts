// The whole path as a client sees it, through HTTP on each database: hold → pay → tickets (JSON,
// QR, PDF) → the processor's webhook → the confirmation email → check-in at the door → the staff
// report → cancelling the ticket not used → money back, net revenue.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../support/backends.ts';
import { makeShowtime } from '../support/catalog-factories.ts';
import { makeUser, type TestUser } from '../support/factories.ts';
import { deliverMail } from '../support/mail.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { card, checkIn } from './payment-helpers.ts';
import { decodeQr } from './qr-decode.ts';

const MINUTE = 60_000;

for (const backend of backends()) {
  describe(`from a hold to a person in a seat, and money back, on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let usher: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { REFUND_POLICY: '1440:100,60:50', CHECKIN_OPENS_MINUTES: '45' } });
      [alice, usher] = await Promise.all([makeUser(t), makeUser(t, { role: 'staff' })]);
    });
    after(() => t.close());

    test('the whole path', async () => {
      const s = await makeShowtime(t, {
        startsAt: new Date(t.clock.now().getTime() + 3 * 60 * MINUTE),
        prices: { standard: 1250 },
      });
      const seats = [s.seat('B', 4).id, s.seat('B', 5).id];
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: alice.token,
        payload: { showtimeId: s.showtimeId, seatIds: seats },
      });
      assert.equal(held.status, 201);
      const paid = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${held.body.id}/payments`,
        token: alice.token,
        headers: { 'idempotency-key': `path-${held.body.id}` },
        payload: { card: card() },
      });
      assert.equal(paid.status, 201, paid.text);
      assert.deepEqual(paid.body.payment.amount, { amount: 2500, currency: 'EUR' });
      const booking = (await t.request({ method: 'GET', url: `/api/v1/bookings/${held.body.id}`, token: alice.token }))
        .body;
      assert.equal(booking.status, 'confirmed');
      assert.equal(booking.tickets.length, 2);
      const [first, second] = booking.tickets;

      const svg = await t.request({ method: 'GET', url: `/api/v1/tickets/${first.id}/qr.svg`, token: alice.token });
      assert.equal(await decodeQr(svg.text), first.code);
      const pdf = await t.app.http.inject({
        method: 'GET',
        url: `/api/v1/bookings/${booking.id}/tickets.pdf`,
        headers: { authorization: `Bearer ${alice.token}` },
      });
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

      for (let i = 0; i < 3; i++) await t.app.runJobsOnce();
      await deliverMail(t);
      const db = t.app.platform.database.db;
      const events = await db
        .selectFrom('webhook_events')
        .select('payload')
        .where('type', '=', 'payment.succeeded')
        .execute();
      assert.ok(
        events.some((e) => (e.payload as any).data.paymentId === paid.body.payment.id),
        'the processor told us by webhook too',
      );
      const mail = await db.selectFrom('mail_outbox').selectAll().where('recipient', '=', alice.email).execute();
      assert.ok(
        mail.some(
          (m) => m.subject.startsWith('Your tickets') && m.attachments.some((a) => a.filename === 'tickets.pdf'),
        ),
      );

      assert.equal((await checkIn(t, usher, first.code)).body.code, 'checkin_not_open');
      t.clock.advance(3 * 60 * MINUTE - 30 * MINUTE);
      const scanned = await checkIn(t, usher, first.code);
      assert.equal(scanned.status, 200);
      assert.equal(scanned.body.seat.row, 'B');
      assert.equal((await checkIn(t, usher, first.code)).body.code, 'already_checked_in');

      // 30 minutes before the start the tiers give 0 %: nothing to cancel; the report shows it all.
      const late = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${booking.id}/cancel`,
        token: alice.token,
        payload: { ticketIds: [second.id] },
      });
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'cancellation_window_closed');
      const report = (
        await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/report`, token: usher.token })
      ).body;
      assert.equal(report.sold, 2);
      assert.equal(report.checkedIn, 1);
      assert.deepEqual(report.revenue, { amount: 2500, currency: 'EUR' });
    });

    test('cancelling in the 50 % tier gives half back and the report shows revenue net of it', async () => {
      const s = await makeShowtime(t, {
        startsAt: new Date(t.clock.now().getTime() + 5 * 60 * MINUTE),
        prices: { standard: 1250 },
      });
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: alice.token,
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('A', 1).id] },
      });
      const paid = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${held.body.id}/payments`,
        token: alice.token,
        payload: { card: card() },
      });
      assert.equal(paid.status, 201);
      const cancelled = await t.request({
        method: 'POST',
        url: `/api/v1/bookings/${held.body.id}/cancel`,
        token: alice.token,
        payload: {},
      });
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.refunds[0].amount.amount, 625);
      const report = (
        await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/report`, token: usher.token })
      ).body;
      assert.deepEqual(report.revenue, { amount: 625, currency: 'EUR' });
      assert.equal(report.sold, 0);
    });
  });
}
