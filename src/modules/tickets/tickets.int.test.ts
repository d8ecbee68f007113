// Tickets and check-in through HTTP on a real database: QR codes that decode back to the code, PDFs
// that parse, the door's rules (window, first scan, second scan, void, forged), two ushers at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buy, cancel, checkIn } from '../../../test/payments/payment-helpers.ts';
import { decodeQr } from '../../../test/payments/qr-decode.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const MINUTE = 60_000;

for (const backend of backends()) {
  describe(`tickets and check-in on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let usher: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { CHECKIN_OPENS_MINUTES: '60' } });
      [alice, bob, usher] = await Promise.all([makeUser(t), makeUser(t), makeUser(t, { role: 'staff' })]);
    });
    after(() => t.close());

    /** A showtime starting `minutes` from now, with tickets bought by alice. */
    async function paidShowtime(minutes: number, seats = 2) {
      const s = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + minutes * MINUTE) });
      const paid = await buy(
        t,
        alice,
        s.showtimeId,
        s.seats.slice(0, seats).map((x) => x.id),
      );
      return { s, booking: paid.booking, tickets: paid.booking.tickets as any[] };
    }

    test('the QR code SVG decodes back to the ticket code; others cannot fetch it', async () => {
      const { tickets } = await paidShowtime(30, 1);
      const ticket = tickets[0];
      const res = await t.request({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/qr.svg`, token: alice.token });
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /image\/svg\+xml/);
      assert.match(res.text, /^<svg[\s\S]*<\/svg>\s*$/);
      assert.equal(await decodeQr(res.text), ticket.code);
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/qr.svg`, token: bob.token })).status,
        404,
      );
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/tickets/${ticket.id}/qr.svg`, token: usher.token })).status,
        200,
      );
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/tickets/nope/qr.svg', token: alice.token })).status,
        404,
      );
    });

    test('the PDF parses: header, trailer, one page per ticket', async () => {
      const { booking } = await paidShowtime(30, 3);
      const res = await t.app.http.inject({
        method: 'GET',
        url: `/api/v1/bookings/${booking.id}/tickets.pdf`,
        headers: { authorization: `Bearer ${alice.token}` },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.match(pdf.subarray(-32).toString('latin1'), /%%EOF\s*$/);
      const text = pdf.toString('latin1');
      assert.equal((text.match(/\/Type \/Page\b/g) ?? []).length, 3);
      assert.match(text, /\/Count 3\b/);
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}/tickets.pdf`, token: bob.token }))
          .status,
        404,
      );
      // Refunded: no ticket is good any more, so there is nothing to print.
      const later = (await paidShowtime(24 * 60, 1)).booking;
      assert.equal((await cancel(t, alice, later.id)).status, 200);
      const gone = await t.request({
        method: 'GET',
        url: `/api/v1/bookings/${later.id}/tickets.pdf`,
        token: alice.token,
      });
      assert.equal(gone.status, 404);
      assert.equal(gone.body.detail, 'No valid tickets found for this booking');
    });

    test('first scan 200 with what the usher needs, second 409 already_checked_in with the time', async () => {
      const s = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() + 30 * MINUTE) });
      // The usher checks the age rating at the door.
      await t.app.platform.database.db
        .updateTable('movies')
        .set({ age_rating: '16' })
        .where('id', '=', s.movieId)
        .execute();
      const tickets = (
        await buy(
          t,
          alice,
          s.showtimeId,
          s.seats.slice(0, 2).map((x) => x.id),
        )
      ).booking.tickets as any[];
      const ticket = tickets[0];
      // Issue 20: the door sees the booking account's avatar.
      const avatar = { url: `/media/img/${'a'.repeat(24)}-128.webp`, paths: [] };
      await t.app.platform.database.db
        .updateTable('users')
        .set({ avatar: JSON.stringify(avatar) })
        .where('id', '=', alice.id)
        .execute();
      const first = await checkIn(t, usher, ticket.code);
      assert.equal(first.status, 200, first.text);
      assert.equal(first.body.avatarUrl, avatar.url);
      assert.equal(first.body.ticket.id, ticket.id);
      assert.equal(first.body.ticket.status, 'used');
      assert.equal(first.body.showtime.id, s.showtimeId);
      assert.equal(first.body.movie.id, s.movieId);
      assert.equal(first.body.movie.ageRating, '16');
      assert.deepEqual(first.body.seat, ticket.seat);
      const second = await checkIn(t, usher, ticket.code);
      assert.equal(second.status, 409);
      assert.equal(second.body.code, 'already_checked_in');
      assert.equal(second.body.checkedInAt, first.body.ticket.checkedInAt);
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/bookings/${tickets[0].bookingId}/tickets`,
        token: alice.token,
      });
      assert.equal(list.body.find((x: any) => x.id === ticket.id).status, 'used');
      const report = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes/${s.showtimeId}/report`,
        token: usher.token,
      });
      assert.equal(report.body.checkedIn, 1);
    });

    test('answers that carry ticket codes are never cached; public catalog reads keep their own caching', async () => {
      const { booking } = await paidShowtime(30, 1);
      for (const url of [
        `/api/v1/bookings/${booking.id}`,
        `/api/v1/bookings/${booking.id}/tickets`,
        '/api/v1/bookings',
        '/api/v1/me',
      ]) {
        const res = await t.request({ method: 'GET', url, token: alice.token });
        assert.equal(res.status, 200, url);
        assert.equal(res.headers['cache-control'], 'private, no-store', url);
      }
      const catalog = await t.request({ method: 'GET', url: '/api/v1/movies', token: alice.token });
      assert.notEqual(catalog.headers['cache-control'], 'private, no-store');
    });

    test('only staff check tickets in', async () => {
      const { tickets } = await paidShowtime(30, 1);
      assert.equal((await checkIn(t, alice, tickets[0].code)).status, 403);
      assert.equal(
        (await t.request({ method: 'POST', url: '/api/v1/checkins', payload: { code: tickets[0].code } })).status,
        401,
      );
    });

    test('forged, altered and unknown codes are 404 ticket_not_found', async () => {
      const { tickets } = await paidShowtime(30, 1);
      const code: string = tickets[0].code;
      const i = 20;
      const altered = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
      for (const bad of [altered, 'MQ1.nope', 'hello', code.slice(0, -1)]) {
        const res = await checkIn(t, usher, bad);
        assert.equal(res.status, 404, bad);
        assert.equal(res.body.code, 'ticket_not_found');
      }
      assert.equal((await checkIn(t, usher, '')).status, 422);
    });

    test('check-in opens CHECKIN_OPENS_MINUTES before the start and closes at the end', async () => {
      const { tickets } = await paidShowtime(24 * 60, 1);
      const early = await checkIn(t, usher, tickets[0].code);
      assert.equal(early.status, 409);
      assert.equal(early.body.code, 'checkin_not_open');
      assert.ok(early.body.opensAt && early.body.startsAt);
      const late = await paidShowtime(90, 1);
      t.clock.advance(90 * MINUTE + 121 * MINUTE);
      const closed = await checkIn(t, usher, late.tickets[0].code);
      assert.equal(closed.status, 409);
      assert.equal(closed.body.code, 'checkin_closed');
      t.clock.advance(-(90 * MINUTE + 121 * MINUTE));
    });

    test('a cancelled ticket is 409 ticket_void', async () => {
      const { booking, tickets } = await paidShowtime(24 * 60 * 3, 2);
      const res = await cancel(t, alice, booking.id, [tickets[0].id]);
      assert.equal(res.status, 200, res.text);
      t.clock.advance(3 * 24 * 60 * MINUTE - 30 * MINUTE);
      try {
        const voided = await checkIn(t, usher, tickets[0].code);
        assert.equal(voided.status, 409);
        assert.equal(voided.body.code, 'ticket_void');
        assert.equal((await checkIn(t, usher, tickets[1].code)).status, 200);
      } finally {
        t.clock.advance(-(3 * 24 * 60 * MINUTE - 30 * MINUTE));
      }
    });

    test('two ushers scanning one ticket at the same moment: exactly one succeeds', async () => {
      const { tickets } = await paidShowtime(30, 1);
      const usher2 = await makeUser(t, { role: 'staff' });
      const scans = await Promise.all(
        Array.from({ length: 8 }, (_, i) => checkIn(t, i % 2 ? usher : usher2, tickets[0].code)),
      );
      assert.equal(scans.filter((r) => r.status === 200).length, 1, JSON.stringify(scans.map((r) => r.status)));
      for (const r of scans.filter((x) => x.status !== 200)) assert.equal(r.body.code, 'already_checked_in');
    });

    test('the signing key is public so scanners can check codes offline', async () => {
      const res = await t.request({ method: 'GET', url: '/api/v1/tickets/signing-key' });
      assert.equal(res.status, 200);
      assert.equal(res.body.algorithm, 'Ed25519');
      const { createPublicKey, verify } = await import('node:crypto');
      const { tickets } = await paidShowtime(30, 1);
      const raw = Buffer.from(tickets[0].code.slice(4), 'base64url');
      assert.ok(verify(null, raw.subarray(0, 32), createPublicKey(res.body.publicKeyPem), raw.subarray(32)));
    });
  });
}
