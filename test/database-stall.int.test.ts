// PostgreSQL stops answering without closing anything (SIGSTOP, a partition): played by a proxy that
// holds every byte back. The seat map, holds and search answer 503 service_unavailable with
// Retry-After while it is still stalled, well before a client would give up, instead of hanging;
// once it answers again, the same requests succeed without a restart. A slow upload does not use
// up a request's deadline.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../src/platform/db/database.ts';
import { realPostgres } from './support/backends.ts';
import { makeShowtime, type TestShowtime } from './support/catalog-factories.ts';
import { eventually } from './support/eventually.ts';
import { makeUser, type TestUser } from './support/factories.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';
import { startOnDatabase, type TestApp, type TestResponse } from './support/test-app.ts';

/** How long a client waits before it gives up; every answer must come well before. */
const CLIENT_GIVES_UP_MS = 30_000;

for (const backend of realPostgres()) {
  describe('a stalled database, on postgres behind a proxy', () => {
    let created: Awaited<ReturnType<typeof backend.create>>;
    let proxy: TcpProxy;
    let t: TestApp;
    let show: TestShowtime;
    let other: TestShowtime;
    let customer: TestUser;
    before(async () => {
      created = await backend.create();
      proxy = await startTcpProxy(created.url as string);
      const database = await openDatabase({
        databaseUrl: proxy.url,
        dataDir: 'unused',
        poolSize: 5,
        timeouts: { connectMs: 1000 },
      });
      t = await startOnDatabase(database, proxy.url, { env: { REQUEST_DEADLINE_MS: '3000' } });
      show = await makeShowtime(t);
      other = await makeShowtime(t);
      customer = await makeUser(t);
    });
    after(async () => {
      proxy.resume();
      await t.close();
      await t.app.platform.database.close();
      await proxy.close();
      await created.drop();
    });

    /** The answer, or a failure if the client would have given up first. */
    const answer = async (request: Parameters<TestApp['request']>[0]): Promise<TestResponse & { ms: number }> => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${request.method} ${request.url}: no answer in ${CLIENT_GIVES_UP_MS} ms`)),
          CLIENT_GIVES_UP_MS,
        );
      });
      try {
        const res = await Promise.race([t.request(request), gaveUp]);
        return { ...res, ms: Math.round(performance.now() - started) };
      } finally {
        clearTimeout(timer);
      }
    };

    test(
      'seat map, hold and search answer 503 with Retry-After while stalled, and work again after',
      { timeout: 120_000 },
      async (ctx) => {
        // The app has live connections to lose: the stall catches them idle, as a real one would.
        assert.equal((await answer({ method: 'GET', url: `/api/v1/showtimes/${show.showtimeId}/seats` })).status, 200);

        proxy.stall();
        const requests = {
          seatMap: { method: 'GET' as const, url: `/api/v1/showtimes/${other.showtimeId}/seats` },
          showtime: { method: 'GET' as const, url: `/api/v1/showtimes/${other.showtimeId}` },
          hold: {
            method: 'POST' as const,
            url: '/api/v1/bookings',
            token: customer.token,
            payload: { showtimeId: other.showtimeId, seatIds: [other.seat('A', 1).id] },
          },
          search: { method: 'GET' as const, url: '/api/v1/movies?q=stalled' },
        };
        const during = await Promise.all(Object.values(requests).map((r) => answer(r)));
        ctx.diagnostic(`answered while stalled in ${during.map((r) => `${r.ms} ms`).join(', ')}`);
        for (const [i, name] of Object.keys(requests).entries()) {
          const res = during[i] as TestResponse;
          assert.equal(res.status, 503, `${name}: ${res.text}`);
          assert.equal(res.body.code, 'service_unavailable', name);
          assert.ok(Number(res.headers['retry-after']) >= 1, `${name} says when to retry`);
        }

        proxy.resume();
        await eventually(
          async () => (await answer(requests.seatMap)).status === 200,
          30_000,
          100,
          'the seat map answers again',
        );
        assert.equal((await answer(requests.showtime)).status, 200);
        assert.equal((await answer(requests.search)).status, 200);
        const held = await answer({
          ...requests.hold,
          payload: { showtimeId: other.showtimeId, seatIds: [other.seat('B', 2).id] },
        });
        assert.equal(held.status, 201, held.text);
      },
    );

    test('the time a client takes to send its body does not count against the deadline', async () => {
      // The body arrives after longer than the whole deadline (3 s); the hold still has its time.
      const body = new PassThrough();
      const sent = t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: customer.token,
        headers: { 'content-type': 'application/json' },
        payload: body,
      });
      await new Promise((r) => setTimeout(r, 4000));
      body.end(JSON.stringify({ showtimeId: show.showtimeId, seatIds: [show.seat('C', 3).id] }));
      const res = await sent;
      assert.equal(res.status, 201, res.text);
    });
  });
}
