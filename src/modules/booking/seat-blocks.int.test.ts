// Seat blocks through HTTP on a real database: staff take seats of one showtime out of sale with a
// reason and give them back; a held, sold or blocked seat cannot be blocked; a blocked seat cannot be
// held; and a crowd of holds and blocks on the same seats leaves every seat with exactly one winner.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buy, hold } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`seat blocks on ${backend.name}`, () => {
    let t: TestApp;
    let staff: TestUser;
    let customer: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      staff = await makeUser(t, { role: 'staff', name: 'Bea Box' });
      customer = await makeUser(t);
    });
    after(() => t.close());
    const db = () => t.app.platform.database.db;

    const block = (s: TestShowtime, seatIds: string[], reason = 'house seats', user = staff) =>
      t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks`,
        token: user.token,
        payload: { seatIds, reason },
      });
    const statuses = async (s: TestShowtime) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` });
      return new Map<string, string>(res.body.seats.map((x: any) => [x.id, x.status]));
    };
    const tryHold = (user: TestUser, s: TestShowtime, seatIds: string[]) =>
      t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: user.token,
        payload: { showtimeId: s.showtimeId, seatIds },
      });

    test('a blocked seat shows as blocked, cannot be held, is listed with reason, who and when, and comes back', async () => {
      const s = await makeShowtime(t);
      const [a1, a2, a3] = [1, 2, 3].map((n) => s.seat('A', n).id) as [string, string, string];
      const res = await block(s, [a2, a1], '  broken armrest ');
      assert.equal(res.status, 201, res.text);
      assert.deepEqual(
        res.body.items.map((b: any) => [b.row, b.number, b.reason, b.blockedBy]),
        [
          ['A', 1, 'broken armrest', { id: staff.id, name: 'Bea Box' }],
          ['A', 2, 'broken armrest', { id: staff.id, name: 'Bea Box' }],
        ],
      );
      assert.equal(res.body.items[0].blockedAt, t.clock.now().toISOString());
      const map = await statuses(s);
      assert.equal(map.get(a1), 'blocked');
      assert.equal(map.get(a3), 'available');

      const refused = await tryHold(customer, s, [a3, a1]);
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.body.code, 'seats_unavailable');
      assert.deepEqual(refused.body.seatIds, [a1]);

      // Blocked seats are neither sold nor held, and not available either.
      const report = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes/${s.showtimeId}/report`,
        token: staff.token,
      });
      assert.equal(report.status, 200, report.text);
      assert.deepEqual([report.body.sold, report.body.held, report.body.available], [0, 0, 28]);
      const listed = await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}` });
      assert.equal(listed.body.seatsAvailable, 28);

      const list = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks`,
        token: staff.token,
      });
      assert.equal(list.status, 200, list.text);
      assert.equal(list.body.items.length, 2);

      const one = await t.request({
        method: 'DELETE',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks/${a1}`,
        token: staff.token,
      });
      assert.equal(one.status, 200, one.text);
      assert.deepEqual(
        one.body.items.map((b: any) => b.seatId),
        [a2],
      );
      const rest = await t.request({
        method: 'DELETE',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks`,
        token: staff.token,
        payload: { seatIds: [a2, a3] },
      });
      assert.equal(rest.status, 200, rest.text);
      assert.deepEqual(rest.body.items, []);
      assert.equal((await statuses(s)).get(a1), 'available');
      assert.equal((await tryHold(customer, s, [a1, a2])).status, 201);
    });

    test('held, sold and blocked seats cannot be blocked (409, all or none); a lapsed hold gives way', async () => {
      const s = await makeShowtime(t);
      const [a1, a2, a3, a4, a5] = [1, 2, 3, 4, 5].map((n) => s.seat('A', n).id) as string[] as [
        string,
        string,
        string,
        string,
        string,
      ];
      await hold(t, customer, s.showtimeId, [a1]);
      await buy(t, await makeUser(t), s.showtimeId, [a2]);
      assert.equal((await block(s, [a3])).status, 201);
      const refused = await block(s, [a4, a3, a2, a1]);
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.body.code, 'seats_unavailable');
      assert.deepEqual(refused.body.seatIds, [a3, a2, a1]);
      assert.equal((await statuses(s)).get(a4), 'available', 'nothing was blocked');

      const lapsing = await hold(t, await makeUser(t), s.showtimeId, [a5]);
      t.clock.set(new Date(new Date(lapsing.expiresAt).getTime() + 1000));
      const taken = await block(s, [a5]);
      assert.equal(taken.status, 201, taken.text);
      assert.equal((await statuses(s)).get(a5), 'blocked');
    });

    test('a block is checked against the showtime as it is now, not the copy this process keeps', async () => {
      const prime = async (s: TestShowtime) =>
        assert.equal(
          (await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/blocks`, token: staff.token }))
            .status,
          200,
        );
      const s = await makeShowtime(t);
      await prime(s);
      // Another process removed a seat from the hall, then cancelled the showtime; this one was not told.
      await db().updateTable('seats').set({ active: false }).where('id', '=', s.seat('A', 1).id).execute();
      const removed = await block(s, [s.seat('A', 2).id, s.seat('A', 1).id]);
      assert.equal(removed.status, 422, removed.text);
      assert.equal(removed.body.errors[0].path, '/seatIds/1');
      await prime(s);
      await db().updateTable('showtimes').set({ status: 'cancelled' }).where('id', '=', s.showtimeId).execute();
      const cancelled = await block(s, [s.seat('A', 2).id]);
      assert.equal(cancelled.status, 409, cancelled.text);
      assert.equal(cancelled.body.code, 'showtime_not_bookable');
      const claims = await db()
        .selectFrom('seat_claims')
        .select('seat_id')
        .where('showtime_id', '=', s.showtimeId)
        .execute();
      assert.equal(claims.length, 0);
    });

    test('a showtime with only blocks moves hall once they are lifted (409 showtime_has_blocks before)', async () => {
      const admin = await makeUser(t, { role: 'admin' });
      const s = await makeShowtime(t);
      const hall = await db()
        .insertInto('halls')
        .values({
          cinema_id: s.cinemaId,
          name: 'Second',
          layout: JSON.stringify(gridLayout(1, 1)) as never,
          capacity: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db()
        .insertInto('seats')
        .values({ hall_id: hall.id, row_label: 'A', number: 1, type: 'standard', x: 0, y: 0, row_index: 0 })
        .execute();
      assert.equal((await block(s, [s.seat('A', 1).id])).status, 201);
      const move = () =>
        t.request({
          method: 'PATCH',
          url: `/api/v1/showtimes/${s.showtimeId}`,
          token: admin.token,
          payload: { hallId: hall.id },
        });
      const refused = await move();
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.body.code, 'showtime_has_blocks');
      const lifted = await t.request({
        method: 'DELETE',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks/${s.seat('A', 1).id}`,
        token: staff.token,
      });
      assert.equal(lifted.status, 200, lifted.text);
      const moved = await move();
      assert.equal(moved.status, 200, moved.text);
      // Held or sold is still showtime_has_sales.
      const sold = await makeShowtime(t);
      await hold(t, customer, sold.showtimeId, [sold.seat('A', 1).id]);
      await block(sold, [sold.seat('A', 2).id]);
      const other = await db()
        .insertInto('halls')
        .values({
          cinema_id: sold.cinemaId,
          name: 'Other',
          layout: JSON.stringify(gridLayout(1, 1)) as never,
          capacity: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const busy = await t.request({
        method: 'PATCH',
        url: `/api/v1/showtimes/${sold.showtimeId}`,
        token: admin.token,
        payload: { hallId: other.id },
      });
      assert.equal(busy.body.code, 'showtime_has_sales', busy.text);
    });

    test('only staff block; bad input is a clear 4xx', async () => {
      const s = await makeShowtime(t);
      const a1 = s.seat('A', 1).id;
      const other = await makeShowtime(t);
      assert.equal((await block(s, [a1], 'x', customer)).status, 403);
      const anonymous = await t.request({
        method: 'POST',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks`,
        payload: { seatIds: [a1], reason: 'x' },
      });
      assert.equal(anonymous.status, 401);
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks`,
        token: customer.token,
      });
      assert.equal(list.status, 403);
      const foreign = await block(s, [a1, other.seat('A', 1).id]);
      assert.equal(foreign.status, 422, foreign.text);
      assert.equal(foreign.body.errors[0].path, '/seatIds/1');
      assert.equal((await block(s, [a1], '   ')).status, 422);
      assert.equal((await block(s, [], 'x')).status, 422);
      const missing = await t.request({
        method: 'POST',
        url: '/api/v1/showtimes/00000000-0000-4000-8000-000000000000/blocks',
        token: staff.token,
        payload: { seatIds: [a1], reason: 'x' },
      });
      assert.equal(missing.status, 404);
      const cancelled = await makeShowtime(t, { status: 'cancelled' });
      const late = await block(cancelled, [cancelled.seat('A', 1).id]);
      assert.equal(late.status, 409);
      assert.equal(late.body.code, 'showtime_not_bookable');
    });

    test('seat changes publish blocked, then available', async () => {
      const s = await makeShowtime(t);
      const a1 = s.seat('A', 1).id;
      assert.equal((await block(s, [a1])).status, 201);
      await t.request({
        method: 'DELETE',
        url: `/api/v1/showtimes/${s.showtimeId}/blocks/${a1}`,
        token: staff.token,
      });
      const events = await t.app.platform.database.db
        .selectFrom('outbox_events')
        .select(['payload'])
        .where('type', '=', 'booking.seats_changed')
        .where('aggregate_id', '=', s.showtimeId)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        events.map((e: any) => e.payload.seats),
        [[{ id: a1, status: 'blocked' }], [{ id: a1, status: 'available' }]],
      );
    });

    test('a crowd of holds and blocks on the same seats: every seat ends with exactly one winner', async () => {
      const s = await makeShowtime(t);
      const seats = s.seats.slice(0, 8).map((x) => x.id);
      const customers = await Promise.all(Array.from({ length: 16 }, () => makeUser(t)));
      const staffs = await Promise.all(Array.from({ length: 4 }, () => makeUser(t, { role: 'staff' })));
      // Each seat: two customers hold it alone; blocks take pairs of neighbours; a few holds take pairs.
      const requests: { kind: 'hold' | 'block'; seatIds: string[]; run: () => ReturnType<typeof tryHold> }[] = [];
      seats.forEach((seat, i) => {
        for (const c of [customers[2 * i], customers[2 * i + 1]] as TestUser[])
          requests.push({ kind: 'hold', seatIds: [seat], run: () => tryHold(c, s, [seat]) });
      });
      for (let i = 0; i < seats.length; i += 2) {
        const pair = [seats[i], seats[i + 1]] as string[];
        for (const who of staffs.slice(0, 2))
          requests.push({ kind: 'block', seatIds: pair, run: () => block(s, pair, 'crowd', who) });
      }
      for (let i = 1; i + 1 < seats.length; i += 2) {
        const pair = [seats[i], seats[i + 1]] as string[];
        const c = customers[i] as TestUser;
        requests.push({ kind: 'hold', seatIds: pair, run: () => tryHold(c, s, pair) });
      }
      const answers = await Promise.all(requests.map((r) => r.run()));
      for (const a of answers) assert.ok(a.status === 201 || a.status === 409, `${a.status} ${a.text}`);

      const winners = new Map<string, string[]>(seats.map((id) => [id, []]));
      answers.forEach((a, i) => {
        const r = requests[i]!;
        if (a.status === 201) for (const id of r.seatIds) winners.get(id)?.push(r.kind);
      });
      const map = await statuses(s);
      for (const [seat, won] of winners) {
        assert.equal(won.length, 1, `seat ${seat} won by ${JSON.stringify(won)}`);
        assert.equal(map.get(seat), won[0] === 'block' ? 'blocked' : 'held');
      }
    });
  });
}
