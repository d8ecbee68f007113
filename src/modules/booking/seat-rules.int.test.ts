// Seat rules through HTTP on a real database (issue 18): the hall's noSingleGaps rule set by an
// admin, refusing a customer's hold that leaves a lone seat with a gap-free suggestion (staff exempt,
// halls without the rule untouched), and best available seats.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hold } from '../../../test/payments/payment-helpers.ts';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`seat rules on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let staff: TestUser;
    let customer: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
      staff = await makeUser(t, { role: 'staff' });
      customer = await makeUser(t);
    });
    after(() => t.close());

    const setRule = (s: TestShowtime, on: boolean, user = admin) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/halls/${s.hallId}`,
        token: user.token,
        payload: { seatRules: { noSingleGaps: on } },
      });
    const tryHold = (user: TestUser, s: TestShowtime, seatIds: string[]) =>
      t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: user.token,
        payload: { showtimeId: s.showtimeId, seatIds },
      });
    const ids = (s: TestShowtime, ...seats: [string, number][]) => seats.map(([r, n]) => s.seat(r, n).id);
    const best = (s: TestShowtime, count: number | string) =>
      t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/best-seats?count=${count}` });

    test('admins set noSingleGaps on a hall (default off); customers may not', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 6) });
      const hall = await t.request({ method: 'GET', url: `/api/v1/halls/${s.hallId}` });
      assert.deepEqual(hall.body.seatRules, { noSingleGaps: false });
      assert.equal((await setRule(s, true, customer)).status, 403);
      const on = await setRule(s, true);
      assert.equal(on.status, 200, on.text);
      assert.deepEqual(on.body.seatRules, { noSingleGaps: true });
    });

    test('with the rule, a customer hold leaving a lone seat is 409 orphan_seat with a gap-free suggestion; staff exempt', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 6) });
      assert.equal((await setRule(s, true)).status, 200);
      // Leaves A1 alone against the row end.
      const refused = await tryHold(customer, s, ids(s, ['A', 2], ['A', 3]));
      assert.equal(refused.status, 409, refused.text);
      assert.equal(refused.body.code, 'orphan_seat');
      assert.deepEqual(refused.body.seatIds, ids(s, ['A', 1]));
      assert.equal(refused.body.suggestion.length, 2);
      // The suggestion is held as it is.
      const taken = await tryHold(customer, s, refused.body.suggestion);
      assert.equal(taken.status, 201, taken.text);

      const other = await makeShowtime(t, { seats: gridLayout(1, 8) });
      assert.equal((await setRule(other, true)).status, 200);
      assert.equal((await tryHold(staff, other, ids(other, ['A', 2], ['A', 3]))).status, 201);
      // Between taken seats: A4 would be alone between A3 (staff's) and A5.
      const between = await tryHold(customer, other, ids(other, ['A', 5], ['A', 6]));
      assert.equal(between.status, 409);
      assert.deepEqual(between.body.seatIds, ids(other, ['A', 4]));
      assert.deepEqual(between.body.suggestion, ids(other, ['A', 4], ['A', 5]));
    });

    test('without the rule the same hold is taken; with no gap-free choice left it is taken too', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 6) });
      assert.equal((await tryHold(customer, s, ids(s, ['A', 2], ['A', 3]))).status, 201);

      const small = await makeShowtime(t, { seats: gridLayout(1, 3) });
      assert.equal((await setRule(small, true)).status, 200);
      await hold(t, staff, small.showtimeId, ids(small, ['A', 1]));
      // A3 leaves A2 alone, A2 leaves A3 alone: no choice of one seat avoids it, so it is allowed.
      assert.equal((await tryHold(customer, small, ids(small, ['A', 3]))).status, 201);
    });

    test('best available: N adjacent seats in the middle of the preferred row; 404 no_adjacent_seats; 422 bad counts', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(7, 10) });
      const res = await best(s, 2);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.deepEqual(
        res.body.seats.map((x: any) => `${x.row}${x.number}`),
        ['E5', 'E6'],
      );
      assert.equal(res.body.zone, 'centre');
      assert.equal(typeof res.body.seats[0].price.amount, 'number');
      // Taken: the next best block moves.
      await hold(t, customer, s.showtimeId, ids(s, ['E', 5], ['E', 6]));
      const next = await best(s, 2);
      assert.notDeepEqual(
        next.body.seats.map((x: any) => x.seatId),
        ids(s, ['E', 5], ['E', 6]),
      );
      assert.equal((await best(s, 0)).status, 422);
      assert.equal((await best(s, 11)).status, 422);
      assert.equal((await best(s, 'x')).status, 422);

      const full = await makeShowtime(t, { seats: gridLayout(1, 3) });
      await hold(t, staff, full.showtimeId, ids(full, ['A', 2]));
      const none = await best(full, 2);
      assert.equal(none.status, 404, none.text);
      assert.equal(none.body.code, 'no_adjacent_seats');
      const unknown = await t.request({
        method: 'GET',
        url: '/api/v1/showtimes/00000000-0000-4000-8000-000000000000/best-seats?count=1',
      });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, 'not_found');
    });

    test('a hall numbered right to left: best seats side by side and the orphan rule as from the left', async () => {
      const rtl = (rows: number, perRow: number) => {
        const layout = gridLayout(rows, perRow);
        for (const row of layout.rows) for (const seat of row.seats) seat.x = perRow - seat.number;
        return layout;
      };
      const s = await makeShowtime(t, { seats: rtl(7, 10) });
      const res = await best(s, 2);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.seats.map((x: any) => `${x.row}${x.number}`).sort(), ['E5', 'E6']);
      const small = await makeShowtime(t, { seats: rtl(1, 5) });
      assert.equal((await setRule(small, true)).status, 200);
      const lone = await tryHold(customer, small, ids(small, ['A', 2], ['A', 3]));
      assert.equal(lone.status, 409, lone.text);
      assert.equal(lone.body.code, 'orphan_seat');
      assert.deepEqual(lone.body.seatIds, ids(small, ['A', 1]));
    });

    test('best available on a hall with the rule passes over blocks that would leave a lone seat', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 5) });
      assert.equal((await setRule(s, true)).status, 200);
      // Centre pair would be A2-A3 or A3-A4, each leaving a lone seat at an end; A1-A2 leaves A3-A5.
      const res = await best(s, 2);
      assert.equal(res.status, 200);
      const held = await tryHold(
        customer,
        s,
        res.body.seats.map((x: any) => x.seatId),
      );
      assert.equal(held.status, 201, held.text);
    });
  });
}
