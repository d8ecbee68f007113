// Live seat updates over Server-Sent Events, through a real HTTP listener: a snapshot first, then
// every change in version order, resume with Last-Event-ID or ?lastEventId=, pings, and nothing
// left behind on disconnect.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openSse, pubsubListeners, seatChanges } from '../../../test/crowd/sse-client.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`seat events on ${backend.name}`, () => {
    let t: TestApp;
    let base: string;
    let user: TestUser;
    let s: TestShowtime;
    before(async () => {
      t = await startTestApp(backend);
      base = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
      user = await makeUser(t, { role: 'staff' });
      s = await makeShowtime(t);
    });
    after(() => t.close());

    const hold = async (seatIds: string[]) => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: user.token,
        payload: { showtimeId: s.showtimeId, seatIds },
      });
      assert.equal(res.status, 201, res.text);
      return res.body.id as string;
    };
    const url = () => `${base}/api/v1/showtimes/${s.showtimeId}/seats/events`;

    test('a snapshot first, then each change with increasing ids, with SSE headers', async () => {
      const c = await openSse(url());
      try {
        assert.equal(c.status, 200);
        assert.match(String(c.headers.get('content-type')), /^text\/event-stream/);
        assert.equal(c.headers.get('cache-control'), 'no-cache');
        assert.equal(c.headers.get('x-accel-buffering'), 'no');
        const snap = await c.next((e) => e.event === 'snapshot');
        const map = JSON.parse(snap.data);
        assert.equal(map.showtimeId, s.showtimeId);
        assert.equal(map.seats.length, s.seats.length);
        const a1 = s.seat('A', 1).id;
        const id = await hold([a1]);
        const held = await c.next((e) => e.event === 'seats', 1000);
        assert.ok(Number(held.id) > Number(snap.id));
        assert.deepEqual(JSON.parse(held.data).seats, [{ id: a1, status: 'held' }]);
        await t.request({ method: 'DELETE', url: `/api/v1/bookings/${id}`, token: user.token });
        const freed = await c.next((e) => e.event === 'seats' && Number(e.id) > Number(held.id), 1000);
        assert.ok(Number(freed.id) > Number(held.id));
        assert.deepEqual(JSON.parse(freed.data).seats, [{ id: a1, status: 'available' }]);
      } finally {
        await c.close();
      }
    });

    test('Last-Event-ID resumes with the missed changes; an id that cannot be filled gets a snapshot', async () => {
      const keeper = await openSse(url());
      const c1 = await openSse(url());
      try {
        await c1.next((e) => e.event === 'snapshot');
        await hold([s.seat('B', 1).id]);
        await c1.next((e) => e.event === 'seats');
        const last = c1.lastId() as string;
        await c1.close();
        await hold([s.seat('B', 2).id]);
        await hold([s.seat('B', 3).id]);
        await keeper.next((e) => e.event === 'seats' && e.data.includes(s.seat('B', 3).id));
        const c2 = await openSse(url(), { 'last-event-id': last });
        try {
          const second = await c2.next((e) => e.event === 'seats' && e.data.includes(s.seat('B', 3).id));
          const got = c2.events.filter((e) => Number(e.id) <= Number(second.id));
          assert.equal(
            got.some((e) => e.event === 'snapshot'),
            false,
            'the gap was filled without a snapshot',
          );
          assert.deepEqual(seatChanges(got), [
            { id: s.seat('B', 2).id, status: 'held' },
            { id: s.seat('B', 3).id, status: 'held' },
          ]);
        } finally {
          await c2.close();
        }
        const c3 = await openSse(url(), { 'last-event-id': '999999' });
        try {
          const snap = await c3.next((e) => e.event === 'snapshot');
          assert.equal(JSON.parse(snap.data).seats.find((x: any) => x.id === s.seat('B', 3).id).status, 'held');
        } finally {
          await c3.close();
        }
      } finally {
        await keeper.close();
      }
    });

    test('?lastEventId= resumes like the header (the header wins); a ping says the stream is up', async () => {
      // A showtime of its own: the other tests' holds stay out of its events.
      const own = await makeShowtime(t);
      const ownUrl = `${base}/api/v1/showtimes/${own.showtimeId}/seats/events`;
      const holdOwn = async (seatId: string) => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/bookings',
          token: user.token,
          payload: { showtimeId: own.showtimeId, seatIds: [seatId] },
        });
        assert.equal(res.status, 201, res.text);
      };
      const keeper = await openSse(ownUrl);
      const c1 = await openSse(ownUrl);
      try {
        await c1.next((e) => e.event === 'snapshot');
        await holdOwn(own.seat('A', 1).id);
        await c1.next((e) => e.event === 'seats');
        const last = c1.lastId() as string;
        await c1.close();
        await holdOwn(own.seat('A', 2).id);
        await keeper.next((e) => e.event === 'seats' && e.data.includes(own.seat('A', 2).id));
        const c2 = await openSse(`${ownUrl}?lastEventId=${last}`);
        try {
          assert.equal(c2.status, 200);
          const ping = await c2.next((e) => e.event === 'ping');
          assert.ok(JSON.parse(ping.data).every > 0, 'the ping names the heartbeat');
          const before = c2.events.slice(0, c2.events.indexOf(ping));
          assert.equal(
            before.some((e) => e.event === 'snapshot'),
            false,
            'resumed from the URL without a snapshot',
          );
          assert.deepEqual(seatChanges(before), [{ id: own.seat('A', 2).id, status: 'held' }]);
        } finally {
          await c2.close();
        }
        // EventSource's own retry sends the header with a newer id than the one in its URL.
        const c3 = await openSse(`${ownUrl}?lastEventId=999999`, { 'last-event-id': last });
        try {
          const ping = await c3.next((e) => e.event === 'ping');
          const before = c3.events.slice(0, c3.events.indexOf(ping));
          assert.deepEqual(
            before.map((e) => e.event),
            ['seats'],
            'the header, not the URL, said where to resume',
          );
        } finally {
          await c3.close();
        }
        const bad = await fetch(`${ownUrl}?lastEventId=abc`);
        assert.equal(bad.status, 422, 'a malformed id is a validation problem');
        assert.match(String(bad.headers.get('content-type')), /^application\/problem\+json/);
      } finally {
        await c1.close();
        await keeper.close();
      }
    });

    test("the sweeper's expiries reach subscribers", async () => {
      const c = await openSse(url());
      try {
        await c.next((e) => e.event === 'snapshot');
        const c1 = s.seat('C', 1).id;
        await hold([c1]);
        await c.next((e) => e.event === 'seats' && e.data.includes(c1));
        t.clock.advance(11 * 60_000);
        await t.app.runJobsOnce();
        const freed = await c.next((e) => e.event === 'seats' && e.data.includes(`"${c1}","status":"available"`));
        assert.ok(freed);
      } finally {
        await c.close();
      }
    });

    test('after many connects and disconnects no subscription or listener is left', async () => {
      const other = await makeShowtime(t);
      for (let i = 0; i < 25; i++) {
        const c = await openSse(`${base}/api/v1/showtimes/${i % 2 ? s.showtimeId : other.showtimeId}/seats/events`);
        await c.next((e) => e.event === 'snapshot');
        await c.close();
      }
      // Closing is noticed by the server asynchronously.
      const feed = t.app.modules.booking.feed;
      for (let i = 0; i < 50 && feed.stats().clients > 0; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(feed.stats(), { channels: 0, clients: 0 });
      assert.equal(pubsubListeners(t.app.platform.pubsub, `seats:${s.showtimeId}`), 0);
      assert.equal(pubsubListeners(t.app.platform.pubsub, `seats:${other.showtimeId}`), 0);
      const unknown = await fetch(`${base}/api/v1/showtimes/00000000-0000-4000-8000-000000000000/seats/events`);
      assert.equal(unknown.status, 404);
    });
  });
}
