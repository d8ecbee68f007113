// Sessions through HTTP: logout and revocation take effect at once (also across two processes on one
// PostgreSQL and one Redis, and within 5 s when a process is cut off from Redis), sessions and their
// cookie slide on use and end after 30 days at most, CSRF for cookies.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, registerUser, signedInUser } from '../../../test/support/accounts.ts';
import { backends, realPostgres, services } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startTcpProxy, type TcpProxy } from '../../../test/support/tcp-proxy.ts';
import { newNamespace, startOnDatabase, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { type Kv, MemoryKv } from '../../platform/cache/kv.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { createSessionService } from './sessions.service.ts';

const DAY = 24 * 3600_000;
const env = { RATE_LIMIT_PER_MINUTE: '100000' };

for (const backend of backends()) {
  describe(`sessions on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env });
    });
    after(() => t.close());

    const me = (token: string) => t.request({ method: 'GET', url: '/api/v1/me', token });

    test('a revocation whose cache delete was lost (Redis away, then a restart) holds once the next process starts', async () => {
      // One shared cache, as Redis is; the first process's deletes never reach it, as in an outage.
      const shared = new MemoryKv();
      const unreachable: Kv = Object.assign(Object.create(shared) as Kv, { del: async () => {} });
      const deps = { database: t.app.platform.database, clock: t.clock };
      const before = createSessionService({ ...deps, kv: unreachable });
      const user = await makeUser(t);
      const session = await before.create(t.app.platform.database.db, user.id, {});
      const meta = { ip: '127.0.0.1', userAgent: undefined };
      assert.ok(await before.resolve(session.token, meta));
      assert.equal(await before.revoke(user.id, session.id), true);
      const restarted = createSessionService({ ...deps, kv: shared });
      assert.ok(await restarted.resolve(session.token, meta), 'the stale copy is still in the cache');
      await restarted.forgetRecentChanges();
      assert.equal(await restarted.resolve(session.token, meta), null);
    });

    test('logout is 204, clears the cookie, and the token stops working at once', async () => {
      const user = await signedInUser(t);
      assert.equal((await me(user.token)).status, 200);
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: user.token });
      assert.equal(res.status, 204);
      assert.match(String(res.headers['set-cookie']), /^session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
      const after = await me(user.token);
      assert.equal(after.status, 401);
      assert.equal(after.body.code, 'unauthorized');
    });

    test('the session list flags the current one and records user agent and ip', async () => {
      const user = await signedInUser(t);
      const second = await login(t, user.email, user.password, { 'user-agent': 'Phone/2.0' });
      const res = await t.request({ method: 'GET', url: '/api/v1/auth/sessions', token: second.body.token });
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, 2);
      assert.equal(res.body.nextCursor, null);
      for (const s of res.body.items) {
        assert.deepEqual(Object.keys(s).sort(), [
          'createdAt',
          'current',
          'expiresAt',
          'id',
          'ip',
          'lastSeenAt',
          'userAgent',
        ]);
      }
      const current = res.body.items.filter((s: any) => s.current);
      assert.equal(current.length, 1);
      assert.equal(current[0].userAgent, 'Phone/2.0');
      assert.equal(current[0].ip, '127.0.0.1');
      const page1 = await t.request({ method: 'GET', url: '/api/v1/auth/sessions?limit=1', token: second.body.token });
      assert.equal(page1.body.items.length, 1);
      assert.ok(page1.body.nextCursor);
      const page2 = await t.request({
        method: 'GET',
        url: `/api/v1/auth/sessions?limit=1&cursor=${page1.body.nextCursor}`,
        token: second.body.token,
      });
      assert.equal(page2.body.items.length, 1);
      assert.notEqual(page2.body.items[0].id, page1.body.items[0].id);
      assert.equal(page2.body.nextCursor, null);
      const bad = await t.request({
        method: 'GET',
        url: '/api/v1/auth/sessions?cursor=nonsense',
        token: second.body.token,
      });
      assert.equal(bad.status, 422);
    });

    test('revoking a session ends it at once; someone else’s, an unknown or a malformed one is 404', async () => {
      const user = await signedInUser(t);
      const other = await login(t, user.email, user.password);
      const list = await t.request({ method: 'GET', url: '/api/v1/auth/sessions', token: user.token });
      const otherId = list.body.items.find((s: any) => !s.current).id;
      const stranger = await makeUser(t);
      const foreign = await t.request({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${otherId}`,
        token: stranger.token,
      });
      assert.equal(foreign.status, 404);
      assert.equal((await me(other.body.token)).status, 200);
      const res = await t.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${otherId}`, token: user.token });
      assert.equal(res.status, 204);
      assert.equal((await me(other.body.token)).status, 401);
      assert.equal((await me(user.token)).status, 200);
      const again = await t.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${otherId}`, token: user.token });
      assert.equal(again.status, 404);
      const malformed = await t.request({
        method: 'DELETE',
        url: '/api/v1/auth/sessions/not-a-uuid',
        token: user.token,
      });
      assert.equal(malformed.status, 404);
    });

    test('a session slides on use and ends after 14 idle days', async () => {
      const user = await signedInUser(t);
      const first = await t.request({ method: 'GET', url: '/api/v1/auth/sessions', token: user.token });
      const expiresAt = new Date(first.body.items[0].expiresAt).getTime();
      for (let i = 0; i < 2; i++) {
        t.clock.advance(13 * DAY);
        assert.equal((await me(user.token)).status, 200, `after ${(i + 1) * 13} days of use`);
      }
      const slid = await t.request({ method: 'GET', url: '/api/v1/auth/sessions', token: user.token });
      assert.ok(new Date(slid.body.items[0].expiresAt).getTime() > expiresAt);
      t.clock.advance(14 * DAY + 1000);
      assert.equal((await me(user.token)).status, 401);
    });

    test('the session cookie lives as long as the session: 14 days at sign-in, sliding with it, never past 30 days', async () => {
      const user = await registerUser(t);
      const cookieOf = (res: { headers: Record<string, unknown> }) => {
        const header = res.headers['set-cookie'];
        return (Array.isArray(header) ? header : [header]).find(
          (c) => typeof c === 'string' && c.startsWith('session='),
        ) as string | undefined;
      };
      const signedIn = await login(t, user.email, user.password);
      const first = cookieOf(signedIn);
      assert.match(first ?? '', /Max-Age=1209600\b/, 'the idle lifetime, not 30 days');
      const cookie = `session=${signedIn.body.token}`;
      const read = () => t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      t.clock.advance(13 * DAY);
      const slid = await read();
      assert.equal(slid.status, 200);
      assert.match(
        cookieOf(slid) ?? '',
        new RegExp(`^session=${signedIn.body.token};.*Max-Age=1209600\\b`),
        'renewed as the session slides',
      );
      assert.match(cookieOf(slid) ?? '', /HttpOnly/);
      assert.match(cookieOf(slid) ?? '', /SameSite=Lax/);
      assert.equal(cookieOf(await read()), undefined, 'not renewed again within the minute');
      t.clock.advance(13 * DAY);
      assert.match(cookieOf(await read()) ?? '', /Max-Age=345600\b/, 'what is left of the 30 days');
      const viaBearer = await t.request({ method: 'GET', url: '/api/v1/me', token: signedIn.body.token });
      assert.equal(cookieOf(viaBearer), undefined, 'bearer clients get no cookie');
    });

    test('a session ends 30 days after sign-in however much it is used', async () => {
      const user = await signedInUser(t);
      for (const day of [10, 20]) {
        t.clock.advance(10 * DAY);
        assert.equal((await me(user.token)).status, 200, `day ${day}`);
      }
      t.clock.advance(10 * DAY - 60_000);
      assert.equal((await me(user.token)).status, 200, 'just before 30 days');
      t.clock.advance(2 * 60_000);
      assert.equal((await me(user.token)).status, 401, 'just after 30 days');
    });

    test('CSRF: a cookie-authenticated change needs a same-origin request; bearer tokens are exempt', async () => {
      const user = await signedInUser(t);
      const cookie = `session=${user.token}`;
      const patch = (headers: Record<string, string>) =>
        t.request({
          method: 'PATCH',
          url: '/api/v1/me',
          payload: { name: 'Changed' },
          headers: { cookie, ...headers },
        });
      const bare = await patch({});
      assert.equal(bare.status, 403);
      assert.equal(bare.body.code, 'csrf_rejected');
      const foreign = await patch({ origin: 'https://evil.test' });
      assert.equal(foreign.body.code, 'csrf_rejected');
      const crossSite = await patch({ 'sec-fetch-site': 'cross-site', origin: 'http://box.test' });
      assert.equal(crossSite.body.code, 'csrf_rejected');
      assert.equal((await patch({ origin: 'http://box.test' })).status, 200);
      assert.equal((await patch({ 'sec-fetch-site': 'same-origin' })).status, 200);
      const logout = await t.request({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
      assert.equal(logout.body.code, 'csrf_rejected');
      const viaBearer = await t.request({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { name: 'Bearer' },
        token: user.token,
      });
      assert.equal(viaBearer.status, 200);
      const read = await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      assert.equal(read.status, 200);
    });

    test('a forged, malformed or absent token is 401 unauthorized', async () => {
      for (const headers of [
        { authorization: 'Bearer forged-token-1234567890' },
        { authorization: 'Basic abc' },
        { cookie: 'session=nope' },
        {},
      ]) {
        const res = await t.request({ method: 'GET', url: '/api/v1/me', headers });
        assert.equal(res.status, 401, JSON.stringify(headers));
        assert.equal(res.body.code, 'unauthorized');
      }
    });
  });
}

