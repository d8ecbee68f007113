// Live seat streams cannot pile up: a client that drops at any moment (even before its stream is set
// up) leaves no subscription behind, here or on Redis, and the streams a process and one client
// address may keep open are capped with a problem+json answer and Retry-After.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { openSse, pubsubListeners, type SseClient } from '../../../test/crowd/sse-client.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeShowtime, type TestShowtime } from '../../../test/support/catalog-factories.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

/** Sends the request for a stream and drops the connection after `afterMs`, without reading a byte. */
function dropStream(port: number, path: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: box.test\r\nAccept: text/event-stream\r\n\r\n`);
      setTimeout(() => socket.destroy(), afterMs);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => {});
  });
}

/** Subscribers Redis counts on each channel (PUBSUB NUMSUB), or null without Redis. */
async function redisSubscribers(t: TestApp, channels: string[]): Promise<number[] | null> {
  if (!t.config.redisUrl) return null;
  const admin = new Redis(t.config.redisUrl);
  try {
    const reply = (await admin.pubsub('NUMSUB', ...channels.map((c) => t.config.redisPrefix + c))) as (
      string | number
    )[];
    return reply.filter((_, i) => i % 2 === 1).map(Number);
  } finally {
    admin.disconnect();
  }
}

for (const backend of backends()) {
  describe(`seat streams on ${backend.name}`, () => {
    let t: TestApp;
    let base: string;
    let port: number;
    let shows: TestShowtime[];
    before(async () => {
      t = await startTestApp(backend, { env: { SSE_MAX_PER_CLIENT: '100000', SSE_MAX_CONNECTIONS: '100000' } });
      base = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
      port = Number(new URL(base).port);
      shows = await Promise.all([1, 2, 3, 4].map(() => makeShowtime(t)));
    });
    after(() => t.close());

    test('hundreds of streams dropped at once, at every stage, leave no subscription, here or on Redis', async () => {
      const booking = t.app.modules.booking;
      const channels = shows.map((s) => `seats:${s.showtimeId}`);
      for (let round = 0; round < 6; round++) {
        // A cold map makes the stream wait for the database first: the window a drop used to fall into.
        for (const s of shows) booking.seatMap.invalidate(s.showtimeId);
        const drops = Array.from({ length: 60 }, (_, i) =>
          dropStream(port, `/api/v1/showtimes/${shows[i % 4]?.showtimeId}/seats/events`, i % 9),
        );
        const readers = shows.map(async (s) => {
          const c = await openSse(`${base}/api/v1/showtimes/${s.showtimeId}/seats/events`);
          await c.next((e) => e.event === 'snapshot', 30_000);
          await c.close();
        });
        await Promise.all([...drops, ...readers]);
      }
      await eventually(
        () => booking.feed.stats().clients === 0 && booking.streams.open() === 0,
        30_000,
        25,
        'every stream closed',
      );
      assert.deepEqual(booking.feed.stats(), { channels: 0, clients: 0 });
      for (const c of channels) assert.equal(pubsubListeners(t.app.platform.pubsub, c), 0, c);
      const onRedis = await redisSubscribers(t, channels);
      if (onRedis)
        await eventually(
          async () => (await redisSubscribers(t, channels))?.every((n) => n === 0) ?? true,
          30_000,
          50,
          'redis channels unsubscribed',
        );
    });
  });

  describe(`seat stream caps on ${backend.name}`, () => {
    let t: TestApp;
    let base: string;
    let show: TestShowtime;
    before(async () => {
      t = await startTestApp(backend, {
        env: { SSE_MAX_PER_CLIENT: '2', SSE_MAX_CONNECTIONS: '3', TRUST_PROXY: 'true' },
      });
      base = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
      show = await makeShowtime(t);
    });
    after(() => t.close());

    const url = () => `${base}/api/v1/showtimes/${show.showtimeId}/seats/events`;
    const from = (address: string) => ({ 'x-forwarded-for': address });

    test('over the cap per client address: 429 rate_limited; over the cap per process: 503 stream_limit_reached; both with Retry-After', async () => {
      const open: SseClient[] = [];
      try {
        for (let i = 0; i < 2; i++) {
          const c = await openSse(url(), from('198.51.100.7'));
          assert.equal(c.status, 200);
          open.push(c);
        }
        const third = await fetch(url(), { headers: from('198.51.100.7') });
        assert.equal(third.status, 429);
        assert.match(String(third.headers.get('content-type')), /^application\/problem\+json/);
        assert.ok(Number(third.headers.get('retry-after')) >= 1);
        assert.equal((await third.json()).code, 'rate_limited');

        const other = await openSse(url(), from('198.51.100.8'));
        assert.equal(other.status, 200);
        open.push(other);
        const full = await fetch(url(), { headers: from('198.51.100.9') });
        assert.equal(full.status, 503);
        assert.ok(Number(full.headers.get('retry-after')) >= 1);
        assert.equal((await full.json()).code, 'stream_limit_reached');

        // A closed stream gives its slot back.
        await open.shift()?.close();
        await eventually(() => t.app.modules.booking.streams.open() === 2);
        const again = await openSse(url(), from('198.51.100.7'));
        assert.equal(again.status, 200);
        open.push(again);
        await again.next((e) => e.event === 'snapshot');

        const metrics = (await t.request({ method: 'GET', url: '/metrics' })).text;
        assert.match(metrics, /marquee_sse_connections 3/);
        assert.match(metrics, /marquee_sse_refused_total\{cap="client"\} 1/);
        assert.match(metrics, /marquee_sse_refused_total\{cap="process"\} 1/);
      } finally {
        await Promise.all(open.map((c) => c.close()));
      }
      // Refusals and unknown showtimes keep no slot.
      await eventually(() => t.app.modules.booking.streams.open() === 0);
      const unknown = await fetch(`${base}/api/v1/showtimes/00000000-0000-4000-8000-000000000000/seats/events`, {
        headers: from('198.51.100.10'),
      });
      assert.equal(unknown.status, 404);
      assert.equal(t.app.modules.booking.streams.open(), 0);
    });

    test('an IPv6 client is its /64: streams from many of its addresses share one cap', async () => {
      const open: SseClient[] = [];
      try {
        for (const address of ['2001:db8:0:7::1', '2001:db8:0:7::2']) {
          const c = await openSse(url(), from(address));
          assert.equal(c.status, 200);
          open.push(c);
        }
        const third = await fetch(url(), { headers: from('2001:db8:0:7:ffff::3') });
        assert.equal(third.status, 429);
        assert.equal((await third.json()).code, 'rate_limited');
        const otherNetwork = await openSse(url(), from('2001:db8:0:8::1'));
        assert.equal(otherNetwork.status, 200, 'another /64 is another client');
        open.push(otherNetwork);
      } finally {
        await Promise.all(open.map((c) => c.close()));
      }
      await eventually(() => t.app.modules.booking.streams.open() === 0);
    });
  });
}
