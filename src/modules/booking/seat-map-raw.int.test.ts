// The cached seat map answered ahead of Fastify (ADR 0009), over real HTTP (inject never reaches
// it): the same status, body and headers as the route sends, 304 on a matching If-None-Match,
// counted in the request metrics, and a new map as soon as a hold changes a seat.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

// Set per response by the HTTP stack or per request: everything else must match.
const VARYING = new Set(['date', 'x-request-id', 'keep-alive', 'connection']);
const headersOf = (res: Response) =>
  Object.fromEntries([...res.headers.entries()].filter(([name]) => !VARYING.has(name)).sort());

async function seatMapCount(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return [
    ...text.matchAll(/^http_requests_total\{[^}]*route="\/api\/v1\/showtimes\/:id\/seats"[^}]*\} (\d+)/gm),
  ].reduce((n, m) => n + Number(m[1]), 0);
}

for (const backend of backends()) {
  describe(`cached seat map over HTTP on ${backend.name}`, () => {
    let t: TestApp;
    let base: string;
    let alice: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      base = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
      alice = await makeUser(t);
    });
    after(() => t.close());

    test('a cached map is answered as the route answers it', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(2, 4) });
      const url = `${base}/api/v1/showtimes/${s.showtimeId}/seats`;
      t.app.modules.booking.seatMap.invalidate(s.showtimeId);
      const counted = await seatMapCount(base);
      const cold = await fetch(url, { headers: { 'x-request-id': 'cold-1' } });
      const coldBody = await cold.text();
      assert.equal(cold.status, 200);
      const warm = await fetch(url, { headers: { 'x-request-id': 'warm-1' } });
      assert.equal(warm.status, 200);
      assert.equal(await warm.text(), coldBody);
      assert.deepEqual(headersOf(warm), headersOf(cold));
      assert.equal(warm.headers.get('x-request-id'), 'warm-1', "the client's request id comes back");
      assert.equal(warm.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(warm.headers.get('x-frame-options'), 'DENY');

      const etag = String(warm.headers.get('etag'));
      const same = await fetch(url, { headers: { 'if-none-match': etag } });
      assert.equal(same.status, 304);
      assert.equal(await same.text(), '');
      assert.equal(same.headers.get('etag'), etag);
      assert.equal(await seatMapCount(base), counted + 3, 'every answer is counted');

      const seatId = s.seat('A', 1).id;
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: alice.token,
        payload: { showtimeId: s.showtimeId, seatIds: [seatId] },
      });
      assert.equal(held.status, 201, held.text);
      const after = await fetch(url, { headers: { 'if-none-match': etag } });
      assert.equal(after.status, 200);
      const map = (await after.json()) as { seats: { id: string; status: string }[] };
      assert.equal(map.seats.find((x) => x.id === seatId)?.status, 'held');
    });

    test('other forms of the URL and unknown showtimes still go through the route', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(1, 2) });
      await fetch(`${base}/api/v1/showtimes/${s.showtimeId}/seats`);
      const slash = await fetch(`${base}/api/v1/showtimes/${s.showtimeId}/seats/`);
      assert.equal(slash.status, 200);
      const head = await fetch(`${base}/api/v1/showtimes/${s.showtimeId}/seats`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      const unknown = await fetch(`${base}/api/v1/showtimes/00000000-0000-4000-8000-000000000000/seats`);
      assert.equal(unknown.status, 404);
      assert.equal((await unknown.json()).status, 404);
    });
  });
}