// Two processes on one PostgreSQL and one Redis: what one revokes, the other refuses at once.
const shared = realPostgres()[0];
/** Two apps on one fresh PostgreSQL database and one Redis namespace, as two processes would be; `a` gets `envA`. */
async function twoProcesses(envA: Record<string, string>): Promise<{ a: TestApp; b: TestApp; close(): Promise<void> }> {
  const created = await (shared as NonNullable<typeof shared>).create();
  const namespace = newNamespace();
  const a = await startOnDatabase(created.database, created.url, { namespace, env: envA });
  const second = await openDatabase({ databaseUrl: created.url, dataDir: 'unused', poolSize: 5 });
  const b = await startOnDatabase(second, created.url, { namespace, env, clock: a.clock });
  return {
    a,
    b,
    async close() {
      await b.close();
      await second.close();
      await a.close();
      await created.drop();
    },
  };
}

describe(
  'sessions across two app instances',
  { skip: !shared || !services.redisUrl ? 'needs DATABASE_URL and REDIS_URL' : false },
  () => {
    let a: TestApp;
    let b: TestApp;
    let close: () => Promise<void>;
    before(async () => {
      ({ a, b, close } = await twoProcesses(env));
    });
    after(() => close());

    test('logout on one instance ends the session on the other at once', async () => {
      const user = await signedInUser(a);
      assert.equal((await b.request({ method: 'GET', url: '/api/v1/me', token: user.token })).status, 200);
      assert.equal((await a.request({ method: 'POST', url: '/api/v1/auth/logout', token: user.token })).status, 204);
      assert.equal((await b.request({ method: 'GET', url: '/api/v1/me', token: user.token })).status, 401);
    });

    test('revoking a session on one instance ends it on the other; a role change applies on both at once', async () => {
      const user = await signedInUser(a);
      const phone = await login(b, user.email, user.password);
      assert.equal((await a.request({ method: 'GET', url: '/api/v1/me', token: phone.body.token })).status, 200);
      const list = await b.request({ method: 'GET', url: '/api/v1/auth/sessions', token: user.token });
      const phoneId = list.body.items.find((s: any) => !s.current).id;
      assert.equal(
        (await b.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${phoneId}`, token: user.token })).status,
        204,
      );
      assert.equal((await a.request({ method: 'GET', url: '/api/v1/me', token: phone.body.token })).status, 401);

      const admin = await makeUser(a, { role: 'admin' });
      assert.equal((await b.request({ method: 'GET', url: '/api/v1/users', token: user.token })).status, 403);
      const promoted = await a.request({
        method: 'PATCH',
        url: `/api/v1/users/${user.id}`,
        payload: { role: 'admin' },
        token: admin.token,
      });
      assert.equal(promoted.status, 200);
      assert.equal((await b.request({ method: 'GET', url: '/api/v1/users', token: user.token })).status, 200);
      assert.equal((await b.request({ method: 'GET', url: '/api/v1/me', token: user.token })).body.role, 'admin');
    });
  },
);

// A process cut off from Redis cannot drop the shared cached copy when it ends a session; the other
// processes still refuse that session within the cache lifetime (SESSION_CACHE_TTL_MS, 5 s).
describe(
  'a logout while its process is cut off from Redis',
  { skip: !shared || !services.redisUrl ? 'needs DATABASE_URL and REDIS_URL' : false },
  () => {
    let a: TestApp;
    let b: TestApp;
    let proxy: TcpProxy;
    let close: () => Promise<void>;
    before(async () => {
      proxy = await startTcpProxy(services.redisUrl as string);
      ({ a, b, close } = await twoProcesses({ ...env, REDIS_URL: proxy.url }));
    });
    after(async () => {
      await proxy.close();
      await close();
    });

    test('the other process refuses the session within the cache lifetime, not a minute later', async () => {
      const user = await signedInUser(a);
      const onB = () => b.request({ method: 'GET', url: '/api/v1/me', token: user.token });
      assert.equal((await onB()).status, 200, 'cached in Redis');
      await proxy.down();
      assert.equal((await a.request({ method: 'POST', url: '/api/v1/auth/logout', token: user.token })).status, 204);
      assert.equal(
        (await a.request({ method: 'GET', url: '/api/v1/me', token: user.token })).status,
        401,
        'at once where it was ended',
      );
      // 20 s is four cache lifetimes, room for a loaded machine; the old lifetime was 60 s.
      await eventually(
        async () => (await onB()).status === 401,
        20_000,
        100,
        'the other process refusing the ended session',
      );
    });
  },
);
