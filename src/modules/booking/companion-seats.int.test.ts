// The companion-seat rule on every path, through HTTP on a real database: a customer never keeps a
// companion seat without an accessible seat next to it, whether seats are held, released, paid for
// or cancelled (all or some); staff may.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buy, cancel, hold, pay, processorCharges } from '../../../test/payments/payment-helpers.ts';
import { backends, realPostgres } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../../test/support/test-app.ts';
import { deleteClaims, findBooking, setBookingStatus } from './booking.store.ts';
import { checkCompanionsKept } from './companion-rule.ts';

// Row A: accessible, companion, accessible; row B: accessible, companion.
const LAYOUT = gridLayout(2, 5, {
  A1: 'accessible',
  A2: 'companion',
  A3: 'accessible',
  B1: 'accessible',
  B2: 'companion',
});

for (const backend of backends()) {
  describe(`companion seats on ${backend.name}`, () => {
    let t: TestApp;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      staff = await makeUser(t, { role: 'staff' });
    });
    after(() => t.close());

    const ticketOf = (booking: any, seatId: string): string =>
      booking.tickets.find((x: any) => x.seat.seatId === seatId).id;
    const statusOf = async (s: TestShowtime, seatId: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` })).body.seats.find(
        (x: any) => x.id === seatId,
      ).status;
    const release = (user: TestUser, bookingId: string) =>
      t.request({ method: 'DELETE', url: `/api/v1/bookings/${bookingId}`, token: user.token });

    test('a partial cancel cannot keep the companion ticket without its accessible one; both together, or the companion alone, is fine', async () => {
      const s = await makeShowtime(t, { seats: LAYOUT });
      const [b1, b2] = [s.seat('B', 1).id, s.seat('B', 2).id];
      const alice = await makeUser(t);
      const paid = (await buy(t, alice, s.showtimeId, [b1, b2])).booking;
      const refused = await cancel(t, alice, paid.id, [ticketOf(paid, b1)]);
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.body.code, 'companion_requires_accessible');
      assert.deepEqual(refused.body.seatIds, [b2]);
      assert.equal(await statusOf(s, b1), 'sold', 'nothing was cancelled');
      const tickets = (
        await t.request({ method: 'GET', url: `/api/v1/bookings/${paid.id}/tickets`, token: alice.token })
      ).body;
      assert.deepEqual(
        tickets.map((x: any) => x.status),
        ['valid', 'valid'],
      );

      // The companion seat alone may go; then the accessible one.
      assert.equal((await cancel(t, alice, paid.id, [ticketOf(paid, b2)])).status, 200);
      assert.equal((await cancel(t, alice, paid.id, [ticketOf(paid, b1)])).status, 200);

      const again = (await buy(t, alice, s.showtimeId, [b1, b2])).booking;
      const both = await cancel(t, alice, again.id, [ticketOf(again, b1), ticketOf(again, b2)]);
      assert.equal(both.status, 200, both.text);
      assert.equal(both.body.status, 'refunded');
    });

    test("an accessible seat on the companion seat's other side keeps it covered", async () => {
      const s = await makeShowtime(t, { seats: LAYOUT });
      const [a1, a2, a3] = [1, 2, 3].map((n) => s.seat('A', n).id) as [string, string, string];
      const alice = await makeUser(t);
      const paid = (await buy(t, alice, s.showtimeId, [a1, a2, a3])).booking;
      assert.equal((await cancel(t, alice, paid.id, [ticketOf(paid, a1)])).status, 200);
      const last = await cancel(t, alice, paid.id, [ticketOf(paid, a3)]);
      assert.equal(last.status, 422);
      assert.deepEqual(last.body.seatIds, [a2]);
    });

    test('staff may cancel an accessible ticket and leave its companion ticket', async () => {
      const s = await makeShowtime(t, { seats: LAYOUT });
      const [b1, b2] = [s.seat('B', 1).id, s.seat('B', 2).id];
      const alice = await makeUser(t);
      const paid = (await buy(t, alice, s.showtimeId, [b1, b2])).booking;
      const res = await cancel(t, staff, paid.id, [ticketOf(paid, b1)]);
      assert.equal(res.status, 200, res.text);
      assert.equal(await statusOf(s, b2), 'sold');
    });

    test("across bookings: the accessible seat's hold cannot be released, nor its tickets cancelled, while the companion seat is kept", async () => {
      const s = await makeShowtime(t, { seats: LAYOUT });
      const [b1, b2] = [s.seat('B', 1).id, s.seat('B', 2).id];
      const alice = await makeUser(t);
      const first = await hold(t, alice, s.showtimeId, [b1]);
      const second = await hold(t, alice, s.showtimeId, [b2]);
      const refused = await release(alice, first.id);
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.body.code, 'companion_requires_accessible');
      assert.deepEqual(refused.body.seatIds, [b2]);
      assert.equal(await statusOf(s, b1), 'held');

      // Paid in order, the accessible booking's full cancel is refused the same way.
      assert.equal((await pay(t, alice, first.id)).status, 201);
      const paid = await pay(t, alice, second.id);
      assert.equal(paid.status, 201, paid.text);
      const whole = await cancel(t, alice, first.id);
      assert.equal(whole.status, 422, whole.text);
      assert.deepEqual(whole.body.seatIds, [b2]);
      // Companion first, then the accessible seat.
      assert.equal((await cancel(t, alice, second.id)).status, 200);
      assert.equal((await cancel(t, alice, first.id)).status, 200);

      // Released in that order too, holds go; and staff may release the accessible one first.
      const h1 = await hold(t, alice, s.showtimeId, [b1]);
      const h2 = await hold(t, alice, s.showtimeId, [b2]);
      assert.equal((await release(alice, h2.id)).status, 204);
      assert.equal((await release(alice, h1.id)).status, 204);
      const h3 = await hold(t, alice, s.showtimeId, [b1]);
      await hold(t, alice, s.showtimeId, [b2]);
      assert.equal((await release(staff, h3.id)).status, 204);
    });

    test('a companion seat held next to an accessible seat of another unpaid booking cannot be paid first; nothing is charged', async () => {
      const s = await makeShowtime(t, { seats: LAYOUT });
      const [b1, b2] = [s.seat('B', 1).id, s.seat('B', 2).id];
      const alice = await makeUser(t);
      const first = await hold(t, alice, s.showtimeId, [b1]);
      const second = await hold(t, alice, s.showtimeId, [b2]);
      const charges = (await processorCharges(t)).length;
      const refused = await pay(t, alice, second.id);
      assert.equal(refused.status, 422, refused.text);
      assert.equal(refused.body.code, 'companion_requires_accessible');
      assert.deepEqual(refused.body.seatIds, [b2]);
      assert.equal((await processorCharges(t)).length, charges, 'no charge was made');
      assert.equal((await pay(t, alice, first.id)).status, 201);
      assert.equal((await pay(t, alice, second.id)).status, 201);
    });

    test('a companion hold paid for as it lapses still keeps its accessible ticket: cancelling that during the charge is refused', async () => {
      const s = await makeShowtime(t, { seats: LAYOUT });
      const [b1, b2] = [s.seat('B', 1).id, s.seat('B', 2).id];
      const alice = await makeUser(t);
      const accessible = (await buy(t, alice, s.showtimeId, [b1])).booking;
      const companion = await hold(t, alice, s.showtimeId, [b2]);
      let cancelled: TestResponse | undefined;
      const payments = t.app.modules.payments.service;
      payments.hooks.afterCharge = async () => {
        payments.hooks.afterCharge = undefined;
        // Past expires_at, nobody took the seat over: the sale below may still sell this hold.
        t.clock.advance(11 * 60_000);
        cancelled = await cancel(t, alice, accessible.id);
      };
      const paid = await pay(t, alice, companion.id);
      assert.equal(cancelled?.status, 422, cancelled?.text);
      assert.equal(cancelled?.body.code, 'companion_requires_accessible');
      assert.deepEqual(cancelled?.body.seatIds, [b2]);
      assert.equal(paid.status, 201, paid.text);
      assert.deepEqual(
        [await statusOf(s, b1), await statusOf(s, b2)],
        ['sold', 'sold'],
        'never the companion seat sold alone',
      );
    });

    test('a lapsed companion hold keeps the accessible ticket until the sweeper has cleared it', async () => {
      const s = await makeShowtime(t, { seats: LAYOUT });
      const [b1, b2] = [s.seat('B', 1).id, s.seat('B', 2).id];
      const alice = await makeUser(t);
      const accessible = (await buy(t, alice, s.showtimeId, [b1])).booking;
      await hold(t, alice, s.showtimeId, [b2]);
      t.clock.advance(11 * 60_000);
      assert.equal((await cancel(t, alice, accessible.id)).status, 422, 'a payment could still sell the lapsed hold');
      await t.app.runJobsOnce();
      const res = await cancel(t, alice, accessible.id);
      assert.equal(res.status, 200, res.text);
    });

    test('a hold counting on an accessible seat and the release of that seat never both succeed', async () => {
      const s = await makeShowtime(t, {
        seats: gridLayout(1, 10, {
          A1: 'accessible',
          A2: 'companion',
          A5: 'accessible',
          A6: 'companion',
          A9: 'accessible',
          A10: 'companion',
        }),
      });
      for (const [acc, comp] of [
        [1, 2],
        [5, 6],
        [9, 10],
      ] as const) {
        const alice = await makeUser(t);
        const first = await hold(t, alice, s.showtimeId, [s.seat('A', acc).id]);
        const [held, released] = await Promise.all([
          t.request({
            method: 'POST',
            url: '/api/v1/bookings',
            token: alice.token,
            payload: { showtimeId: s.showtimeId, seatIds: [s.seat('A', comp).id] },
          }),
          release(alice, first.id),
        ]);
        // Either the hold came first (and the release is refused) or the release did (and the hold is).
        const outcome = `${held.status}/${released.status}`;
        assert.ok(outcome === '201/422' || outcome === '422/204', `${outcome}: ${held.text} ${released.text}`);
        const companion = await statusOf(s, s.seat('A', comp).id);
        const accessible = await statusOf(s, s.seat('A', acc).id);
        assert.ok(
          companion === 'available' || accessible === 'held',
          'never a companion seat held without its accessible seat',
        );
      }
    });
  });
}

// Several connections at once: a hold that counts on an accessible seat must wait for a release of
// that seat already under way, and then see it gone.
for (const backend of realPostgres()) {
  describe(`companion seats under concurrency on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
    });
    after(() => t.close());

    test('a companion hold waits for the release of its accessible seat in flight, then is refused', async () => {
      const s = await makeShowtime(t, { seats: LAYOUT });
      const alice = await makeUser(t);
      const first = await hold(t, alice, s.showtimeId, [s.seat('B', 1).id]);
      const db = t.app.platform.database.db;
      let answer: TestResponse | undefined;
      await db.transaction().execute(async (trx) => {
        // The release's own steps, held open while the companion hold arrives.
        const b = await findBooking(trx, first.id, { lock: true });
        assert.ok(b);
        await checkCompanionsKept(
          trx,
          b,
          b.seats.map((x) => x.seatId),
        );
        const pending = t.request({
          method: 'POST',
          url: '/api/v1/bookings',
          token: alice.token,
          payload: { showtimeId: s.showtimeId, seatIds: [s.seat('B', 2).id] },
        });
        void pending.then((res) => (answer = res));
        // Until the hold either answered (it did not wait) or waits on a lock.
        await eventually(async () => {
          if (answer) return true;
          const waiting = await sql<{
            n: number;
          }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(
            db,
          );
          return (waiting.rows[0]?.n ?? 0) > 0;
        });
        await deleteClaims(trx, first.id);
        await setBookingStatus(trx, first.id, 'cancelled', t.clock.now());
      });
      await eventually(() => answer !== undefined);
      assert.equal(answer?.status, 422, answer?.text);
      assert.equal(answer?.body.code, 'companion_requires_accessible');
    });
  });
}
