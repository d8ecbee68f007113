// Fixed-window counting on the Kv, with time from the clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryKv } from '../cache/kv.ts';
import { ManualClock } from '../clock.ts';
import { clientNetwork, createRateLimiter } from './rate-limit.ts';

test('a budget per key and window; Retry-After counts down to the window end; keys are independent', async () => {
  const clock = new ManualClock(new Date('2026-01-01T10:00:20Z'));
  const limiter = createRateLimiter({ kv: new MemoryKv(), clock });
  const limit = { name: 'test', max: 2, windowMs: 60_000 };
  assert.equal((await limiter.hit(limit, 'a')).allowed, true);
  assert.equal((await limiter.peek(limit, 'a')).allowed, true);
  assert.equal((await limiter.hit(limit, 'a')).allowed, true);
  assert.equal((await limiter.peek(limit, 'a')).allowed, false);
  const over = await limiter.hit(limit, 'a');
  assert.deepEqual(over, { count: 3, allowed: false, retryAfterSeconds: 40 });
  assert.equal((await limiter.hit(limit, 'b')).allowed, true);
  assert.equal((await limiter.hit({ ...limit, name: 'other' }, 'a')).allowed, true);
  clock.advance(39_500);
  assert.equal((await limiter.hit(limit, 'a')).retryAfterSeconds, 1);
  clock.advance(500);
  assert.deepEqual(await limiter.hit(limit, 'a'), { count: 1, allowed: true, retryAfterSeconds: 60 });
});

test('a client is its IPv4 address, or its IPv6 /64 however it is written', () => {
  assert.equal(clientNetwork('203.0.113.7'), '203.0.113.7');
  assert.equal(clientNetwork('::ffff:203.0.113.7'), '203.0.113.7');
  const net = '2001:db8:0:1::/64';
  for (const ip of [
    '2001:db8:0:1::1',
    '2001:db8:0:1:ffff:ffff:ffff:ffff',
    '2001:0DB8:0000:0001:0:0:0:2',
    '2001:db8:0:1:a::b',
  ])
    assert.equal(clientNetwork(ip), net, ip);
  assert.notEqual(clientNetwork('2001:db8:0:2::1'), net);
  assert.equal(clientNetwork('::1'), '0:0:0:0::/64');
  assert.equal(clientNetwork('fe80::1%eth0'), 'fe80:0:0:0::/64');
});
