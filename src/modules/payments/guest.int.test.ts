// Guest checkout through HTTP on a real database: a guest books, pays, reads, downloads and cancels
// with the management token alone; tokens open their own booking only; the per-email seat cap, the
// per-address rate limit and the same-site rule hold; and a later account with the same email gets
// the guest's bookings once (and only once) that email is verified.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { card } from '../../../test/payments/payment-helpers.ts';
import { login, mailedToken, mailsTo, registerUser, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { GUEST_BOOKINGS_PER_EMAIL } from './guest.routes.ts';

const address = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

for (const backend of backends()) {
  describe(`guest checkout on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { MAX_SEATS_PER_CUSTOMER: '3', RATE_LIMIT_PER_MINUTE: '5' } });
    });
    after(() => t.close());

    const guestHold = (
      payload: Record<string, unknown>,
      headers: Record<string, string> = {},
      remoteAddress: string = address(),
    ) => t.request({ method: 'POST', url: '/api/v1/guest/bookings', payload, headers, remoteAddress });
    const asGuest = (token: string) => ({ authorization: `Booking ${token}` });

    async function guestBooking(seatCount = 2, email = uniqueEmail('guest')) {
      const s = await makeShowtime(t);
      const seatIds = Array.from({ length: seatCount }, (_, i) => s.seat('A', i + 1).id);
      const res = await guestHold({ showtimeId: s.showtimeId, seatIds, email, name: 'Grace Hopper' });
      assert.equal(res.status, 201, res.text);
      return { s, email, booking: res.body, token: res.body.managementToken as string };
    }

    test('a guest books, pays, reads, downloads and cancels with the token; the email links back', async () => {
      const { s, email, booking, token } = await guestBooking(2, uniqueEmail('Guest').replace('guest', 'GUEST'));
      assert.equal(booking.status, 'held');
      assert.equal(booking.userId, null);
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      const stored = await t.app.platform.database.db
        .selectFrom('guest_booking_tokens')
        .select('token_hash')
        .where('booking_id', '=', booking.id)
        .execute();
      assert.equal(stored.length, 1);
      assert.ok(!Buffer.from(stored[0]!.token_hash).toString('base64url').includes(token), 'stored hashed');

      const paid = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${booking.id}/payments`,
        headers: asGuest(token),
        payload: { card: card() },
      });
      assert.equal(paid.status, 201, paid.text);
      assert.equal(paid.body.booking.status, 'confirmed');
      assert.equal(paid.body.booking.tickets.length, 2);

      const read = await t.request({
        method: 'GET',
        url: `/api/v1/guest/bookings/${booking.id}`,
        headers: { 'booking-token': token },
      });
      assert.equal(read.status, 200, read.text);
      assert.equal(read.body.refundPreview.percent, 100);
      assert.equal(read.headers['cache-control'], 'no-store', 'a guest booking is kept by no cache');

      const pdf = await t.request({
        method: 'GET',
        url: `/api/v1/guest/bookings/${booking.id}/tickets.pdf`,
        headers: asGuest(token),
      });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const qr = await t.request({
        method: 'GET',
        url: `/api/v1/guest/bookings/${booking.id}/tickets/${paid.body.booking.tickets[0].id}/qr.svg`,
        headers: asGuest(token),
      });
      assert.equal(qr.status, 200);
      assert.match(qr.text, /<svg/);

      // The confirmation goes to the guest (lower-cased), with a link whose own token works too.
      const mail = (await mailsTo(t, email.toLowerCase()))[0];
      assert.ok(mail, 'a confirmation was mailed');
      assert.match(mail.subject, /Your tickets/);
      const linked = await mailedToken(t, email.toLowerCase(), `/guest/bookings/${booking.id}`);
      assert.notEqual(linked, token);
      const outbox = JSON.stringify(
        await t.app.platform.database.db
          .selectFrom('outbox_events')
          .select('payload')
          .where('aggregate_id', '=', booking.id)
          .execute(),
      );
      assert.ok(!outbox.includes(token) && !outbox.includes(linked), 'no token in the events');

      const cancelled = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${booking.id}/cancel`,
        headers: asGuest(linked),
      });
      assert.equal(cancelled.status, 200, cancelled.text);
      assert.equal(cancelled.body.status, 'refunded');
      assert.equal(cancelled.body.refunds[0].amount.amount, paid.body.booking.total.amount);
      const seats = (await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` })).body.seats;
      assert.equal(seats.find((x: any) => x.id === booking.seats[0].seatId).status, 'available');
    });

    test('a token opens its own booking only; none is 401, a wrong one 404 booking_not_found', async () => {
      const a = await guestBooking(1);
      const b = await guestBooking(1);
      const urls = (id: string) => [
        ['GET', `/api/v1/guest/bookings/${id}`],
        ['GET', `/api/v1/guest/bookings/${id}/tickets.pdf`],
        ['POST', `/api/v1/guest/bookings/${id}/payments`],
        ['POST', `/api/v1/guest/bookings/${id}/cancel`],
        ['DELETE', `/api/v1/guest/bookings/${id}`],
      ];
      for (const [method, url] of urls(b.booking.id)) {
        const payload = method === 'POST' ? { card: card() } : undefined;
        const other = await t.request({ method: method as 'GET', url: url!, headers: asGuest(a.token), payload });
        assert.equal(other.status, 404, `${method} ${url} with another booking's token`);
        assert.equal(other.body.code, 'booking_not_found');
        const none = await t.request({ method: method as 'GET', url: url!, payload });
        assert.equal(none.status, 401, `${method} ${url} without a token`);
        const forged = await t.request({
          method: method as 'GET',
          url: url!,
          headers: asGuest(randomBytes(32).toString('base64url')),
          payload,
        });
        assert.equal(forged.status, 404);
      }
      // A guest booking is not an account's either, and a session token is no management token.
      const user = await registerUser(t);
      const session = (await login(t, user.email, user.password)).body.token;
      const asUser = await t.request({ method: 'GET', url: `/api/v1/bookings/${b.booking.id}`, token: session });
      assert.equal(asUser.status, 404);
      const bearer = await t.request({ method: 'GET', url: `/api/v1/guest/bookings/${b.booking.id}`, token: session });
      assert.equal(bearer.status, 401);
      // Release with its own token works; the booking is then cancelled.
      const released = await t.request({
        method: 'DELETE',
        url: `/api/v1/guest/bookings/${b.booking.id}`,
        headers: asGuest(b.token),
      });
      assert.equal(released.status, 204);
      const read = await t.request({
        method: 'GET',
        url: `/api/v1/guest/bookings/${b.booking.id}`,
        headers: asGuest(b.token),
      });
      assert.equal(read.body.status, 'cancelled');
    });

    test('the seat cap counts per email and showtime, whatever its case', async () => {
      const s = await makeShowtime(t);
      const email = uniqueEmail('cap');
      const first = await guestHold({
        showtimeId: s.showtimeId,
        seatIds: [s.seat('B', 1).id, s.seat('B', 2).id],
        email,
        name: 'Cap',
      });
      assert.equal(first.status, 201, first.text);
      const over = await guestHold({
        showtimeId: s.showtimeId,
        seatIds: [s.seat('B', 3).id, s.seat('B', 4).id],
        email: email.toUpperCase(),
        name: 'Cap',
      });
      assert.equal(over.status, 409, over.text);
      assert.equal(over.body.code, 'seat_limit_reached');
      const other = await guestHold({
        showtimeId: s.showtimeId,
        seatIds: [s.seat('B', 3).id, s.seat('B', 4).id],
        email: uniqueEmail('cap'),
        name: 'Other',
      });
      assert.equal(other.status, 201, other.text);
    });

    test('bad input is 422; other sites are 403; one address is rate limited', async () => {
      const s = await makeShowtime(t);
      const seatIds = [s.seat('C', 1).id];
      const bad = await guestHold({ showtimeId: s.showtimeId, seatIds, email: 'not-an-email', name: 'X' });
      assert.equal(bad.status, 422);
      const nameless = await guestHold({ showtimeId: s.showtimeId, seatIds, email: uniqueEmail(), name: ' ' });
      assert.equal(nameless.status, 422);
      const both = await guestHold({
        showtimeId: s.showtimeId,
        seatIds,
        seats: [{ seatId: seatIds[0], ticketType: 'adult' }],
        email: uniqueEmail(),
        name: 'X',
      });
      assert.equal(both.status, 422);
      const neither = await guestHold({ showtimeId: s.showtimeId, email: uniqueEmail(), name: 'X' });
      assert.equal(neither.status, 422);
      const body = { showtimeId: s.showtimeId, seatIds, email: uniqueEmail(), name: 'X' };
      const evil = await guestHold(body, { origin: 'https://evil.example' });
      assert.equal(evil.status, 403);
      assert.equal(evil.body.code, 'csrf_rejected');
      const crossSite = await guestHold(body, { 'sec-fetch-site': 'cross-site' });
      assert.equal(crossSite.status, 403);
      const ours = await guestHold(body, { origin: new URL(t.config.publicUrl).origin });
      assert.equal(ours.status, 201, ours.text);

      const ip = address();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await guestHold(
          { showtimeId: s.showtimeId, seatIds: [s.seat('C', i + 2).id], email: uniqueEmail(), name: 'Rate' },
          {},
          ip,
        );
        statuses.push(res.status);
        if (res.status === 429) assert.ok(res.headers['retry-after']);
      }
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429]);
    });

    test('a verified account with the same email gets the guest bookings; an unverified one does not', async () => {
      const { booking, email } = await guestBooking(1);
      const user = await registerUser(t, { email: email.toUpperCase() });
      const session = (await login(t, user.email, user.password)).body.token;
      const mine = async () =>
        (await t.request({ method: 'GET', url: '/api/v1/bookings', token: session })).body.items.map((b: any) => b.id);
      await mailsTo(t, email);
      await t.app.runJobsOnce();
      assert.deepEqual(await mine(), [], 'not before the email is verified');

      const verify = await mailedToken(t, email, '/verify-email');
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: verify } });
      assert.equal(res.status, 204);
      await eventually(
        async () => {
          await t.app.runJobsOnce();
          return (await mine()).includes(booking.id);
        },
        20_000,
        25,
        'guest booking attached',
      );
      const own = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: session });
      assert.equal(own.body.userId, user.id);
      // Erasing the account erases the guest address the booking was made with too.
      const erased = await t.request({
        method: 'DELETE',
        url: '/api/v1/me',
        token: session,
        payload: { password: user.password },
      });
      assert.equal(erased.status, 204, erased.text);
      const row = () =>
        t.app.platform.database.db
          .selectFrom('bookings')
          .select(['guest_email', 'guest_name'])
          .where('id', '=', booking.id)
          .executeTakeFirstOrThrow();
      await eventually(
        async () => {
          await t.app.runJobsOnce();
          return (await row()).guest_email === null;
        },
        20_000,
        25,
        'guest address erased',
      );
      assert.equal((await row()).guest_name, null);
    });

    test(`one email starts at most ${GUEST_BOOKINGS_PER_EMAIL} guest bookings in the window, from any address`, async () => {
      const s = await makeShowtime(t);
      const email = uniqueEmail('flood');
      const statuses: number[] = [];
      for (let i = 0; i <= GUEST_BOOKINGS_PER_EMAIL; i++) {
        const res = await guestHold({
          showtimeId: s.showtimeId,
          seatIds: [s.seats[i]!.id],
          email: i % 2 ? email.toUpperCase() : email,
          name: 'Flood',
        });
        statuses.push(res.status);
        if (res.status === 429) assert.ok(res.headers['retry-after']);
      }
      assert.ok(!statuses.slice(0, -1).includes(429), String(statuses));
      assert.equal(statuses.at(-1), 429);
      const other = await guestHold({
        showtimeId: s.showtimeId,
        seatIds: [s.seat('C', 10).id],
        email: uniqueEmail('flood'),
        name: 'Other',
      });
      assert.equal(other.status, 201, other.text);
    });

    test('a guest holds seats with ticket types and pays the child price', async () => {
      const s = await makeShowtime(t);
      const admin = await makeUser(t, { role: 'admin' });
      const made = await t.request({
        method: 'POST',
        url: `/api/v1/cinemas/${s.cinemaId}/ticket-types`,
        token: admin.token,
        payload: { code: 'child', names: { en: 'Child' }, maxAge: 11 },
      });
      assert.equal(made.status, 201, made.text);
      const priced = await t.request({
        method: 'PUT',
        url: `/api/v1/showtimes/${s.showtimeId}/prices`,
        token: admin.token,
        payload: { ticketPrices: { child: { standard: 700 } } },
      });
      assert.equal(priced.status, 200, priced.text);
      const res = await guestHold({
        showtimeId: s.showtimeId,
        seats: [
          { seatId: s.seat('A', 1).id, ticketType: 'child' },
          { seatId: s.seat('A', 2).id, ticketType: 'adult' },
        ],
        email: uniqueEmail('family'),
        name: 'Family',
      });
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(
        res.body.seats.map((x: any) => x.ticketType),
        ['child', 'adult'],
      );
      assert.equal(res.body.total.amount, 700 + 1200);
      const unknown = await guestHold({
        showtimeId: s.showtimeId,
        seats: [{ seatId: s.seat('A', 3).id, ticketType: 'pirate' }],
        email: uniqueEmail('family'),
        name: 'Family',
      });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.code, 'ticket_type_unknown');
    });

    test("a guest booking confirmed with a verified account's address is attached, tickets and all", async () => {
      const user = await registerUser(t);
      const email = user.email.toLowerCase();
      const verify = await mailedToken(t, email, '/verify-email');
      assert.equal(
        (await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: verify } })).status,
        204,
      );
      const session = (await login(t, user.email, user.password)).body.token;
      const { booking, token } = await guestBooking(1, email.toUpperCase());
      await t.app.runJobsOnce();
      const paid = await t.request({
        method: 'POST',
        url: `/api/v1/guest/bookings/${booking.id}/payments`,
        headers: asGuest(token),
        payload: { card: card() },
      });
      assert.equal(paid.status, 201, paid.text);
      const own = () => t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: session });
      await eventually(
        async () => {
          await t.app.runJobsOnce();
          return (await own()).status === 200;
        },
        20_000,
        25,
        'confirmed guest booking attached',
      );
      assert.equal((await own()).body.userId, user.id);
      // Once more changes nothing (idempotent), and the account sees tickets, QR codes and the PDF.
      assert.deepEqual(await t.app.modules.booking.guests.attach(user.id, email), []);
      const tickets = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}/tickets`, token: session });
      assert.equal(tickets.status, 200, tickets.text);
      const ticketId = (tickets.body.items ?? tickets.body)[0].id;
      const qr = await t.request({ method: 'GET', url: `/api/v1/tickets/${ticketId}/qr.svg`, token: session });
      assert.equal(qr.status, 200, qr.text);
      const pdf = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}/tickets.pdf`, token: session });
      assert.equal(pdf.status, 200, pdf.text);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
    });

    test('{} confirms a booking with nothing due (provider none; its receipt names only the gift card), 422 while something is', async () => {
      const gc = t.app.modules.giftcards.service;
      const issue = { currency: 'EUR', channel: 'online', method: 'card', sealForMail: false } as const;
      const giftCard = async (amount: number) =>
        (await t.app.platform.database.db.transaction().execute((trx) => gc.issue(trx, { ...issue, amount }))).code;
      const { s, booking, token } = await guestBooking(1);
      const [user, admin] = await Promise.all([makeUser(t), makeUser(t, { role: 'admin' })]);
      // Receipts name the seller: the cinema's tax settings.
      const taxRates = { tickets: 7, default: 19 };
      const payload = { country: 'DE', legalName: 'Kino', legalAddress: 'Berlin', taxRates };
      const tax = await t.request({
        method: 'PUT',
        url: `/api/v1/cinemas/${s.cinemaId}/tax`,
        token: admin.token,
        payload,
      });
      assert.equal(tax.status, 200, tax.text);
      const own = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: user.token,
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('A', 2).id] },
      });
      assert.equal(own.status, 201, own.text);
      for (const [base, who, due] of [
        [`/api/v1/guest/bookings/${booking.id}`, { headers: asGuest(token) }, booking.total.amount],
        [`/api/v1/bookings/${own.body.id}`, { token: user.token }, own.body.total.amount],
      ] as const) {
        const nothing = await t.request({ method: 'POST', url: `${base}/payments`, payload: {}, ...who });
        assert.equal(nothing.status, 422, nothing.text);
        assert.equal(nothing.body.code, 'payment_method_required');
        assert.deepEqual(nothing.body.due, { amount: due, currency: 'EUR' });
        const code = await giftCard(due + 500);
        const applied = await t.request({ method: 'POST', url: `${base}/gift-cards`, payload: { code }, ...who });
        assert.equal(applied.body.priceBreakdown?.due.amount, 0, applied.text);
        const paid = await t.request({ method: 'POST', url: `${base}/payments`, payload: {}, ...who });
        assert.equal(paid.status, 201, paid.text);
        assert.equal(paid.body.booking.status, 'confirmed');
        assert.deepEqual(paid.body.payment.amount, { amount: 0, currency: 'EUR' });
        const receipt = await t.request({ method: 'GET', url: `${base}/receipt`, ...who });
        assert.equal(receipt.status, 200, receipt.text);
        const giftCardOnly = [{ method: 'gift_card', provider: null, amount: { amount: due, currency: 'EUR' } }];
        assert.deepEqual(receipt.body.tenders, giftCardOnly);
      }
    });
  });
}
