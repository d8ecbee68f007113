// The seat map's ETag: a poller that already has the current map gets 304 without a body; any change
// of a seat's status gives a new tag; two processes on one database tag the same map alike.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, realPostgres, services } from '../../../test/support/backends.ts';
import { gridLayout, makeShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { newNamespace, startOnDatabase, startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const mapUrl = (showtimeId: string) => `/api/v1/showtimes/${showtimeId}/seats`;

for (const backend of backends()) {
  describe(`seat map ETag on ${backend.name}`, () => {
    let t: TestApp;
    let alice: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      alice = await makeUser(t);
    });
    after(() => t.close());

    test('If-None-Match with the current tag is 304; a hold changes the tag', async () => {
      const s = await makeShowtime(t, { seats: gridLayout(2, 4) });
      const url = mapUrl(s.showtimeId);
      const first = await t.request({ method: 'GET', url });
      assert.equal(first.status, 200);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]{20,}"$/, 'a strong tag');
      assert.equal(first.headers['cache-control'], 'no-cache');
      // From the cache and after it is rebuilt (the copy lives a second at most): the same tag.
      const again = await t.request({ method: 'GET', url });
      assert.equal(again.headers.etag, etag);
      t.app.modules.booking.seatMap.invalidate(s.showtimeId);
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const res = await t.request({ method: 'GET', url, headers: { 'if-none-match': header } });
        assert.equal(res.status, 304, header);
        assert.equal(res.text, '');
        assert.equal(res.headers.etag, etag);
      }
      const stale = await t.request({ method: 'GET', url, headers: { 'if-none-match': '"nope"' } });
      assert.equal(stale.status, 200);
      assert.equal(stale.body.seats.length, 8);

      const seatId = s.seat('A', 2).id;
      const held = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: alice.token,
        payload: { showtimeId: s.showtimeId, seatIds: [seatId] },
      });
      assert.equal(held.status, 201, held.text);
      const changed = await t.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.equal(changed.body.seats.find((x: { id: string }) => x.id === seatId).status, 'held');
    });

    test('an unknown showtime is 404 whatever If-None-Match says', async () => {
      const res = await t.request({
        method: 'GET',
        url: mapUrl('00000000-0000-4000-8000-000000000000'),
        headers: { 'if-none-match': '*' },
      });
      assert.equal(res.status, 404);
      assert.equal(res.body.code, 'not_found');
    });
  });
}

const shared = services.redisUrl ? realPostgres() : [];
describe(
  'seat map ETag across two instances on one PostgreSQL and one Redis',
  { skip: shared.length === 0 ? 'needs DATABASE_URL and REDIS_URL' : false },
  () => {
    let a: TestApp;
    let b: TestApp;
    let drop: () => Promise<void>;
    before(async () => {
      const created = await (shared[0] as NonNullable<(typeof shared)[0]>).create();
      drop = created.drop;
      const namespace = newNamespace();
      a = await startOnDatabase(created.database, created.url, { namespace });
      b = await startOnDatabase(created.database, created.url, { namespace });
    });
    after(async () => {
      await a?.close();
      await b?.close();
      await drop?.();
    });

    test("one instance's tag is current on the other until a hold there changes the map", async () => {
      const s = await makeShowtime(a, { seats: gridLayout(2, 4) });
      const url = mapUrl(s.showtimeId);
      const etag = String((await a.request({ method: 'GET', url })).headers.etag);
      const other = await b.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
      assert.equal(other.status, 304);
      const bob = await makeUser(b);
      const held = await b.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: bob.token,
        payload: { showtimeId: s.showtimeId, seatIds: [s.seat('B', 3).id] },
      });
      assert.equal(held.status, 201, held.text);
      // The change reaches the first instance through Redis pubsub: wait for it to drop its copy.
      let res = await a.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
      await eventually(async () => {
        res = await a.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
        return res.status === 200;
      });
      assert.notEqual(res.headers.etag, etag);
      const fromB = await b.request({ method: 'GET', url });
      assert.equal(fromB.headers.etag, res.headers.etag, 'both instances tag the new map alike');
    });
  },
);
