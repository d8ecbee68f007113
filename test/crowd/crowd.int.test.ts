// Flash crowds through HTTP on one app: 50 customers for one seat, and hundreds of overlapping
// multi-seat holds. Each crowd also runs against the unprotected claim store (no primary key,
// check-then-insert) and must catch the double sale there: a race test that cannot fail proves nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../support/backends.ts';
import { gridLayout, makeShowtime } from '../support/catalog-factories.ts';
import { makeUser } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { type HoldClient, overlappingRequests, pool, raceForOneSeat, tally } from './crowd.ts';
import { mapDisagreements, readInvariants } from './invariants.ts';
import { dropClaimKey, unprotectedClaimStore } from './unprotected-claims.ts';

const injectClient =
  (t: TestApp): HoldClient =>
  async (token, showtimeId, seatIds) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/bookings', token, payload: { showtimeId, seatIds } });
    return { status: res.status, body: res.body };
  };

async function tokens(t: TestApp, n: number): Promise<string[]> {
  return (await Promise.all(Array.from({ length: n }, () => makeUser(t)))).map((u) => u.token);
}

for (const backend of backends()) {
  for (const variant of ['real', 'unprotected'] as const) {
    describe(`flash crowd on ${backend.name} with the ${variant} claim store`, () => {
      let t: TestApp;
      before(async () => {
        t = await startTestApp(backend);
        if (variant === 'unprotected') {
          await dropClaimKey(t.app.platform.database);
          t.app.modules.booking.testing.useClaimStore(unprotectedClaimStore(t.app.platform.database));
        }
      });
      after(() => t.close());

      test('50 customers race for one seat', async () => {
        const s = await makeShowtime(t);
        const seat = s.seat('B', 5).id;
        const results = await raceForOneSeat(injectClient(t), await tokens(t, 50), s.showtimeId, seat);
        const inv = await readInvariants(t.app.platform.database, s.showtimeId, t.clock.now());
        if (variant === 'unprotected') {
          assert.ok(inv.doubleSold.length > 0, 'the unprotected store must be caught selling a seat twice');
          return;
        }
        assert.deepEqual(tally(results), { ok: 1, conflicts: 49, other: {} });
        for (const r of results.filter((x) => x.status === 409)) {
          assert.equal(r.body.code, 'seats_unavailable');
          assert.deepEqual(r.body.seatIds, [seat]);
        }
        assert.deepEqual(inv.doubleSold, []);
      });

      test('hundreds of overlapping multi-seat holds: no seat in two live bookings, and the seat map agrees', async () => {
        const s = await makeShowtime(t, { seats: gridLayout(6, 12, { C6: 'blocked' }) });
        const users = await tokens(t, 60);
        const client = injectClient(t);
        const requests = overlappingRequests(s, 300);
        const results = await pool(
          requests.map((seatIds, i) => () => client(users[i % users.length] as string, s.showtimeId, seatIds)),
          60,
        );
        const inv = await readInvariants(t.app.platform.database, s.showtimeId, t.clock.now());
        if (variant === 'unprotected') {
          assert.ok(inv.doubleSold.length > 0, 'the unprotected store must be caught selling a seat twice');
          return;
        }
        const counts = tally(results);
        assert.deepEqual(counts.other, {});
        assert.ok(counts.ok > 0 && counts.conflicts > 0, JSON.stringify(counts));
        assert.deepEqual(inv.doubleSold, []);
        assert.equal(inv.orphanClaims, 0);
        const map = (await t.request({ method: 'GET', url: `/api/v1/showtimes/${s.showtimeId}/seats` })).body;
        assert.deepEqual(mapDisagreements(map, inv), []);
        // Every 201 holds exactly the seats it asked for, and no two 201s share a seat.
        const won = results.filter((r) => r.status === 201).flatMap((r) => r.body.seats.map((x: any) => x.seatId));
        assert.equal(new Set(won).size, won.length);
      });
    });
  }
}
