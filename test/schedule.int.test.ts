// Schedule changes through HTTP: moving a showtime (start, hall, overlaps, what may not move), the
// holders' email and their full refund after a move whatever the cut-off, and extending a hold once
// (also racing the sweeper).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSeatChangeBus } from '../src/modules/booking/seat-changes.ts';
import { createHoldSweeper } from '../src/modules/booking/sweeper.job.ts';
import { localTime } from '../src/modules/tickets/tickets.module.ts';
import { buy, cancel, card, hold, pay } from './payments/payment-helpers.ts';
import { backends } from './support/backends.ts';
import { gridLayout, makeShowtime } from './support/catalog-factories.ts';
import { makeUser, type TestUser } from './support/factories.ts';
import { deliverMail } from './support/mail.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

const MINUTE = 60_000;

for (const backend of backends()) {
  describe(`schedule changes on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let alice: TestUser;
    let bob: TestUser;
    before(async () => {
      t = await startTestApp(backend, {
        env: { REFUND_CUTOFF_MINUTES: '120', HOLD_MINUTES: '10', HOLD_EXTENSION_MINUTES: '5' },
      });
      [admin, alice, bob] = await Promise.all([makeUser(t, { role: 'admin' }), makeUser(t), makeUser(t)]);
    });
    after(() => t.close());

    const db = () => t.app.platform.database.db;
    const at = (minutes: number) => new Date(t.clock.now().getTime() + minutes * MINUTE);
    const move = (id: string, payload: object, token = admin.token) =>
      t.request({ method: 'PATCH', url: `/api/v1/showtimes/${id}`, token, payload });
    const extend = (id: string, user: TestUser) =>
      t.request({ method: 'POST', url: `/api/v1/bookings/${id}/extend`, token: user.token, payload: {} });
    /** A second hall of the showtime's cinema. */
    async function otherHall(cinemaId: string) {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/cinemas/${cinemaId}/halls`,
        token: admin.token,
        payload: { name: `Second ${Math.random().toString(36).slice(2, 8)}`, layout: gridLayout(1, 4) },
      });
      assert.equal(res.status, 201, res.text);
      return res.body as { id: string };
    }

    test('moving the start: endsAt follows, reads show it; the past, a cancelled showtime and customers are refused', async () => {
      const s = await makeShowtime(t, { startsAt: at(600) });
      const movie = (await t.app.modules.catalog.service.getShowtime(s.showtimeId))?.movie;
      const hall = await db()
        .selectFrom('halls')
        .select('cleaning_minutes')
        .where('id', '=', s.hallId)
        .executeTakeFirstOrThrow();
      const runMs = ((movie?.durationMinutes ?? 0) + hall.cleaning_minutes) * MINUTE;
      const startsAt = at(900).toISOString();
      const res = await move(s.showtimeId, { startsAt });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.startsAt, startsAt);
      assert.equal(res.body.endsAt, new Date(Date.parse(startsAt) + runMs).toISOString());
      const read = await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}` });
      assert.equal(read.body.startsAt, startsAt);
      assert.equal((await t.app.modules.catalog.service.getShowtime(s.showtimeId))?.startsAt.toISOString(), startsAt);
      const events = await db()
        .selectFrom('outbox_events')
        .select('payload')
        .where('type', '=', 'showtime.moved')
        .where('aggregate_id', '=', s.showtimeId)
        .execute();
      assert.equal(events.length, 1);
      assert.deepEqual((events[0]?.payload as any).from.startsAt, s.startsAt.toISOString());

      const past = await move(s.showtimeId, { startsAt: at(-5).toISOString() });
      assert.equal(past.status, 422, past.text);
      assert.equal(past.body.code, 'validation_failed');
      assert.equal((await move(s.showtimeId, { startsAt }, alice.token)).status, 403);
      assert.equal((await move(s.showtimeId, {})).status, 422);
      const cancelled = await t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${s.showtimeId}/cancel`,
        token: admin.token,
        payload: {},
      });
      assert.equal(cancelled.status, 200, cancelled.text);
      const refused = await move(s.showtimeId, { startsAt: at(1000).toISOString() });
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.body.code, 'showtime_not_movable');
      const unknown = await move('00000000-0000-4000-8000-000000000000', { startsAt });
      assert.equal(unknown.status, 404);
    });

    test('a move onto another showtime of the hall is 409 showtime_overlap; the showtime stays', async () => {
      const a = await makeShowtime(t, { startsAt: at(2000) });
      const second = await t.request({
        method: 'POST',
        url: '/api/v1/showtimes',
        token: admin.token,
        payload: {
          movieId: a.movieId,
          hallId: a.hallId,
          startsAt: at(2400).toISOString(),
          prices: { standard: 1000 },
          currency: 'EUR',
        },
      });
      assert.equal(second.status, 201, second.text);
      const res = await move(second.body.id, { startsAt: at(2030).toISOString() });
      assert.equal(res.status, 409, res.text);
      assert.equal(res.body.code, 'showtime_overlap');
      const read = await t.request({ method: 'GET', url: `/api/v1/showtimes/${second.body.id}` });
      assert.equal(read.body.startsAt, at(2400).toISOString());
    });

    test('a new hall only while nothing is held or sold; the seat map is then the new hall', async () => {
      const s = await makeShowtime(t, { startsAt: at(3000) });
      const hall = await otherHall(s.cinemaId);
      const held = await hold(t, alice, s.showtimeId, [s.seat('A', 1).id]);
      const refused = await move(s.showtimeId, { hallId: hall.id });
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.body.code, 'showtime_has_sales');
      // The start may still move with seats held.
      assert.equal((await move(s.showtimeId, { startsAt: at(3100).toISOString() })).status, 200);
      const released = await t.request({ method: 'DELETE', url: `/api/v1/bookings/${held.id}`, token: alice.token });
      assert.equal(released.status, 204);
      // Pinned to a kept layout of the old hall (its sales since refunded): the new hall's seats count.
      const kept = await db()
        .insertInto('hall_layouts')
        .values({ hall_id: s.hallId, layout: JSON.stringify(gridLayout(3, 10)) as never, capacity: 30 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db().updateTable('showtimes').set({ layout_id: kept.id }).where('id', '=', s.showtimeId).execute();
      const res = await move(s.showtimeId, { hallId: hall.id });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.hallId, hall.id);
      assert.equal(res.body.seatsAvailable, 4);
      assert.equal(res.body.capacity, 4);
      // Holds at once know the new hall: an old hall's seat is refused, a new one's held.
      const oldSeat = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: bob.token,
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('A', 2).id] },
      });
      assert.equal(oldSeat.status, 422, oldSeat.text);
      const map = await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` });
      assert.equal(map.body.hallId, hall.id);
      await hold(t, bob, s.showtimeId, [map.body.seats[0].id]);
      const other = await makeShowtime(t, { startsAt: at(3000) });
      const foreign = await move(s.showtimeId, { hallId: other.hallId });
      assert.equal(foreign.status, 422, 'a hall of another cinema');
    });

    test('holders are emailed the new time; they may cancel in full until the new start, past the cut-off', async () => {
      const s = await makeShowtime(t, { startsAt: at(300) });
      const paid = await buy(t, alice, s.showtimeId, [s.seat('B', 1).id, s.seat('B', 2).id]);
      // A guest's booking: mailed too, with a link that opens it without an account.
      const guestEmail = `guest-${Date.now()}@example.test`;
      const guest = await t.request({
        method: 'POST',
        url: '/api/v1/guest/bookings',
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('B', 4).id], email: guestEmail, name: 'Grace' },
      });
      assert.equal(guest.status, 201, guest.text);
      const guestPaid = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${guest.body.id}/payments`,
        headers: { authorization: `Booking ${guest.body.managementToken}` },
        payload: { card: card() },
      });
      assert.equal(guestPaid.status, 201, guestPaid.text);
      t.clock.advance(MINUTE);
      const newStart = at(360);
      const res = await move(s.showtimeId, { startsAt: newStart.toISOString() });
      assert.equal(res.status, 200, res.text);
      // Bob buys after the move: the ordinary policy is his.
      const later = await buy(t, bob, s.showtimeId, [s.seat('C', 1).id]);

      await deliverMail(t);
      const box = await t.request({
        method: 'GET',
        url: `/api/v1/dev/mailbox?to=${encodeURIComponent(alice.email)}`,
        token: admin.token,
      });
      const mail = box.body.items.find((m: any) => m.subject.startsWith('New time'));
      assert.ok(mail, JSON.stringify(box.body.items.map((m: any) => m.subject)));
      assert.ok(mail.text.includes(localTime(newStart, 'Europe/Berlin')), mail.text);
      assert.ok(mail.text.includes(localTime(s.startsAt, 'Europe/Berlin')), 'the old time too');
      assert.ok(
        mail.links.some((l: string) => l.endsWith(`/bookings/${paid.booking.id}`)),
        mail.links.join(),
      );
      const bobs = await t.request({
        method: 'GET',
        url: `/api/v1/dev/mailbox?to=${encodeURIComponent(bob.email)}`,
        token: admin.token,
      });
      assert.ok(!bobs.body.items.some((m: any) => m.subject.startsWith('New time')), 'bought after the move');
      const guests = await t.request({
        method: 'GET',
        url: `/api/v1/dev/mailbox?to=${encodeURIComponent(guestEmail)}`,
        token: admin.token,
      });
      const guestMail = guests.body.items.find((m: any) => m.subject.startsWith('New time'));
      assert.ok(guestMail, JSON.stringify(guests.body.items.map((m: any) => m.subject)));
      assert.ok(
        guestMail.links.some((l: string) => l.includes(`/guest/bookings/${guest.body.id}?token=`)),
        guestMail.links.join(),
      );

      // 30 minutes before the new start: past the 120-minute cut-off.
      t.clock.set(new Date(newStart.getTime() - 30 * MINUTE));
      const shown = await t.request({ method: 'GET', url: `/api/v1/bookings/${paid.booking.id}`, token: alice.token });
      assert.deepEqual(shown.body.refundPolicy, {
        cutoffMinutes: 120,
        fullRefundUntil: newStart.toISOString(),
        reason: 'showtime_moved',
      });
      assert.equal(shown.body.refundPreview.percent, 100);
      const bobShown = await t.request({
        method: 'GET',
        url: `/api/v1/bookings/${later.booking.id}`,
        token: bob.token,
      });
      assert.deepEqual(bobShown.body.refundPolicy, { cutoffMinutes: 120 });
      assert.equal(bobShown.body.refundPreview.percent, 0);
      const closed = await cancel(t, bob, later.booking.id);
      assert.equal(closed.status, 409);
      assert.equal(closed.body.code, 'cancellation_window_closed');

      const cancelled = await cancel(t, alice, paid.booking.id);
      assert.equal(cancelled.status, 200, cancelled.text);
      assert.equal(cancelled.body.status, 'refunded');
      assert.deepEqual(cancelled.body.refunds[0].amount, paid.booking.total);
    });

    test('a hold extends once by HOLD_EXTENSION_MINUTES; the sweeper keeps it; twice, lapsed and paid are 409', async () => {
      const s = await makeShowtime(t, { startsAt: at(5000) });
      const booking = await hold(t, alice, s.showtimeId, [s.seat('A', 3).id]);
      const expiresAt = new Date(booking.expiresAt);
      assert.equal((await extend(booking.id, bob)).status, 404, "another customer's hold");
      const res = await extend(booking.id, alice);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.expiresAt, new Date(expiresAt.getTime() + 5 * MINUTE).toISOString());
      assert.equal(res.body.status, 'held');

      // Past the first expiry the sweeper runs: the seat stays held, the booking too.
      t.clock.set(new Date(expiresAt.getTime() + MINUTE));
      await t.app.runJobsOnce();
      const seats = await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` });
      assert.equal(seats.body.seats.find((x: any) => x.id === s.seat('A', 3).id).status, 'held');
      const again = await extend(booking.id, alice);
      assert.equal(again.status, 409, again.text);
      assert.equal(again.body.code, 'hold_already_extended');
      // Paid after the first expiry, within the extension: sold.
      const paidLate = await pay(t, alice, booking.id);
      assert.equal(paidLate.status, 201, paidLate.text);
      assert.equal(paidLate.body.booking.status, 'confirmed');

      const paid = await buy(t, alice, s.showtimeId, [s.seat('A', 5).id]);
      const notHeld = await extend(paid.booking.id, alice);
      assert.equal(notHeld.status, 409);
      assert.equal(notHeld.body.code, 'booking_not_payable');

      const lapsing = await hold(t, bob, s.showtimeId, [s.seat('A', 7).id]);
      t.clock.set(new Date(new Date(lapsing.expiresAt).getTime() + 1000));
      const lapsed = await extend(lapsing.id, bob);
      assert.equal(lapsed.status, 409, lapsed.text);
      assert.equal(lapsed.body.code, 'booking_expired');
    });

    test("reads show holdExtendedAt; a guest extends with its token once, another booking's token is 404", async () => {
      const s = await makeShowtime(t, { startsAt: at(7000) });
      const read = (id: string) => t.request({ method: 'GET', url: `/api/v1/bookings/${id}`, token: alice.token });
      const mine = await hold(t, alice, s.showtimeId, [s.seat('C', 3).id]);
      assert.equal((await read(mine.id)).body.holdExtendedAt, null);
      const extendedAt = t.clock.now().toISOString();
      const res = await extend(mine.id, alice);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.holdExtendedAt, extendedAt);
      const after = await read(mine.id);
      assert.equal(after.status, 200, after.text);
      assert.equal(after.body.holdExtendedAt, extendedAt);
      assert.equal(after.body.expiresAt, res.body.expiresAt);

      const guestHold = (seat: string) =>
        t.request({
          method: 'POST',
          url: '/api/v1/guest/bookings',
          payload: { showtimeId: s.showtimeId, seatIds: [seat], email: 'grace@example.test', name: 'Grace' },
        });
      const [g, other] = await Promise.all([guestHold(s.seat('C', 5).id), guestHold(s.seat('C', 7).id)]);
      assert.equal(g.status, 201, g.text);
      assert.equal(other.status, 201, other.text);
      const guestExtend = (id: string, token: string) =>
        t.request({
          method: 'POST',
          url: `/api/v1/guest/bookings/${id}/extend`,
          headers: { authorization: `Booking ${token}` },
          payload: {},
        });
      const wrong = await guestExtend(g.body.id, other.body.managementToken);
      assert.equal(wrong.status, 404, wrong.text);
      assert.equal(wrong.body.code, 'booking_not_found');
      const none = await t.request({ method: 'POST', url: `/api/v1/guest/bookings/${g.body.id}/extend`, payload: {} });
      assert.equal(none.status, 401, none.text);
      const ok = await guestExtend(g.body.id, g.body.managementToken);
      assert.equal(ok.status, 200, ok.text);
      assert.equal(ok.body.expiresAt, new Date(Date.parse(g.body.expiresAt) + 5 * MINUTE).toISOString());
      assert.equal(ok.body.holdExtendedAt, t.clock.now().toISOString());
      const claim = await db()
        .selectFrom('seat_claims')
        .select('expires_at')
        .where('showtime_id', '=', s.showtimeId)
        .where('seat_id', '=', s.seat('C', 5).id)
        .executeTakeFirstOrThrow();
      assert.equal(new Date(claim.expires_at as Date).toISOString(), ok.body.expiresAt);
      const twice = await guestExtend(g.body.id, g.body.managementToken);
      assert.equal(twice.status, 409, twice.text);
      assert.equal(twice.body.code, 'hold_already_extended');
      const guestRead = await t.request({
        method: 'GET',
        url: `/api/v1/guest/bookings/${g.body.id}`,
        headers: { authorization: `Booking ${g.body.managementToken}` },
      });
      assert.equal(guestRead.body.holdExtendedAt, ok.body.holdExtendedAt);
      // The other guest's hold was not touched by the refused attempt.
      const untouched = await t.request({
        method: 'GET',
        url: `/api/v1/guest/bookings/${other.body.id}`,
        headers: { authorization: `Booking ${other.body.managementToken}` },
      });
      assert.equal(untouched.body.holdExtendedAt, null);
      assert.equal(untouched.body.expiresAt, other.body.expiresAt);
    });

    test('an extension racing the sweeper: an extended hold keeps its seats until the new expiry; a swept one cannot be extended', async () => {
      const s = await makeShowtime(t, { startsAt: at(6000) });
      const { database, pubsub, logger } = t.app.platform;
      const bus = createSeatChangeBus({ pubsub, logger, onLocalChange: () => {} });
      // Another process whose clock is already past the first expiry (a minute on, well before the
      // extended one): it sweeps while this one's extension still sees the hold live.
      let ahead = new Date(0);
      const sweeper = createHoldSweeper({ database, clock: { now: () => ahead }, bus });
      const claimOf = (seat: string) =>
        db()
          .selectFrom('seat_claims')
          .select(['booking_id', 'expires_at'])
          .where('showtime_id', '=', s.showtimeId)
          .where('seat_id', '=', seat)
          .executeTakeFirst();
      const statusOf = async (id: string) =>
        await db()
          .selectFrom('bookings')
          .select(['status', 'expires_at'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      const outcomes: number[] = [];
      const rounds = ['extend first', 'sweep first', 'race', 'race reversed', 'race', 'race reversed'] as const;
      for (const [round, order] of rounds.entries()) {
        const seat = s.seat('B', round + 3).id;
        const booking = await hold(t, bob, s.showtimeId, [seat]);
        const expiresAt = new Date(booking.expiresAt);
        const extendedTo = expiresAt.getTime() + 5 * MINUTE;
        t.clock.set(new Date(expiresAt.getTime() - 1)); // the extension happens strictly before expiry
        ahead = new Date(expiresAt.getTime() + MINUTE);
        let ext: Awaited<ReturnType<typeof extend>>;
        if (order === 'extend first') {
          ext = await extend(booking.id, bob);
          await sweeper.runOnce();
        } else if (order === 'sweep first') {
          await sweeper.runOnce();
          ext = await extend(booking.id, bob);
        } else if (order === 'race') {
          [ext] = await Promise.all([extend(booking.id, bob), sweeper.runOnce()]);
        } else {
          [, ext] = await Promise.all([sweeper.runOnce(), extend(booking.id, bob)]);
        }
        outcomes.push(ext.status);
        if (order === 'extend first') assert.equal(ext.status, 200, `${order}: ${ext.text}`);
        if (order === 'sweep first') assert.equal(ext.status, 409, `${order}: ${ext.text}`);

        // Whatever won, the other process sweeps again before the extended expiry.
        await sweeper.runOnce();
        const claim = await claimOf(seat);
        const row = await statusOf(booking.id);
        if (ext.status === 200) {
          assert.equal(ext.body.expiresAt, new Date(extendedTo).toISOString(), order);
          assert.equal(row.status, 'held', order);
          assert.equal(new Date(row.expires_at).getTime(), extendedTo, order);
          // The seat is still this booking's, held until the new expiry.
          assert.equal(claim?.booking_id, booking.id, `${order}: the extended hold lost its seat`);
          assert.equal(new Date(claim?.expires_at as Date).getTime(), extendedTo, order);
          t.clock.set(ahead);
          await t.app.runJobsOnce();
          const seats = await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` });
          assert.equal(seats.body.seats.find((x: any) => x.id === seat).status, 'held', order);
          assert.equal((await extend(booking.id, bob)).body.code, 'hold_already_extended', order);
          // At the new expiry it goes, as any hold.
          t.clock.set(new Date(extendedTo));
          await t.app.runJobsOnce();
          assert.equal(await claimOf(seat), undefined, order);
        } else {
          assert.equal(ext.status, 409, `${order}: ${ext.text}`);
          assert.equal(ext.body.code, 'booking_expired', order);
          assert.equal(claim, undefined, order);
          assert.equal(row.status, 'expired', order);
          assert.equal(new Date(row.expires_at).getTime(), expiresAt.getTime(), `${order}: a swept hold moved`);
          // Swept: still not extendable, even by a clock that thinks it is live.
          const again = await extend(booking.id, bob);
          assert.equal(again.status, 409, again.text);
          assert.equal(again.body.code, 'booking_expired', order);
        }
      }
      assert.ok(outcomes.includes(200) && outcomes.includes(409), `both outcomes: ${outcomes.join(', ')}`);
    });
  });
}
