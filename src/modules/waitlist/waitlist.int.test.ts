// The waiting list through HTTP on a real database: joining only a sold-out showtime, one live place
// per account or address, offers in line order to the first entry whose seats fit (side by side),
// by email and in the app, from every way seats come back (release, expiry, refund, unblock), an
// unclaimed offer passing to the next, leaving (a guest with the entry's token), and paying an offer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buy, cancel, hold, pay } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { deliverMail } from '../../../test/support/mail.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`waiting list on ${backend.name}`, () => {
    let t: TestApp;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      staff = await makeUser(t, { role: 'staff' });
    });
    after(() => t.close());

    const join = (s: TestShowtime, seats: number, user?: TestUser, extra: Record<string, unknown> = {}) =>
      t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${s.showtimeId}/waitlist`,
        ...(user ? { token: user.token } : {}),
        payload: { seats, ...extra },
      });
    const entries = async (user: TestUser) => {
      const res = await t.request({ method: 'GET', url: '/api/v1/waitlist', token: user.token });
      assert.equal(res.status, 200, res.text);
      return res.body.items as any[];
    };
    const entryOf = async (user: TestUser, id: string) => (await entries(user)).find((e) => e.id === id);
    /** Runs jobs (events, queue) until the entry reads `status`. */
    const until = (user: TestUser, id: string, status: string) =>
      eventually(
        async () => {
          await t.app.runJobsOnce();
          return (await entryOf(user, id))?.status === status;
        },
        30_000,
        25,
        `entry ${status}`,
      );
    /** A showtime of one row of `n` seats, all held by a fresh customer: sold out. */
    const soldOut = async (n = 4) => {
      const s = await makeShowtime(t, { seats: gridLayout(1, n) });
      const owner = await makeUser(t);
      const booking = await hold(
        t,
        owner,
        s.showtimeId,
        s.seats.map((x) => x.id),
      );
      return { s, owner, booking };
    };
    const release = (user: TestUser, bookingId: string) =>
      t.request({ method: 'DELETE', url: `/api/v1/bookings/${bookingId}`, token: user.token });

    test('joining: only when sold out, one live place each, 422 for a guest without email', async () => {
      const open = await makeShowtime(t, { seats: gridLayout(1, 4) });
      const customer = await makeUser(t);
      const notSoldOut = await join(open, 2, customer);
      assert.equal(notSoldOut.status, 409, notSoldOut.text);
      assert.equal(notSoldOut.body.code, 'showtime_not_sold_out');
      assert.equal(notSoldOut.body.seatsAvailable, 4);

      const { s } = await soldOut();
      const first = await join(s, 2, customer);
      assert.equal(first.status, 201, first.text);
      assert.equal(first.body.status, 'waiting');
      assert.equal(first.body.position, 1);
      assert.equal(first.body.offer, null);
      const again = await join(s, 1, customer);
      assert.equal(again.status, 409);
      assert.equal(again.body.code, 'already_on_waitlist');
      assert.equal(again.body.entryId, first.body.id);
      const second = await join(s, 1, await makeUser(t));
      assert.equal(second.body.position, 2);

      const noEmail = await join(s, 1);
      assert.equal(noEmail.status, 422, noEmail.text);
      const tooMany = await join(s, 11, customer);
      assert.equal(tooMany.status, 422);
      const unknown = await t.request({
        method: 'POST',
        url: '/api/v1/showtimes/00000000-0000-4000-8000-000000000000/waitlist',
        token: customer.token,
        payload: { seats: 1 },
      });
      assert.equal(unknown.status, 404);
      assert.deepEqual(
        (await entries(customer)).map((e) => e.id),
        [first.body.id],
      );
    });

    test('a release offers the first entry whose seats fit, side by side, held for WAITLIST_OFFER_MINUTES, by email and in the app', async () => {
      const { s, owner, booking } = await soldOut(4);
      const big = await makeUser(t);
      const small = await makeUser(t, { email: `small-${Date.now()}@example.test` });
      const bigEntry = (await join(s, 3, big)).body;
      const smallEntry = (await join(s, 1, small)).body;
      // All four come back, and three are taken again before the offers run: only A4 is free then,
      // too few for the first in line (3), enough for the second (1).
      assert.equal((await release(owner, booking.id)).status, 204);
      await hold(t, owner, s.showtimeId, [s.seat('A', 1).id, s.seat('A', 2).id, s.seat('A', 3).id]);
      await until(small, smallEntry.id, 'offered');
      assert.equal((await entryOf(big, bigEntry.id)).status, 'waiting');
      assert.equal((await entryOf(big, bigEntry.id)).position, 1);
      const offer = (await entryOf(small, smallEntry.id)).offer;
      const bookings = await t.request({ method: 'GET', url: '/api/v1/bookings', token: small.token });
      const held = bookings.body.items.find((b: any) => b.id === offer.bookingId);
      assert.equal(held.status, 'held');
      assert.deepEqual(
        held.seats.map((x: any) => x.seatId),
        [s.seat('A', 4).id],
      );
      assert.equal(offer.expiresAt, new Date(t.clock.now().getTime() + 15 * 60_000).toISOString());
      assert.equal(held.expiresAt, offer.expiresAt);

      await deliverMail(t);
      const mails = await t.app.platform.database.db
        .selectFrom('mail_outbox')
        .select(['recipient', 'subject', 'text_body'])
        .where('recipient', '=', small.email)
        .execute();
      const mail = mails.find((m) => m.subject.startsWith('Seats for you'));
      assert.ok(mail, JSON.stringify(mails));
      assert.match(mail!.text_body, new RegExp(`/bookings/${offer.bookingId}`));
    });

    test('an unclaimed offer lapses and passes to the next in line; paying an offer claims it; leaving gives it up', async () => {
      const { s, owner, booking } = await soldOut(2);
      const [first, second, third] = [await makeUser(t), await makeUser(t), await makeUser(t)];
      const e1 = (await join(s, 2, first)).body;
      const e2 = (await join(s, 2, second)).body;
      const e3 = (await join(s, 2, third)).body;
      assert.equal((await release(owner, booking.id)).status, 204);
      await until(first, e1.id, 'offered');
      assert.equal((await entryOf(second, e2.id)).position, 1);

      // Past WAITLIST_OFFER_MINUTES: the hold lapses (the sweeper frees it) and the next is offered.
      t.clock.advance(16 * 60_000);
      await until(second, e2.id, 'offered');
      assert.equal((await entryOf(first, e1.id)).status, 'expired');
      const offer2 = (await entryOf(second, e2.id)).offer;
      const seats = (
        await t.request({ method: 'GET', url: `/api/v1/bookings/${offer2.bookingId}`, token: second.token })
      ).body.seats
        .map((x: any) => x.seatId)
        .sort();
      assert.deepEqual(seats, s.seats.map((x) => x.id).sort());

      // The second gives it up by leaving: the third is offered.
      const left = await t.request({ method: 'DELETE', url: `/api/v1/waitlist/${e2.id}`, token: second.token });
      assert.equal(left.status, 204, left.text);
      assert.equal((await entryOf(second, e2.id)).status, 'cancelled');
      await until(third, e3.id, 'offered');
      const offer3 = (await entryOf(third, e3.id)).offer;
      const paid = await pay(t, third, offer3.bookingId);
      assert.equal(paid.status, 201, paid.text);
      // Leaving right after paying, before the claim is recorded: the paid offer counts as claimed.
      const leftPaid = await t.request({ method: 'DELETE', url: `/api/v1/waitlist/${e3.id}`, token: third.token });
      assert.equal(leftPaid.status, 204, leftPaid.text);
      assert.equal((await entryOf(third, e3.id)).status, 'claimed');
      await until(third, e3.id, 'claimed');
      // Someone else's entry is not found; leaving twice is fine.
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/waitlist/${e3.id}`, token: first.token })).status,
        404,
      );
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/waitlist/${e1.id}`, token: first.token })).status,
        204,
      );
    });

    test('a guest reads and leaves their entry with the token the join answered; leaving gives an offer up', async () => {
      const { s, owner, booking } = await soldOut(2);
      const guest = await join(s, 2, undefined, { email: `leaver-${Date.now()}@example.test` });
      assert.equal(guest.status, 201, guest.text);
      const token = guest.body.guestToken as string;
      assert.match(token, /^[\w-]{40,}$/);
      const next = await makeUser(t);
      const account = await join(s, 2, next);
      assert.equal('guestToken' in account.body, false, 'an account has its session');
      const other = (await join(s, 1, undefined, { email: `other-${Date.now()}@example.test` })).body;
      const url = `/api/v1/guest/waitlist/${guest.body.id}`;
      const read = (headers: Record<string, string>, at = url) => t.request({ method: 'GET', url: at, headers });

      const mine = await read({ authorization: `Waitlist ${token}` });
      assert.equal(mine.status, 200, mine.text);
      assert.deepEqual([mine.body.status, mine.body.position, mine.body.guestToken], ['waiting', 1, undefined]);
      assert.equal((await read({})).status, 401);
      assert.equal((await read({ 'waitlist-token': `${token}x` })).status, 404);
      assert.equal((await read({ 'waitlist-token': token }, `/api/v1/guest/waitlist/${other.id}`)).status, 404);
      assert.equal((await read({ 'waitlist-token': other.guestToken })).status, 404, "another entry's token");
      const leave = (headers: Record<string, string>) => t.request({ method: 'DELETE', url, headers });
      assert.equal((await leave({ 'waitlist-token': other.guestToken })).status, 404);
      assert.equal((await leave({})).status, 401);

      assert.equal((await release(owner, booking.id)).status, 204);
      await eventually(
        async () => {
          await t.app.runJobsOnce();
          return (await read({ 'waitlist-token': token })).body.status === 'offered';
        },
        30_000,
        25,
        'guest offered',
      );
      const left = await leave({ 'waitlist-token': token });
      assert.equal(left.status, 204, left.text);
      assert.equal((await read({ 'waitlist-token': token })).body.status, 'cancelled');
      await until(next, account.body.id, 'offered');
      assert.equal((await leave({ authorization: `Waitlist ${token}` })).status, 204, 'leaving twice is fine');
    });

    test('guest joins are limited per email and per client address (429 rate_limited, Retry-After); accounts are not', async () => {
      // Sold (not held), so it stays sold out while the clock moves on.
      const s = await makeShowtime(t, { seats: gridLayout(1, 1) });
      await buy(t, await makeUser(t), s.showtimeId, [s.seat('A', 1).id]);
      t.clock.advance(10 * 60_000);
      const email = `limited-${Date.now()}@example.test`;
      for (let i = 0; i < 5; i++) assert.notEqual((await join(s, 1, undefined, { email })).status, 429);
      const perEmail = await join(s, 1, undefined, { email: email.toUpperCase() });
      assert.equal(perEmail.status, 429, perEmail.text);
      assert.equal(perEmail.body.code, 'rate_limited');
      assert.ok(Number(perEmail.headers['retry-after']) > 0);

      t.clock.advance(10 * 60_000);
      for (let i = 0; i < 30; i++) {
        const res = await join(s, 1, undefined, { email: `many-${i}-${Date.now()}@example.test` });
        assert.equal(res.status, 201, res.text);
      }
      const perAddress = await join(s, 1, undefined, { email: `one-more-${Date.now()}@example.test` });
      assert.equal(perAddress.status, 429, perAddress.text);
      assert.ok(Number(perAddress.headers['retry-after']) > 0);
      assert.equal((await join(s, 1, await makeUser(t))).status, 201);
      t.clock.advance(60_000);
      assert.equal((await join(s, 1, undefined, { email: `later-${Date.now()}@example.test` })).status, 201);
    });

    test('seats back from a refund and from a lifted block are offered; a guest gets the offer by email', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 2) });
      const buyer = await makeUser(t);
      const sold = await buy(t, buyer, s.showtimeId, [s.seat('A', 1).id]);
      const blocked = await t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks`,
        token: staff.token,
        payload: { seatIds: [s.seat('A', 2).id], reason: 'house seat' },
      });
      assert.equal(blocked.status, 201, blocked.text);
      const guestEmail = `guest-${Date.now()}@example.test`;
      // Issue 20: the guest joined in German, so the offer's booking and its email speak German.
      const guest = await join(s, 1, undefined, { email: guestEmail, name: 'Gus Guest', language: 'de' });
      assert.equal(guest.status, 201, guest.text);
      const customer = await makeUser(t);
      const entry = (await join(s, 1, customer)).body;

      const unblocked = await t.request({
        method: 'DELETE',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks`,
        token: staff.token,
        payload: { seatIds: [s.seat('A', 2).id] },
      });
      assert.ok(unblocked.status < 300, unblocked.text);
      await deliverMail(t);
      const db = t.app.platform.database.db;
      const guestRow = await db
        .selectFrom('waitlist_entries')
        .selectAll()
        .where('id', '=', guest.body.id)
        .executeTakeFirstOrThrow();
      assert.equal(guestRow.status, 'offered');
      const mail = await db
        .selectFrom('mail_outbox')
        .select(['subject', 'text_body'])
        .where('recipient', '=', guestEmail)
        .executeTakeFirst();
      assert.ok(mail?.subject.startsWith('Plätze für Sie'), JSON.stringify(mail));
      const held = await db
        .selectFrom('bookings')
        .select('language')
        .where('id', '=', guestRow.booking_id!)
        .executeTakeFirstOrThrow();
      assert.equal(held.language, 'de');
      assert.match(mail!.text_body, new RegExp(`/guest/bookings/${guestRow.booking_id}\\?token=`));
      assert.equal((await entryOf(customer, entry.id)).status, 'waiting');

      const refunded = await cancel(t, buyer, sold.booking.id);
      assert.equal(refunded.status < 300, true, refunded.text);
      await until(customer, entry.id, 'offered');
      const offer = (await entryOf(customer, entry.id)).offer;
      const b = await t.request({ method: 'GET', url: `/api/v1/bookings/${offer.bookingId}`, token: customer.token });
      assert.deepEqual(
        b.body.seats.map((x: any) => x.seatId),
        [s.seat('A', 1).id],
      );
    });
  });
}
