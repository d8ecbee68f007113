// Idempotency-Key through HTTP, on test-only routes added on top of the real app: replays without
// running the handler again, refuses a reused key with another body, refuses while in flight,
// keeps no 5xx, keys scoped per caller and forgotten after 24 hours; a dead holder's lease lapses
// in seconds; answers holding secrets are not kept; a route's own record answers a retry early.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { backends, realPostgres } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../../test/support/test-app.ts';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { createAuthHooks } from './auth.ts';
import { LEASE_SECONDS, renewLeases } from './idempotency-keys.store.ts';

/** Routes that count how often their handler really ran, in the database. */
function addCounterRoutes(t: TestApp) {
  const db = t.app.platform.database.db;
  const state = { failNext: false, gate: undefined as Promise<void> | undefined, entered: 0 };
  const bump = async (name: string) => {
    const row = await db
      .insertInto('app_settings')
      .values({ key: `counter:${name}`, value: '1' })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet((eb) => ({ value: eb.cast(eb(eb.cast('app_settings.value', 'integer'), '+', 1), 'text') })),
      )
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  };
  t.app.http.post('/test/counter/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    state.entered++;
    if (state.gate) await state.gate;
    if (state.failNext) {
      state.failNext = false;
      throw new Error('broke on purpose');
    }
    const count = await bump(name);
    return reply
      .code(201)
      .header('location', `/test/counter/${name}`)
      .send({ name, count, body: request.body ?? null });
  });
  // A route answering with a secret, and one whose own records can say its outcome is settled.
  const recorded = { settled: false };
  t.app.http.post('/test/secret', { config: { idempotency: { secretAnswer: true } } }, async () => ({
    token: randomUUID(),
    count: await bump('secret'),
  }));
  t.app.http.post(
    '/test/recorded',
    { config: { idempotency: { outcomeRecorded: async () => recorded.settled } } },
    async (_request, reply) => {
      state.entered++;
      if (state.gate) await state.gate;
      return reply.code(201).send({ count: await bump('recorded') });
    },
  );
  const auth = createAuthHooks(t.app.modules.accounts.sessions, t.config.publicUrl);
  t.app.http.post('/test/mine', { onRequest: auth.require() }, async (request) => ({
    count: await bump(`user-${request.principal!.userId}`),
  }));
  const count = async (name: string) =>
    Number(
      (await db.selectFrom('app_settings').select('value').where('key', '=', `counter:${name}`).executeTakeFirst())
        ?.value ?? 0,
    );
  return { state, recorded, count };
}

