// The booking rules of API.md, through HTTP on a real database: holds, validation, the seat limit,
// the companion rule, expiry with a clock we move, release, listing and the staff report.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const HOLD_MS = 10 * 60_000;

for (const backend of backends()) {
  describe(`booking on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let staff: TestUser;
    before(async () => {
      t = await startTestApp(backend, { env: { MAX_SEATS_PER_CUSTOMER: '4', HOLD_MINUTES: '10' } });
      [alice, bob, staff] = await Promise.all([makeUser(t), makeUser(t), makeUser(t, { role: 'staff' })]);
    });
    after(() => t.close());

    const hold = (user: TestUser, showtimeId: string, seatIds: string[]) =>
      t.request({ method: 'POST', url: '/api/v1/bookings', token: user.token, payload: { showtimeId, seatIds } });
    const seatMap = async (showtimeId: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` })).body;
    const statusOf = async (showtimeId: string, seatId: string) =>
      (await seatMap(showtimeId)).seats.find((s: any) => s.id === seatId).status;

    test('a hold answers 201 as API.md shows, and the seat map shows the seats held', async () => {
      const s = await makeShowtime(t, {
        seats: gridLayout(2, 5, { B1: 'vip' }),
        prices: { standard: 1000, vip: 1500 },
      });
      const seats = [s.seat('A', 1).id, s.seat('B', 1).id];
      const res = await hold(alice, s.showtimeId, seats);
      assert.equal(res.status, 201, res.text);
      const b = res.body;
      assert.equal(b.status, 'held');
      assert.equal(b.showtimeId, s.showtimeId);
      assert.deepEqual(
        b.seats.map((x: any) => [x.seatId, x.row, x.number, x.type, x.price.amount, x.price.currency]),
        [
          [seats[0], 'A', 1, 'standard', 1000, 'EUR'],
          [seats[1], 'B', 1, 'vip', 1500, 'EUR'],
        ],
      );
      assert.deepEqual(b.total, { amount: 2500, currency: 'EUR' });
      assert.equal(new Date(b.expiresAt).getTime(), t.clock.now().getTime() + HOLD_MS);
      const map = await seatMap(s.showtimeId);
      assert.equal(map.showtimeId, s.showtimeId);
      assert.equal(map.hallId, s.hallId);
      assert.equal(map.seats.length, 10);
      const a1 = map.seats.find((x: any) => x.id === seats[0]);
      assert.deepEqual(Object.keys(a1).sort(), ['id', 'number', 'price', 'row', 'status', 'type', 'x', 'y']);
      assert.equal(a1.status, 'held');
      assert.deepEqual(a1.price, { amount: 1000, currency: 'EUR' });
      assert.equal(map.seats.filter((x: any) => x.status === 'available').length, 8);
      const got = await t.request({ method: 'GET', url: `/api/v1/bookings/${b.id}`, token: alice.token });
      assert.equal(got.status, 200);
      assert.deepEqual(got.body.total, b.total);
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/bookings/${b.id}`, token: bob.token })).status, 404);
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/bookings/${b.id}`, token: staff.token })).status,
        200,
      );
    });

    test('an Idempotency-Key replays the first hold instead of making a second one', async () => {
      const s = await makeShowtime(t);
      const payload = { showtimeId: s.showtimeId, seatIds: [s.seat('C', 9).id] };
      const headers = { 'idempotency-key': `hold-${s.showtimeId}` };
      const first = await t.request({ method: 'POST', url: '/api/v1/bookings', token: alice.token, payload, headers });
      const again = await t.request({ method: 'POST', url: '/api/v1/bookings', token: alice.token, payload, headers });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.equal(again.body.id, first.body.id);
      const other = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: alice.token,
        payload: { ...payload, seatIds: [s.seat('C', 8).id] },
        headers,
      });
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'idempotency_key_reused');
      const rows = await t.app.platform.database.db
        .selectFrom('bookings')
        .select('id')
        .where('showtime_id', '=', s.showtimeId)
        .execute();
      assert.equal(rows.length, 1);
    });

    test('bad requests are 422, unknown showtimes 404, cancelled or started ones 409', async () => {
      const s = await makeShowtime(t);
      const other = await makeShowtime(t);
      const a1 = s.seat('A', 1).id;
      const cases: [unknown, number, string][] = [
        [{ showtimeId: s.showtimeId, seatIds: [] }, 422, 'validation_failed'],
        [{ showtimeId: s.showtimeId, seatIds: s.seats.slice(0, 11).map((x) => x.id) }, 422, 'validation_failed'],
        [{ showtimeId: s.showtimeId, seatIds: [a1, a1] }, 422, 'validation_failed'],
        [{ showtimeId: s.showtimeId, seatIds: ['not-a-uuid'] }, 422, 'validation_failed'],
        [{ showtimeId: s.showtimeId, seatIds: [a1], extra: 1 }, 422, 'validation_failed'],
        [{ showtimeId: s.showtimeId, seatIds: [other.seat('A', 1).id] }, 422, 'validation_failed'],
        [{ showtimeId: '00000000-0000-4000-8000-000000000000', seatIds: [a1] }, 404, 'not_found'],
      ];
      for (const [payload, status, code] of cases) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/bookings',
          token: alice.token,
          payload: payload as object,
        });
        assert.equal(res.status, status, JSON.stringify(payload));
        assert.equal(res.body.code, code);
      }
      const wrongHall = await hold(alice, s.showtimeId, [a1, other.seat('A', 1).id]);
      assert.equal(wrongHall.body.errors[0].path, '/seatIds/1');
      assert.equal(
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/bookings',
            payload: { showtimeId: s.showtimeId, seatIds: [a1] },
          })
        ).status,
        401,
      );

      const cancelled = await makeShowtime(t, { status: 'cancelled' });
      const res1 = await hold(alice, cancelled.showtimeId, [cancelled.seat('A', 1).id]);
      assert.equal(res1.status, 409);
      assert.equal(res1.body.code, 'showtime_not_bookable');
      const started = await makeShowtime(t, { startsAt: new Date(t.clock.now().getTime() - 60_000) });
      const res2 = await hold(alice, started.showtimeId, [started.seat('A', 1).id]);
      assert.equal(res2.status, 409);
      assert.equal(res2.body.code, 'showtime_not_bookable');
    });

    test('a hold is checked against the showtime as it is now, not the copy this process keeps', async () => {
      const db = t.app.platform.database.db;
      const prime = (showtimeId: string) => hold(bob, showtimeId, ['00000000-0000-4000-8000-000000000000']);
      const claimed = async (showtimeId: string) =>
        (await db.selectFrom('seat_claims').select('seat_id').where('showtime_id', '=', showtimeId).execute()).length;

      // Another process moved the showtime to a second hall of the cinema; this one was not told.
      const s = await makeShowtime(t, { seats: gridLayout(1, 4) });
      const hall = await db
        .insertInto('halls')
        .values({
          cinema_id: s.cinemaId,
          name: 'Second',
          layout: JSON.stringify(gridLayout(1, 1)) as never,
          capacity: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const seat = await db
        .insertInto('seats')
        .values({ hall_id: hall.id, row_label: 'A', number: 1, type: 'standard', x: 0, y: 0, row_index: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal((await prime(s.showtimeId)).status, 422);
      await db.updateTable('showtimes').set({ hall_id: hall.id }).where('id', '=', s.showtimeId).execute();
      const old = await hold(alice, s.showtimeId, [s.seat('A', 1).id]);
      assert.equal(old.status, 422, old.text);
      assert.equal(old.body.code, 'validation_failed');
      assert.equal(await claimed(s.showtimeId), 0);
      assert.equal((await hold(alice, s.showtimeId, [seat.id])).status, 201);

      // Its layout changed elsewhere: a seat retyped is sold as its new type, a removed one refused.
      const e = await makeShowtime(t, { seats: gridLayout(1, 4) });
      assert.equal((await prime(e.showtimeId)).status, 422);
      await db.updateTable('seats').set({ type: 'vip' }).where('id', '=', e.seat('A', 3).id).execute();
      const vip = await hold(alice, e.showtimeId, [e.seat('A', 3).id]);
      assert.equal(vip.status, 201, vip.text);
      assert.deepEqual([vip.body.seats[0].type, vip.body.total.amount], ['vip', 1800]);
      assert.equal((await prime(e.showtimeId)).status, 422);
      await db.updateTable('seats').set({ active: false }).where('id', '=', e.seat('A', 1).id).execute();
      const removed = await hold(alice, e.showtimeId, [e.seat('A', 1).id]);
      assert.equal(removed.status, 422, removed.text);
      assert.equal(await claimed(e.showtimeId), 1);
    });

    test('all or nothing: a 409 lists exactly the taken seats and holds none of the others', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 6, { A6: 'blocked' }) });
      const [a1, a2, a3, a4] = [1, 2, 3, 4].map((n) => s.seat('A', n).id) as [string, string, string, string];
      assert.equal((await hold(alice, s.showtimeId, [a2])).status, 201);
      const res = await hold(bob, s.showtimeId, [a1, a2, a3]);
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'seats_unavailable');
      assert.deepEqual(res.body.seatIds, [a2]);
      assert.equal(await statusOf(s.showtimeId, a1), 'available');
      assert.equal(await statusOf(s.showtimeId, a3), 'available');
      const blocked = await hold(bob, s.showtimeId, [a4, s.seat('A', 6).id]);
      assert.equal(blocked.status, 409);
      assert.deepEqual(blocked.body.seatIds, [s.seat('A', 6).id]);
      assert.equal(await statusOf(s.showtimeId, s.seat('A', 6).id), 'blocked');
      assert.equal((await seatMap(s.showtimeId)).seats.find((x: any) => x.id === s.seat('A', 6).id).price, null);
    });

    test("a companion seat needs its accessible neighbour, in the request or already the customer's; staff are exempt", async () => {
      const s = await makeShowtime(t, {
        seats: gridLayout(2, 4, {
          A1: 'accessible',
          A2: 'companion',
          B1: 'accessible',
          B2: 'companion',
          B4: 'companion',
        }),
      });
      const id = (l: string, n: number) => s.seat(l, n).id;
      const alone = await hold(alice, s.showtimeId, [id('A', 2)]);
      assert.equal(alone.status, 422);
      assert.equal(alone.body.code, 'companion_requires_accessible');
      assert.deepEqual(alone.body.seatIds, [id('A', 2)]);
      assert.equal((await hold(alice, s.showtimeId, [id('A', 1), id('A', 2)])).status, 201);
      // Bob's own accessible seat first, then the companion in a second request.
      assert.equal((await hold(bob, s.showtimeId, [id('B', 1)])).status, 201);
      assert.equal(
        (await hold(alice, s.showtimeId, [id('B', 2)])).status,
        422,
        "someone else's accessible seat does not count",
      );
      assert.equal((await hold(bob, s.showtimeId, [id('B', 2)])).status, 201);
      // B4 has no accessible neighbour at all; staff may still hold it.
      assert.equal((await hold(bob, s.showtimeId, [id('B', 4)])).status, 422);
      assert.equal((await hold(staff, s.showtimeId, [id('B', 4)])).status, 201);
    });

    test('the seat limit counts live holds and purchases across bookings; staff are exempt; parallel holds cannot both pass', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(3, 10) });
      const ids = s.seats.map((x) => x.id);
      const carol = await makeUser(t);
      assert.equal((await hold(carol, s.showtimeId, ids.slice(0, 3))).status, 201);
      const over = await hold(carol, s.showtimeId, ids.slice(3, 5));
      assert.equal(over.status, 409);
      assert.equal(over.body.code, 'seat_limit_reached');
      assert.equal((await hold(carol, s.showtimeId, ids.slice(3, 4))).status, 201);
      assert.equal((await hold(staff, s.showtimeId, ids.slice(10, 20))).status, 201);
      // A lapsed hold no longer counts.
      t.clock.advance(HOLD_MS);
      assert.equal((await hold(carol, s.showtimeId, ids.slice(4, 8))).status, 201);
      // Two parallel holds of 3 with a limit of 4 (one customer): exactly one passes.
      const dave = await makeUser(t);
      const results = await Promise.all([
        hold(dave, s.showtimeId, ids.slice(20, 23)),
        hold(dave, s.showtimeId, ids.slice(23, 26)),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 409]);
      assert.equal(results.find((r) => r.status === 409)?.body.code, 'seat_limit_reached');
    });

    test('a lapsed hold reads expired and its seats available at once, can be taken over, and is swept', async () => {
      const s = await makeShowtime(t);
      const a1 = s.seat('A', 1).id;
      const first = (await hold(alice, s.showtimeId, [a1])).body;
      assert.equal(await statusOf(s.showtimeId, a1), 'held');
      t.clock.advance(HOLD_MS);
      assert.equal(
        await statusOf(s.showtimeId, a1),
        'available',
        "the cached map is not served past the hold's expiry",
      );
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/bookings/${first.id}`, token: alice.token })).body.status,
        'expired',
      );
      const second = await hold(bob, s.showtimeId, [a1]);
      assert.equal(second.status, 201);
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/bookings/${first.id}`, token: alice.token })).body.status,
        'expired',
      );
      assert.equal(await statusOf(s.showtimeId, a1), 'held');
      t.clock.advance(HOLD_MS);
      await t.app.runJobsOnce();
      const db = t.app.platform.database.db;
      const rows = await db
        .selectFrom('bookings')
        .select(['id', 'status'])
        .where('showtime_id', '=', s.showtimeId)
        .execute();
      assert.deepEqual(
        rows.map((r) => r.status),
        ['expired', 'expired'],
      );
      assert.equal(
        (await db.selectFrom('seat_claims').select('seat_id').where('showtime_id', '=', s.showtimeId).execute()).length,
        0,
      );
      const events = await db
        .selectFrom('outbox_events')
        .select('type')
        .where(
          'aggregate_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      assert.equal(events.filter((e) => e.type === 'booking.expired').length, 2);
      assert.equal(events.filter((e) => e.type === 'booking.held').length, 2);
    });

    test('DELETE releases a hold at once; it is idempotent, private, and refused once paid', async () => {
      const s = await makeShowtime(t);
      const [a1, a2] = [s.seat('A', 1).id, s.seat('A', 2).id];
      const b = (await hold(alice, s.showtimeId, [a1])).body;
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/bookings/${b.id}`, token: bob.token })).status,
        404,
      );
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/bookings/${b.id}`, token: alice.token })).status,
        204,
      );
      assert.equal(await statusOf(s.showtimeId, a1), 'available');
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/bookings/${b.id}`, token: alice.token })).body.status,
        'cancelled',
      );
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/bookings/${b.id}`, token: alice.token })).status,
        204,
      );
      assert.equal((await hold(bob, s.showtimeId, [a1])).status, 201);
      const paid = (await hold(alice, s.showtimeId, [a2])).body;
      const service = t.app.modules.booking.service;
      const changes = await t.app.platform.database.db.transaction().execute((trx) => service.confirm(trx, paid.id));
      await service.publishSeatChanges(s.showtimeId, changes);
      assert.equal(await statusOf(s.showtimeId, a2), 'sold');
      const refused = await t.request({ method: 'DELETE', url: `/api/v1/bookings/${paid.id}`, token: alice.token });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'booking_not_releasable');
      const events = await t.app.platform.database.db
        .selectFrom('outbox_events')
        .select('type')
        .where('aggregate_id', '=', b.id)
        .execute();
      assert.ok(events.some((e) => e.type === 'booking.released'));
      // A sold seat never lapses.
      t.clock.advance(2 * HOLD_MS);
      assert.equal(await statusOf(s.showtimeId, a2), 'sold');
    });

    test('listing: own bookings for customers, all for staff, filters, and a stable cursor', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(3, 10) });
      const erin = await makeUser(t);
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        ids.push((await hold(erin, s.showtimeId, [s.seats[i]!.id])).body.id);
        t.clock.advance(1);
      }
      await hold(bob, s.showtimeId, [s.seats[10]!.id]);
      await t.request({ method: 'DELETE', url: `/api/v1/bookings/${ids[0]}`, token: erin.token });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const q: string = `/api/v1/bookings?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page: any = (await t.request({ method: 'GET', url: q, token: erin.token })).body;
        seen.push(...page.items.map((b: any) => b.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [...ids].reverse());
      const held = await t.request({ method: 'GET', url: `/api/v1/bookings?status=held`, token: erin.token });
      assert.equal(held.body.items.length, 3);
      const cancelled = await t.request({ method: 'GET', url: `/api/v1/bookings?status=cancelled`, token: erin.token });
      assert.deepEqual(
        cancelled.body.items.map((b: any) => b.id),
        [ids[0]],
      );
      const all = await t.request({
        method: 'GET',
        url: `/api/v1/bookings?showtimeId=${s.showtimeId}&limit=100`,
        token: staff.token,
      });
      assert.equal(all.body.items.length, 5);
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/bookings?cursor=zzz', token: erin.token })).status,
        422,
      );
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/bookings?status=nope', token: erin.token })).status,
        422,
      );
    });

    test('the staff report counts capacity, sold, held, available and revenue', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(2, 5, { B5: 'blocked' }), prices: { standard: 1000 } });
      const frank = await makeUser(t);
      const paid = (await hold(frank, s.showtimeId, [s.seat('A', 1).id, s.seat('A', 2).id])).body;
      await hold(bob, s.showtimeId, [s.seat('A', 3).id]);
      await t.app.platform.database.db
        .transaction()
        .execute((trx) => t.app.modules.booking.service.confirm(trx, paid.id));
      const url = `/api/v1/showtimes/${s.showtimeId}/report`;
      assert.equal((await t.request({ method: 'GET', url, token: bob.token })).status, 403);
      const res = await t.request({ method: 'GET', url, token: staff.token });
      assert.equal(res.status, 200);
      const { revenue, byTicketType, ...counts } = res.body;
      assert.deepEqual(counts, { capacity: 9, sold: 2, held: 1, available: 6, checkedIn: 0 });
      assert.deepEqual(
        byTicketType.map((x: { ticketType: string; sold: number }) => [x.ticketType, x.sold]),
        [['adult', 2]],
        'seats held by seatIds are sold as the default type',
      );
      // Revenue is refined by the payments module (money actually taken); this booking was confirmed without a payment.
      assert.equal(revenue.currency, 'EUR');
      assert.equal(typeof revenue.amount, 'number');
      assert.equal(
        (
          await t.request({
            method: 'GET',
            url: `/api/v1/showtimes/${s.showtimeId}/seats`.replace(
              s.showtimeId,
              '00000000-0000-4000-8000-000000000000',
            ),
          })
        ).status,
        404,
      );
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/showtimes/nope/seats' })).status, 404);
    });
  });
}
