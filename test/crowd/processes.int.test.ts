// Two real server processes (src/main.ts on the pinned Node) on one PostgreSQL database, over real
// HTTP: the crowds, SSE between them, and a kill -9 in the middle of a rush with a restart on the
// same database. The same crowd against two unprotected servers must catch the double sale.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { realPostgres, services } from '../support/backends.ts';
import { gridLayout, makeShowtime } from '../support/catalog-factories.ts';
import { makeUser } from '../support/factories.ts';
import { newNamespace, startOnDatabase, type TestApp } from '../support/test-app.ts';
import { mapsAgree } from './apps.ts';
import { httpHoldClient, overlappingRequests, pool, raceForOneSeat, tally } from './crowd.ts';
import { readInvariants } from './invariants.ts';
import { type ServerProcess, startServer, UNPROTECTED_MAIN } from './server-process.ts';
import { openSse } from './sse-client.ts';
import { dropClaimKey } from './unprotected-claims.ts';

for (const backend of realPostgres()) {
  for (const variant of ['real', 'unprotected'] as const) {
    describe(`two server processes on one postgres database, ${variant} claim store`, () => {
      let setup: TestApp;
      let servers: ServerProcess[] = [];
      let drop: () => Promise<void>;
      let namespace: string;
      let url: string;
      const entry = variant === 'unprotected' ? UNPROTECTED_MAIN : undefined;
      before(async () => {
        const created = await backend.create();
        drop = created.drop;
        url = created.url as string;
        namespace = newNamespace();
        // An in-process app only to make users and showtimes; the traffic goes to the servers.
        setup = await startOnDatabase(created.database, url, { namespace });
        if (variant === 'unprotected') await dropClaimKey(created.database);
        servers = await Promise.all([0, 1].map(() => startServer({ databaseUrl: url, namespace, entry })));
      });
      after(async () => {
        await Promise.all(servers.map((s) => s.stop()));
        await setup.close();
        await drop();
      });

      const tokens = async (n: number) =>
        (await Promise.all(Array.from({ length: n }, () => makeUser(setup)))).map((u) => u.token);
      const mapOf = (server: () => ServerProcess, showtimeId: string) => async () =>
        (await (await fetch(`${server().base}/api/v1/showtimes/${showtimeId}/seats`)).json()) as {
          seats: { id: string; status: string }[];
        };
      const client = httpHoldClient(() => servers.map((s) => s.base));

      test('50 customers over two processes race for one seat', async () => {
        const s = await makeShowtime(setup);
        const seat = s.seat('B', 2).id;
        const results = await raceForOneSeat(client, await tokens(50), s.showtimeId, seat);
        const inv = await readInvariants(setup.app.platform.database, s.showtimeId, new Date());
        if (variant === 'unprotected') return assert.ok(inv.doubleSold.length > 0, 'must catch the double sale');
        assert.deepEqual(tally(results), { ok: 1, conflicts: 49, other: {} });
        assert.ok(
          results
            .filter((r) => r.status === 409)
            .every((r) => r.body.code === 'seats_unavailable' && r.body.seatIds[0] === seat),
        );
        assert.deepEqual(inv.doubleSold, []);
      });

      test('300 overlapping holds over two processes: no double sale, both seat maps agree', async () => {
        const s = await makeShowtime(setup, { seats: gridLayout(6, 12) });
        const users = await tokens(60);
        const results = await pool(
          overlappingRequests(s, 300, 11).map(
            (seatIds, i) => () => client(users[i % users.length] as string, s.showtimeId, seatIds),
          ),
          50,
        );
        const maps = servers.map((_, i) => mapOf(() => servers[i] as ServerProcess, s.showtimeId));
        const { inv, disagreements } = await mapsAgree(setup.app.platform.database, s.showtimeId, new Date(), maps);
        if (variant === 'unprotected') return assert.ok(inv.doubleSold.length > 0, 'must catch the double sale');
        assert.deepEqual(tally(results).other, {});
        assert.deepEqual(inv.doubleSold, []);
        assert.equal(inv.orphanClaims, 0);
        assert.deepEqual(disagreements, []);
      });

      if (variant === 'unprotected') return;

      test(
        'a hold on process 1 reaches an SSE client of process 2 within a second',
        { skip: !services.redisUrl && 'needs REDIS_URL' },
        async () => {
          const s = await makeShowtime(setup);
          const c = await openSse(
            `${(servers[1] as ServerProcess).base}/api/v1/showtimes/${s.showtimeId}/seats/events`,
          );
          try {
            await c.next((e) => e.event === 'snapshot');
            const [token] = await tokens(1);
            const res = await fetch(`${(servers[0] as ServerProcess).base}/api/v1/bookings`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ showtimeId: s.showtimeId, seatIds: [s.seat('A', 4).id] }),
            });
            assert.equal(res.status, 201);
            const e = await c.next((ev) => ev.event === 'seats', 1000);
            assert.deepEqual(JSON.parse(e.data).seats, [{ id: s.seat('A', 4).id, status: 'held' }]);
          } finally {
            await c.close();
          }
        },
      );

      test('kill -9 of one process in the middle of a rush, restarted on the same database: the invariants hold', async () => {
        const s = await makeShowtime(setup, { seats: gridLayout(10, 15) });
        const users = await tokens(80);
        const rush = pool(
          overlappingRequests(s, 800, 23).map(
            (seatIds, i) => () => client(users[i % users.length] as string, s.showtimeId, seatIds),
          ),
          50,
        );
        await new Promise((r) => setTimeout(r, 400));
        await (servers[0] as ServerProcess).kill9();
        const first = tally(await rush);
        assert.ok(first.ok > 0, JSON.stringify(first));
        assert.ok(
          (first.other['0'] ?? 0) > 0,
          `the kill must land while requests are in flight: ${JSON.stringify(first)}`,
        );
        servers[0] = await startServer({ databaseUrl: url, namespace });
        const second = tally(
          await pool(
            overlappingRequests(s, 200, 29).map(
              (seatIds, i) => () => client(users[(i + 7) % users.length] as string, s.showtimeId, seatIds),
            ),
            50,
          ),
        );
        assert.deepEqual(second.other, {}, 'after the restart every request is answered');
        const maps = servers.map((_, i) => mapOf(() => servers[i] as ServerProcess, s.showtimeId));
        const { inv, disagreements } = await mapsAgree(setup.app.platform.database, s.showtimeId, new Date(), maps);
        assert.deepEqual(inv.doubleSold, []);
        assert.equal(inv.orphanClaims, 0);
        assert.equal(inv.incompleteHolds, 0);
        assert.deepEqual(disagreements, []);
      });
    });
  }
}