for (const backend of backends()) {
  describe(`Idempotency-Key on ${backend.name}`, () => {
    let t: TestApp;
    let routes: ReturnType<typeof addCounterRoutes>;
    let alice: TestUser;
    let bob: TestUser;
    const post = (
      url: string,
      key: string | undefined,
      payload: unknown,
      extra: { token?: string; remoteAddress?: string } = {},
    ) =>
      t.request({
        method: 'POST',
        url,
        payload: payload as object,
        headers: key ? { 'idempotency-key': key } : {},
        ...extra,
      });

    before(async () => {
      t = await startTestApp(backend, { useServices: false });
      routes = addCounterRoutes(t);
      alice = await makeUser(t);
      bob = await makeUser(t);
    });
    after(() => t.close());

    test('the same key and body replays the first answer without running the handler again', async () => {
      const first = await post('/test/counter/a', 'key-a', { seats: [1, 2] });
      assert.equal(first.status, 201);
      assert.equal(first.body.count, 1);
      const again = await post('/test/counter/a', 'key-a', { seats: [1, 2] });
      assert.equal(again.status, 201);
      assert.equal(again.text, first.text);
      assert.equal(again.headers['content-type'], first.headers['content-type']);
      assert.equal(again.headers.location, '/test/counter/a');
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.equal(await routes.count('a'), 1);
      const fresh = await post('/test/counter/a', 'key-a2', { seats: [1, 2] });
      assert.equal(fresh.body.count, 2);
    });

    test('the same key with another body or another endpoint is 422 idempotency_key_reused', async () => {
      await post('/test/counter/b', 'key-b', { n: 1 });
      const other = await post('/test/counter/b', 'key-b', { n: 2 });
      assert.equal(other.status, 422);
      assert.equal(other.body.code, 'idempotency_key_reused');
      const elsewhere = await post('/test/counter/c', 'key-b', { n: 1 });
      assert.equal(elsewhere.body.code, 'idempotency_key_reused');
      assert.equal(await routes.count('b'), 1);
      assert.equal((await post('/test/counter/b', 'key-b', { n: 1 })).headers['idempotent-replayed'], 'true');
    });

    test('keys belong to their caller: users, and anonymous clients by address', async () => {
      assert.equal((await post('/test/mine', 'shared', {}, { token: alice.token })).body.count, 1);
      assert.equal((await post('/test/mine', 'shared', {}, { token: alice.token })).body.count, 1);
      assert.equal((await post('/test/mine', 'shared', {}, { token: bob.token })).body.count, 1);
      assert.equal(await routes.count(`user-${alice.id}`), 1);
      await post('/test/counter/anon', 'anon-key', {}, { remoteAddress: '10.0.0.1' });
      const replay = await post('/test/counter/anon', 'anon-key', {}, { remoteAddress: '10.0.0.1' });
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      const otherClient = await post('/test/counter/anon', 'anon-key', {}, { remoteAddress: '10.0.0.2' });
      assert.equal(otherClient.body.count, 2);
    });

    test('it runs after authentication: a refused request keeps no key', async () => {
      const refused = await post('/test/mine', 'before-auth', {});
      assert.equal(refused.status, 401);
      const db = t.app.platform.database.db;
      const rows = await db
        .selectFrom('idempotency_keys')
        .select('user_key')
        .where('idempotency_key', '=', 'before-auth')
        .execute();
      assert.deepEqual(rows, []);
    });

    test('a request still in flight with the key is 409 idempotency_request_in_progress', async () => {
      let open!: () => void;
      routes.state.gate = new Promise((r) => (open = r));
      const entered = routes.state.entered;
      const slow = post('/test/counter/slow', 'key-slow', {});
      while (routes.state.entered === entered) await new Promise((r) => setTimeout(r, 5));
      const second = await post('/test/counter/slow', 'key-slow', {});
      assert.equal(second.status, 409);
      assert.equal(second.body.code, 'idempotency_request_in_progress');
      assert.ok(second.headers['retry-after']);
      routes.state.gate = undefined;
      open();
      assert.equal((await slow).status, 201);
      assert.equal((await post('/test/counter/slow', 'key-slow', {})).headers['idempotent-replayed'], 'true');
      assert.equal(await routes.count('slow'), 1);
    });

    /** Starts a request that waits at the gate until `open()`; resolves once its handler runs. */
    const gated = async (url: string, key: string) => {
      let open!: () => void;
      routes.state.gate = new Promise((r) => (open = r));
      const entered = routes.state.entered;
      const answer = post(url, key, {});
      await eventually(() => routes.state.entered > entered, 30_000, 5, 'the first request reached its handler');
      return {
        answer,
        open() {
          routes.state.gate = undefined;
          open();
        },
      };
    };
    const keyRow = (key: string) =>
      t.app.platform.database.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('idempotency_key', '=', key)
        .executeTakeFirstOrThrow();

    test('a key whose process died is free as soon as its lease lapses, not two minutes later', async () => {
      const first = await gated('/test/counter/dead', 'key-dead');
      assert.equal((await post('/test/counter/dead', 'key-dead', {})).status, 409);
      // As if its process had died: the lease is another's, not renewed, and ran out.
      await sql`update idempotency_keys set lease_id = gen_random_uuid(), lease_until = now() - interval '1 second'
        where idempotency_key = 'key-dead'`.execute(t.app.platform.database.db);
      routes.state.gate = undefined;
      const retry = await post('/test/counter/dead', 'key-dead', {});
      assert.equal(retry.status, 201, retry.text);
      assert.equal(retry.headers['idempotent-replayed'], undefined);
      first.open();
      await first.answer;
      // The retry's answer is the one kept: the late first answer does not replace it.
      const replayed = await post('/test/counter/dead', 'key-dead', {});
      assert.equal(replayed.headers['idempotent-replayed'], 'true');
      assert.equal(replayed.text, retry.text);
    });

    test("a holder that lost its lease does not write its late answer over the new holder's run", async () => {
      const first = await gated('/test/counter/late', 'key-late');
      // Its process stalled: the lease ran out and nobody renews it (as if another's), so a retry takes the key over.
      await sql`update idempotency_keys set lease_id = gen_random_uuid(), lease_until = now() - interval '1 second'
        where idempotency_key = 'key-late'`.execute(t.app.platform.database.db);
      const second = await gated('/test/counter/late', 'key-late');
      first.open();
      assert.equal((await first.answer).status, 201);
      assert.equal((await keyRow('key-late')).status_code, null, 'still in flight under the new holder');
      second.open();
      const answer = await second.answer;
      assert.equal(answer.status, 201, answer.text);
      const replayed = await post('/test/counter/late', 'key-late', {});
      assert.equal(replayed.headers['idempotent-replayed'], 'true');
      assert.equal(replayed.text, answer.text, "the new holder's answer is the one kept");
    });

    /** Runs `work` inside a transaction that holds the key's row locked until `work` ends. */
    const withRowLocked = (key: string, work: (trx: Transaction<DB>) => Promise<void>) =>
      t.app.platform.database.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('idempotency_keys')
          .select('lease_id')
          .where('idempotency_key', '=', key)
          .forUpdate()
          .execute();
        await work(trx);
      });
    const waitingOnLocks = async () => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%idempotency_keys%'`.execute(
        t.app.platform.database.db,
      );
      return rows[0]!.n;
    };

    test(
      'a renewal landing between a lapsed read and the take-over keeps the key with its holder',
      { skip: backend.name === 'pglite' && 'needs two connections' },
      async () => {
        const first = await gated('/test/counter/renewed', 'key-renewed');
        routes.state.gate = undefined;
        const lease = randomUUID();
        await sql`update idempotency_keys set lease_id = ${lease}, lease_until = now() - interval '1 second'
        where idempotency_key = 'key-renewed'`.execute(t.app.platform.database.db);
        let retry!: Promise<TestResponse>;
        await withRowLocked('key-renewed', async (trx) => {
          // The retry reads the lease as lapsed and its take-over waits for the row; then the holder renews.
          retry = post('/test/counter/renewed', 'key-renewed', {});
          await eventually(async () => (await waitingOnLocks()) > 0, 30_000, 20, 'the take-over waits for the row');
          await renewLeases(trx, [lease]);
        });
        const answer = await retry;
        assert.equal(answer.status, 409, answer.text);
        assert.equal(answer.body.code, 'idempotency_request_in_progress');
        assert.equal((await keyRow('key-renewed')).lease_id, lease, 'the key stays with its holder');
        first.open();
        await first.answer;
        assert.equal(await routes.count('renewed'), 1);
      },
    );

    test(
      'lease renewals wait for each other: a slow database holds one connection for them, not one per interval',
      { skip: backend.name === 'pglite' && 'needs two connections' },
      async () => {
        const first = await gated('/test/counter/slowrenew', 'key-slowrenew');
        await withRowLocked('key-slowrenew', async () => {
          await eventually(async () => (await waitingOnLocks()) > 0, 30_000, 50, 'a renewal waits for the row');
          // Two and a half renewal intervals: renewals on a fixed interval would be waiting three deep by now.
          await new Promise((r) => setTimeout(r, (LEASE_SECONDS * 1000 * 2.5) / 3));
          assert.equal(await waitingOnLocks(), 1);
        });
        first.open();
        await first.answer; // past its request deadline by now: 503, and the key is freed
      },
    );

    test('a request running longer than a lease keeps its key: its process renews the lease', async () => {
      const first = await gated('/test/counter/long', 'key-long');
      const leased = await keyRow('key-long');
      assert.ok(leased.lease_until && leased.lease_id);
      await eventually(
        async () => (await keyRow('key-long')).lease_until! > leased.lease_until!,
        30_000,
        200,
        'the lease was renewed',
      );
      assert.equal((await post('/test/counter/long', 'key-long', {})).body.code, 'idempotency_request_in_progress');
      first.open();
      assert.equal((await first.answer).status, 201);
    });

    test("a route's own record of the outcome answers a retry while the key is still held", async () => {
      routes.recorded.settled = false;
      const first = await gated('/test/recorded', 'key-recorded');
      const early = await post('/test/recorded', 'key-recorded', {});
      assert.equal(early.body.code, 'idempotency_request_in_progress', 'nothing settled yet: 409');
      routes.recorded.settled = true;
      routes.state.gate = undefined;
      const answered = await post('/test/recorded', 'key-recorded', {});
      assert.equal(answered.status, 201, answered.text);
      assert.equal((await keyRow('key-recorded')).status_code, 201, 'the record is complete');
      first.open();
      await first.answer;
      assert.equal((await post('/test/recorded', 'key-recorded', {})).headers['idempotent-replayed'], 'true');
    });

    test('an answer holding a secret is never kept: a retry runs again, and the request is kept only as a keyed hash', async () => {
      const payload = { password: 'correct horse battery staple' };
      const first = await post('/test/secret', 'key-secret', payload);
      assert.equal(first.status, 200);
      const row = await keyRow('key-secret');
      assert.equal(row.status_code, 200);
      assert.equal(row.response_body, null);
      assert.ok(!JSON.stringify(row).includes(first.body.token), 'the token is nowhere in the record');
      const plain = createHash('sha256')
        .update(`POST\n/test/secret\n${JSON.stringify(payload)}`)
        .digest('base64url');
      assert.ok(
        row.request_hash.startsWith('k1.') && !row.request_hash.includes(plain),
        'not an unkeyed hash of the body',
      );
      const again = await post('/test/secret', 'key-secret', payload);
      assert.equal(again.status, 200);
      assert.equal(again.headers['idempotent-replayed'], undefined);
      assert.notEqual(again.body.token, first.body.token);
      assert.equal(await routes.count('secret'), 2);
      assert.equal(
        (await post('/test/secret', 'key-secret', { password: 'other' })).body.code,
        'idempotency_key_reused',
      );
    });

    test('many identical requests at once run the handler once', async () => {
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => post('/test/counter/crowd', 'key-crowd', { x: 1 })),
      );
      assert.equal(await routes.count('crowd'), 1);
      for (const a of answers)
        assert.ok(
          a.status === 201 || (a.status === 409 && a.body.code === 'idempotency_request_in_progress'),
          String(a.status),
        );
      assert.equal((await post('/test/counter/crowd', 'key-crowd', { x: 1 })).status, 201);
    });

    test('a 5xx answer is not kept: the key is released for a retry', async () => {
      routes.state.failNext = true;
      const failed = await post('/test/counter/boom', 'key-boom', {});
      assert.equal(failed.status, 500);
      const retry = await post('/test/counter/boom', 'key-boom', {});
      assert.equal(retry.status, 201);
      assert.equal(retry.headers['idempotent-replayed'], undefined);
      assert.equal(retry.body.count, 1);
    });

    test('keys expire after 24 hours and the clean-up job removes them', async () => {
      await post('/test/counter/old', 'key-old', {});
      t.clock.advance(23 * 3600_000);
      assert.equal((await post('/test/counter/old', 'key-old', {})).headers['idempotent-replayed'], 'true');
      t.clock.advance(3600_000 + 1000);
      const after = await post('/test/counter/old', 'key-old', {});
      assert.equal(after.headers['idempotent-replayed'], undefined);
      assert.equal(after.body.count, 2);
      t.clock.advance(25 * 3600_000);
      await t.app.runJobsOnce();
      const left = await t.app.platform.database.db.selectFrom('idempotency_keys').select('idempotency_key').execute();
      assert.deepEqual(left, []);
    });

    test('requests without a key, and safe methods, are untouched; a malformed key is 422', async () => {
      await post('/test/counter/plain', undefined, {});
      await post('/test/counter/plain', undefined, {});
      assert.equal(await routes.count('plain'), 2);
      const bad = await post('/test/counter/plain', 'x'.repeat(256), {});
      assert.equal(bad.status, 422);
      assert.equal(bad.body.code, 'validation_failed');
      const get = await t.request({ method: 'GET', url: '/healthz', headers: { 'idempotency-key': 'k' } });
      assert.equal(get.status, 200);
    });
  });
}

for (const backend of realPostgres()) {
  describe(`Idempotency-Key past the request deadline, on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { useServices: false, env: { REQUEST_DEADLINE_MS: '1000' } });
      const db = t.app.platform.database.db;
      // A handler that overruns the deadline and then needs the database: a 503, as when it is slow.
      t.app.http.post('/test/overrun', async () => {
        await new Promise((r) => setTimeout(r, 1500));
        await db.selectFrom('app_settings').select('key').execute();
        return { ran: true };
      });
    });
    after(() => t.close());

    test('a 503 for a spent deadline frees its key at once, not when the lease lapses', async () => {
      const first = await t.request({
        method: 'POST',
        url: '/test/overrun',
        payload: {},
        headers: { 'idempotency-key': 'key-overrun' },
      });
      assert.equal(first.status, 503, first.text);
      // Freed by the request itself: its row goes, where a lapsed lease would stay.
      const db = t.app.platform.database.db;
      await eventually(
        async () =>
          (
            await db
              .selectFrom('idempotency_keys')
              .select('idempotency_key')
              .where('idempotency_key', '=', 'key-overrun')
              .execute()
          ).length === 0,
      );
    });
  });
}
