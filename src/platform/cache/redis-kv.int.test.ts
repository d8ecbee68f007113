// RedisKv and RedisPubSub on a real Redis (when REDIS_URL is set), including an outage played with
// a proxy: caches degrade to misses, deletes are not lost, rate counters stay per process,
// subscriptions come back after the reconnect.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { services } from '../../../test/support/backends.ts';
import { newNamespace } from '../../../test/support/test-app.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTcpProxy, type TcpProxy } from '../../../test/support/tcp-proxy.ts';
import { RedisPubSub } from '../events/redis-pubsub.ts';
import { createLogger } from '../telemetry/logger.ts';
import { awaitReady, closeRedis, connectRedis } from './redis.ts';
import { RedisKv } from './redis-kv.ts';

const logger = createLogger('silent');
const redisUrl = services.redisUrl;

describe('RedisKv and RedisPubSub on real Redis', { skip: !redisUrl && 'REDIS_URL is not set' }, () => {
  const prefix = `marquee-test:${newNamespace()}:`;
  let admin: Redis;
  let proxy: TcpProxy;
  const opened: Redis[] = [];
  const open = async (url: string, role: string) => {
    const c = connectRedis(url, logger, role);
    opened.push(c);
    await awaitReady(c);
    return c;
  };

  before(async () => {
    admin = new Redis(redisUrl!);
    proxy = await startTcpProxy(redisUrl!);
  });
  after(async () => {
    await Promise.all(opened.map((c) => closeRedis(c)));
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
    await proxy.close();
  });

  test('every key lives under REDIS_PREFIX and expires with its ttl', async () => {
    const kv = new RedisKv(await open(redisUrl!, 'a'), prefix, logger);
    await kv.set('session:1', 'v1', 60_000);
    assert.equal(await kv.get('session:1'), 'v1');
    assert.equal(await admin.get(`${prefix}session:1`), 'v1');
    const ttl = await admin.pttl(`${prefix}session:1`);
    assert.ok(ttl > 50_000 && ttl <= 60_000, `ttl ${ttl}`);
    await kv.del('session:1');
    assert.equal(await kv.get('session:1'), null);
    await kv.set('short', 'x', 50);
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(await kv.get('short'), null);
  });

  test('incr counts atomically within a fixed window that starts at the first increment', async () => {
    const kvA = new RedisKv(await open(redisUrl!, 'a'), prefix, logger);
    const kvB = new RedisKv(await open(redisUrl!, 'b'), prefix, logger);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? kvA : kvB).incr('rl:ip', 400)));
    assert.deepEqual(
      results.map((r) => r.count).sort((a, b) => a - b),
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    for (const r of results) assert.ok(r.resetInMs > 0 && r.resetInMs <= 400);
    const ttl = await admin.pttl(`${prefix}rl:ip`);
    assert.ok(ttl > 0 && ttl <= 400, `the window is not extended by later increments: ${ttl}`);
    await new Promise((r) => setTimeout(r, 450));
    assert.equal((await kvA.incr('rl:ip', 400)).count, 1);
  });

  test('an outage degrades: misses, no errors, per-process counters, deletes replayed when Redis is back', async () => {
    const kv = new RedisKv(await open(proxy.url, 'proxied'), prefix, logger);
    const direct = new RedisKv(await open(redisUrl!, 'direct'), prefix, logger);
    let reconnects = 0;
    kv.onReconnect(() => reconnects++);
    await kv.set('cached', 'stale-session', 60_000);
    await kv.set('generation', 'before-the-write', 60_000);
    assert.equal(await kv.get('cached'), 'stale-session');

    await proxy.down();
    assert.equal(await kv.get('cached'), null, 'a read is a miss');
    await kv.set('other', 'v', 1000);
    await kv.del('cached');
    // A write that cannot reach Redis leaves an older value there: it must not be read back later.
    await kv.set('generation', 'after-the-write', 60_000);
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push((await kv.incr('rl:down', 60_000)).count);
    assert.deepEqual(counts, [1, 2, 3], 'rate limits still count, in this process');
    await assert.rejects(kv.ping());
    assert.equal(await direct.get('cached'), 'stale-session', 'the delete did not reach Redis yet');

    await proxy.up();
    await eventually(async () => (await direct.get('cached')) === null);
    assert.equal(await kv.get('cached'), null);
    await eventually(async () => (await direct.get('generation')) === null);
    assert.equal(await kv.get('generation'), null, 'the value older than the failed write is gone');
    await eventually(() => reconnects >= 1);
    await kv.ping();
  });

  test('pub/sub multiplexes channels on one connection and reaches other processes', async () => {
    const a = new RedisPubSub(await open(redisUrl!, 'pa'), await open(redisUrl!, 'sa'), prefix, logger);
    const b = new RedisPubSub(await open(redisUrl!, 'pb'), await open(redisUrl!, 'sb'), prefix, logger);
    const got: string[] = [];
    const un1 = await b.subscribe('seats:1', (m) => got.push(`1:${m}`));
    const un1b = await b.subscribe('seats:1', (m) => got.push(`1b:${m}`));
    const un2 = await b.subscribe('seats:2', (m) => got.push(`2:${m}`));
    await a.publish('seats:1', 'x');
    await a.publish('seats:2', 'y');
    await a.publish('seats:3', 'nobody');
    await eventually(() => got.length === 3);
    assert.deepEqual(got.sort(), ['1:x', '1b:x', '2:y']);
    await un1();
    await a.publish('seats:1', 'z');
    await eventually(() => got.length === 4);
    assert.equal(got[3], '1b:z');
    await un1b();
    await un2();
    const channels = await admin.pubsub('CHANNELS', `${prefix}seats:*`);
    assert.deepEqual(channels, [], 'the last listener gone, the channel is unsubscribed');
  });

  test('subscriptions come back after the connection is cut, and ones made while Redis is away start later', async () => {
    const publisher = new RedisPubSub(await open(redisUrl!, 'p'), await open(redisUrl!, 's'), prefix, logger);
    const sub = new RedisPubSub(await open(proxy.url, 'pp'), await open(proxy.url, 'ps'), prefix, logger);
    const got: string[] = [];
    let resumed = 0;
    sub.onResume(() => resumed++);
    await sub.subscribe('live', (m) => got.push(m));
    await proxy.down();
    await sub.subscribe('later', (m) => got.push(`later:${m}`));
    await publisher.publish('live', 'lost while down');
    // Its own publish still reaches its own listeners; other processes resync when it is back.
    await sub.publish('live', 'said here while down');
    assert.ok(got.includes('said here while down'));
    await proxy.up();
    await eventually(() => resumed >= 1);
    await eventually(async () => {
      await publisher.publish('live', 'after');
      await publisher.publish('later', 'after');
      return got.includes('after') && got.includes('later:after');
    });
    assert.ok(!got.includes('lost while down'));
  });
});
