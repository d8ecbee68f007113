// Two app instances on one database (as two processes would be): the same crowds, spread over both,
// and a hold made through one reaching the other's SSE clients.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, services } from '../support/backends.ts';
import { gridLayout, makeShowtime } from '../support/catalog-factories.ts';
import { makeUser } from '../support/factories.ts';
import { newNamespace, startOnDatabase, type TestApp } from '../support/test-app.ts';
import { injectClients, mapsAgree } from './apps.ts';
import { overlappingRequests, pool, raceForOneSeat, tally } from './crowd.ts';
import { readInvariants } from './invariants.ts';
import { openSse } from './sse-client.ts';
import { dropClaimKey, unprotectedClaimStore } from './unprotected-claims.ts';

for (const backend of backends()) {
  for (const variant of ['real', 'unprotected'] as const) {
    describe(`two apps on one ${backend.name} database, ${variant} claim store`, () => {
      let a: TestApp;
      let b: TestApp;
      let drop: () => Promise<void>;
      before(async () => {
        const created = await backend.create();
        drop = created.drop;
        const namespace = newNamespace();
        a = await startOnDatabase(created.database, created.url, { namespace });
        b = await startOnDatabase(created.database, created.url, { namespace, clock: a.clock });
        if (variant === 'unprotected') {
          await dropClaimKey(created.database);
          for (const t of [a, b]) t.app.modules.booking.testing.useClaimStore(unprotectedClaimStore(created.database));
        }
      });
      after(async () => {
        await a.close();
        await b.close();
        await drop();
      });

      const tokens = async (n: number) =>
        (await Promise.all(Array.from({ length: n }, () => makeUser(a)))).map((u) => u.token);
      const map = (t: TestApp, showtimeId: string) => async () =>
        (await t.request({ method: 'GET', url: `/api/v1/showtimes/${showtimeId}/seats` })).body;

      test('50 customers over both apps race for one seat', async () => {
        const s = await makeShowtime(a);
        const seat = s.seat('A', 3).id;
        const results = await raceForOneSeat(injectClients([a, b]), await tokens(50), s.showtimeId, seat);
        const inv = await readInvariants(a.app.platform.database, s.showtimeId, a.clock.now());
        if (variant === 'unprotected') return assert.ok(inv.doubleSold.length > 0, 'must catch the double sale');
        assert.deepEqual(tally(results), { ok: 1, conflicts: 49, other: {} });
        assert.ok(results.filter((r) => r.status === 409).every((r) => r.body.seatIds[0] === seat));
        assert.deepEqual(inv.doubleSold, []);
      });

      test('300 overlapping holds over both apps: no double sale, and both seat maps agree with the bookings', async () => {
        const s = await makeShowtime(a, { seats: gridLayout(6, 12) });
        const users = await tokens(60);
        const client = injectClients([a, b]);
        // Both maps cached before the crowd, so staleness would show.
        await map(a, s.showtimeId)();
        await map(b, s.showtimeId)();
        const results = await pool(
          overlappingRequests(s, 300, 7).map(
            (seatIds, i) => () => client(users[i % users.length] as string, s.showtimeId, seatIds),
          ),
          60,
        );
        const { inv, disagreements } = await mapsAgree(a.app.platform.database, s.showtimeId, a.clock.now(), [
          map(a, s.showtimeId),
          map(b, s.showtimeId),
        ]);
        if (variant === 'unprotected') return assert.ok(inv.doubleSold.length > 0, 'must catch the double sale');
        assert.deepEqual(tally(results).other, {});
        assert.deepEqual(inv.doubleSold, []);
        assert.equal(inv.orphanClaims, 0);
        assert.deepEqual(disagreements, []);
      });

      if (variant === 'unprotected') return;
      test(
        'a hold through app A reaches an SSE client of app B within a second',
        { skip: !services.redisUrl && 'needs a shared pubsub (REDIS_URL)' },
        async () => {
          const s = await makeShowtime(a);
          const baseB = await b.app.http.listen({ port: 0, host: '127.0.0.1' });
          const c = await openSse(`${baseB}/api/v1/showtimes/${s.showtimeId}/seats/events`);
          try {
            await c.next((e) => e.event === 'snapshot');
            const [user] = await tokens(1);
            const started = performance.now();
            const res = await a.request({
              method: 'POST',
              url: '/api/v1/bookings',
              token: user,
              payload: { showtimeId: s.showtimeId, seatIds: [s.seat('C', 2).id] },
            });
            assert.equal(res.status, 201);
            const e = await c.next((ev) => ev.event === 'seats', 1000);
            assert.deepEqual(JSON.parse(e.data).seats, [{ id: s.seat('C', 2).id, status: 'held' }]);
            assert.ok(performance.now() - started < 1000);
            // And app B's cached map was dropped by the same message.
            assert.equal(
              (await map(b, s.showtimeId)()).seats.find((x: any) => x.id === s.seat('C', 2).id).status,
              'held',
            );
          } finally {
            await c.close();
          }
        },
      );
    });
  }
}
