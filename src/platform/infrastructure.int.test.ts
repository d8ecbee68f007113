// The adapters chosen by configuration, seen through HTTP: readiness names each configured service
// and turns 503 when one is down; a Redis outage turns cache reads into misses, never into 5xx.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, services } from '../../test/support/backends.ts';
import { eventually } from '../../test/support/eventually.ts';
import { startTcpProxy, type TcpProxy } from '../../test/support/tcp-proxy.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { MemoryKv } from './cache/kv.ts';
import { RedisKv } from './cache/redis-kv.ts';

const [pglite] = backends();

/** A test-only route that reads through the cache the way modules do. */
function addCachedRoute(t: TestApp): void {
  const { kv } = t.app.platform;
  t.app.http.get('/test/cached/:key', async (request) => {
    const { key } = request.params as { key: string };
    const hit = await kv.get(`c:${key}`);
    if (hit !== null) return { value: hit, from: 'cache' };
    await kv.set(`c:${key}`, `v-${key}`, 60_000);
    return { value: `v-${key}`, from: 'source', count: (await kv.incr(`n:${key}`, 60_000)).count };
  });
}

describe('infrastructure without Redis or NATS', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp(pglite!, { useServices: false });
  });
  after(() => t.close());

  test('memory adapters are used and readiness checks only the database (and the outbox it holds)', async () => {
    assert.ok(t.app.platform.kv instanceof MemoryKv);
    const res = await t.request({ method: 'GET', url: '/readyz' });
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body.checks), ['database', 'outbox']);
  });
});

describe('infrastructure with Redis', { skip: !services.redisUrl && 'REDIS_URL is not set' }, () => {
  let t: TestApp;
  let proxy: TcpProxy;
  before(async () => {
    proxy = await startTcpProxy(services.redisUrl!);
    // The test routes go in before the app is ready, like a module's.
    t = await startTestApp(pglite!, { env: { REDIS_URL: proxy.url } });
    addCachedRoute(t);
  });
  after(async () => {
    await t.close();
    await proxy.close();
  });

  test('Redis backs the Kv and readiness reports it', async () => {
    assert.ok(t.app.platform.kv instanceof RedisKv);
    const res = await t.request({ method: 'GET', url: '/readyz' });
    assert.equal(res.status, 200);
    assert.equal(res.body.checks.redis, 'ok');
    assert.equal((await t.request({ method: 'GET', url: '/test/cached/a' })).body.from, 'source');
    assert.equal((await t.request({ method: 'GET', url: '/test/cached/a' })).body.from, 'cache');
  });

  test('with Redis down /readyz is 503 naming it, and cached reads still answer 200', async () => {
    await proxy.down();
    try {
      const ready = await t.request({ method: 'GET', url: '/readyz' });
      assert.equal(ready.status, 503);
      assert.match(ready.body.checks.redis, /^down/);
      assert.equal(ready.body.checks.database, 'ok');
      const res = await t.request({ method: 'GET', url: '/test/cached/a' });
      assert.equal(res.status, 200);
      assert.equal(res.body.from, 'source', 'a miss while Redis is away');
    } finally {
      await proxy.up();
    }
    await eventually(async () => (await t.request({ method: 'GET', url: '/readyz' })).status === 200);
  });
});

describe('infrastructure with NATS', { skip: !services.natsUrl && 'NATS_URL is not set' }, () => {
  let t: TestApp;
  let proxy: TcpProxy;
  before(async () => {
    proxy = await startTcpProxy(services.natsUrl!);
    t = await startTestApp(pglite!, { env: { NATS_URL: proxy.url }, useServices: false });
  });
  after(async () => {
    await t.close();
    await proxy.close();
  });

  test('readiness reports NATS, 503 while it is unreachable, and recovers', async () => {
    await eventually(async () => (await t.request({ method: 'GET', url: '/readyz' })).status === 200);
    assert.equal((await t.request({ method: 'GET', url: '/readyz' })).body.checks.nats, 'ok');
    await proxy.down();
    try {
      await eventually(async () => (await t.request({ method: 'GET', url: '/readyz' })).status === 503);
      const res = await t.request({ method: 'GET', url: '/readyz' });
      assert.match(res.body.checks.nats, /^down/);
    } finally {
      await proxy.up();
    }
    await eventually(async () => (await t.request({ method: 'GET', url: '/readyz' })).status === 200);
  });
});
