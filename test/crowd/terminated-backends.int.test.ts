// PostgreSQL ends the server processes' connections (pg_terminate_backend, as a restart or a
// failover does) while a crowd is holding seats: every process keeps running, a request caught by it
// is a 503 service_unavailable with Retry-After (never a 500 or a dropped connection), no hold is
// left half done, and the requests after it succeed on fresh connections.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { realPostgres, services } from '../support/backends.ts';
import { gridLayout, makeShowtime } from '../support/catalog-factories.ts';
import { eventually } from '../support/eventually.ts';
import { makeUser } from '../support/factories.ts';
import { newNamespace, startOnDatabase, type TestApp } from '../support/test-app.ts';
import { type HoldResult, overlappingRequests, pool, tally } from './crowd.ts';
import { readInvariants } from './invariants.ts';
import { type ServerProcess, startServer } from './server-process.ts';

// The servers connect under this name, so only their connections are ended (not the test's own).
const APP_NAME = 'marquee-terminated';

for (const backend of realPostgres()) {
  describe('the database ends the connections of busy server processes, on postgres', () => {
    let setup: TestApp;
    let servers: ServerProcess[] = [];
    let drop: () => Promise<void>;
    before(async () => {
      const created = await backend.create();
      drop = created.drop;
      const namespace = newNamespace();
      setup = await startOnDatabase(created.database, created.url, { namespace });
      const url = new URL(created.url as string);
      url.searchParams.set('application_name', APP_NAME);
      servers = await Promise.all([0, 1].map(() => startServer({ databaseUrl: url.toString(), namespace })));
    });
    after(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await setup.close();
      await drop();
    });

    const terminateServerBackends = async (): Promise<number> => {
      const admin = new pg.Client({ connectionString: services.databaseUrl });
      await admin.connect();
      try {
        const r = await admin.query(
          'select count(*) filter (where pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1',
          [APP_NAME],
        );
        return r.rows[0].n as number;
      } finally {
        await admin.end();
      }
    };

    /** Holds over real HTTP, round robin over the servers; a dropped connection is status 0. */
    const hold = (
      i: number,
      token: string,
      showtimeId: string,
      seatIds: string[],
    ): Promise<HoldResult & { retryAfter: string | null }> => {
      const base = (servers[i % servers.length] as ServerProcess).base;
      return fetch(`${base}/api/v1/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ showtimeId, seatIds }),
        signal: AbortSignal.timeout(60_000),
      }).then(
        async (res) => ({ status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') }),
        (err: unknown) => ({ status: 0, body: { error: (err as Error).message }, retryAfter: null }),
      );
    };

    test(
      'terminated mid-crowd three times: processes live, 503s with Retry-After only, later requests succeed',
      { timeout: 180_000 },
      async (ctx) => {
        const s = await makeShowtime(setup, { seats: gridLayout(10, 15) });
        const tokens = (await Promise.all(Array.from({ length: 60 }, () => makeUser(setup)))).map((u) => u.token);
        const requests = overlappingRequests(s, 900, 31);
        let done = 0;
        const rush = pool(
          requests.map((seatIds, i) => async () => {
            const r = await hold(i, tokens[i % tokens.length] as string, s.showtimeId, seatIds);
            done++;
            return r;
          }),
          50,
        );
        let terminated = 0;
        for (const at of [100, 300, 500]) {
          await eventually(() => done >= at, 60_000, 5, `${at} holds answered`);
          terminated += await terminateServerBackends();
        }
        const first = await rush;
        const counts = tally(first);
        ctx.diagnostic(`${terminated} backends terminated; first crowd: ${JSON.stringify(counts)}`);
        assert.ok(terminated > 0, 'some connections were ended');
        for (const server of servers)
          assert.equal(server.child.exitCode ?? server.child.signalCode, null, 'the process is still running');
        assert.deepEqual(
          Object.keys(counts.other).filter((k) => k !== '503'),
          [],
          `only 503 besides 201 and 409: ${JSON.stringify(counts)}`,
        );
        for (const r of first.filter((x) => x.status === 503)) {
          assert.equal(r.body.code, 'service_unavailable');
          assert.ok(Number(r.retryAfter) >= 1, 'a 503 says when to retry');
        }

        // Later requests succeed on fresh connections, on both processes.
        const later = tally(
          await pool(
            overlappingRequests(s, 200, 37).map(
              (seatIds, i) => () => hold(i, tokens[(i + 5) % tokens.length] as string, s.showtimeId, seatIds),
            ),
            20,
          ),
        );
        assert.deepEqual(later.other, {}, `after the outage every request is answered: ${JSON.stringify(later)}`);
        assert.ok(later.ok + later.conflicts === 200);

        const inv = await readInvariants(setup.app.platform.database, s.showtimeId, new Date());
        assert.deepEqual(inv.doubleSold, []);
        assert.equal(inv.orphanClaims, 0);
        assert.equal(inv.incompleteHolds, 0);
      },
    );
  });
}
