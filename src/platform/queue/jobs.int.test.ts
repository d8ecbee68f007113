// The queue inside the app: admins list, retry and discard dead jobs through the API (nobody else
// may), the queue's gauges and counters are on /metrics, runJobsOnce drains queued jobs, and close()
// waits for a job in flight.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { backends } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { PermanentJobError } from './job-queue.ts';

for (const backend of backends()) {
  describe(`admin jobs API on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    let customer: TestUser;
    let failing = true;
    const handled: unknown[] = [];
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
      customer = await makeUser(t, { role: 'customer' });
      t.app.platform.queue.work('test.fragile', async (job) => {
        if (failing) throw new PermanentJobError(`cannot handle ${String(job.payload.n)}`);
        handled.push(job.payload.n);
      });
    });
    after(() => t.close());

    const get = (url: string, token = admin.token) => t.request({ method: 'GET', url, token });

    test('only admins reach the jobs API', async () => {
      assert.equal((await get('/api/v1/admin/jobs', customer.token)).status, 403);
      assert.equal((await get('/api/v1/admin/jobs/summary', customer.token)).status, 403);
      const anonymous = await t.request({ method: 'GET', url: '/api/v1/admin/jobs' });
      assert.equal(anonymous.status, 401);
      const retry = await t.request({
        method: 'POST',
        url: '/api/v1/admin/jobs/00000000-0000-4000-8000-000000000000/retry',
        token: customer.token,
      });
      assert.equal(retry.status, 403);
    });

    test('a dead job is listed, retried once fixed, and runs; another is discarded', async () => {
      const { queue, database } = t.app.platform;
      for (const n of [1, 2, 3]) await queue.enqueue(database.db, 'test.fragile', { n });
      await t.app.platform.queue.drain();

      const dead = await get('/api/v1/admin/jobs?state=dead&queue=test.fragile&limit=2');
      assert.equal(dead.status, 200);
      assert.equal(dead.body.items.length, 2);
      assert.ok(dead.body.nextCursor);
      const rest = await get(
        `/api/v1/admin/jobs?state=dead&queue=test.fragile&limit=2&cursor=${encodeURIComponent(dead.body.nextCursor)}`,
      );
      assert.equal(rest.body.items.length, 1);
      assert.equal(rest.body.nextCursor, null);
      const all = [...dead.body.items, ...rest.body.items];
      assert.deepEqual(all.map((j: { payload: { n: number } }) => j.payload.n).sort(), [1, 2, 3]);
      const first = all.find((j: { payload: { n: number } }) => j.payload.n === 1);
      assert.equal(first.state, 'dead');
      assert.equal(first.attempts, 1);
      assert.equal(first.lastError, 'PermanentJobError: cannot handle 1');
      assert.ok(first.deadAt);

      const summary = await get('/api/v1/admin/jobs/summary');
      assert.equal(summary.status, 200);
      assert.deepEqual(
        summary.body.queues.find((q: { queue: string }) => q.queue === 'test.fragile'),
        { queue: 'test.fragile', ready: 0, due: 0, running: 0, dead: 3, oldestDueSeconds: 0 },
      );

      failing = false;
      const retried = await t.request({
        method: 'POST',
        url: `/api/v1/admin/jobs/${first.id}/retry`,
        token: admin.token,
      });
      assert.equal(retried.status, 200);
      assert.equal(retried.body.state, 'ready');
      assert.equal(retried.body.attempts, 0);
      assert.equal(retried.body.deadAt, null);
      await t.app.platform.queue.drain();
      assert.deepEqual(handled, [1], 'the retried job ran once; the other dead ones stay dead');

      const gone = await t.request({ method: 'POST', url: `/api/v1/admin/jobs/${first.id}/retry`, token: admin.token });
      assert.equal(gone.status, 404);
      assert.equal(gone.body.code, 'job_not_found');
      assert.match(String(gone.headers['content-type']), /application\/problem\+json/);

      const second = all.find((j: { payload: { n: number } }) => j.payload.n === 2);
      const discarded = await t.request({
        method: 'DELETE',
        url: `/api/v1/admin/jobs/${second.id}`,
        token: admin.token,
      });
      assert.equal(discarded.status, 204);
      const again = await t.request({ method: 'DELETE', url: `/api/v1/admin/jobs/${second.id}`, token: admin.token });
      assert.equal(again.status, 404);
    });

    test('pages hold every job when many share one created_at to the microsecond', async () => {
      // As a migration's insert … select writes them: now(), one value (with microseconds) per statement.
      await sql`insert into jobs (queue, payload, state, max_attempts, run_at, created_at, updated_at, dead_at)
        select 'test.same-instant', jsonb_build_object('n', n), 'dead', 1, now(), now(), now(), now()
        from generate_series(1, 5) as n`.execute(t.app.platform.database.db);
      const seen: number[] = [];
      let url = '/api/v1/admin/jobs?state=dead&queue=test.same-instant&limit=2';
      for (let page = 0; page < 5; page++) {
        const r = await get(url);
        assert.equal(r.status, 200, r.text);
        seen.push(...r.body.items.map((j: { payload: { n: number } }) => j.payload.n));
        if (!r.body.nextCursor) break;
        url = `/api/v1/admin/jobs?state=dead&queue=test.same-instant&limit=2&cursor=${encodeURIComponent(r.body.nextCursor)}`;
      }
      assert.deepEqual(seen, [5, 4, 3, 2, 1], 'every job once, newest first');
    });

    test('retrying or discarding a job that is not dead is a 409', async () => {
      const { queue, database } = t.app.platform;
      await queue.enqueue(database.db, 'test.idle', { v: 1 }, { runAt: new Date(t.clock.now().getTime() + 60_000) });
      const listed = await get('/api/v1/admin/jobs?state=ready&queue=test.idle');
      const [job] = listed.body.items;
      assert.equal(job.state, 'ready');
      for (const [method, url] of [
        ['POST', `/api/v1/admin/jobs/${job.id}/retry`],
        ['DELETE', `/api/v1/admin/jobs/${job.id}`],
      ] as const) {
        const r = await t.request({ method, url, token: admin.token });
        assert.equal(r.status, 409);
        assert.equal(r.body.code, 'job_not_dead');
        assert.equal(r.body.state, 'ready');
      }
    });

    test('bad input is a 4xx problem, never a 5xx', async () => {
      for (const url of [
        '/api/v1/admin/jobs?cursor=not-a-cursor',
        `/api/v1/admin/jobs?cursor=${Buffer.from('["bookings","2026-01-01T00:00:00.000Z","x"]').toString('base64url')}`,
        '/api/v1/admin/jobs?state=zombie',
        '/api/v1/admin/jobs?limit=0',
        '/api/v1/admin/jobs?limit=101',
      ]) {
        const r = await get(url);
        assert.equal(r.status, 422, url);
        assert.equal(r.body.code, 'validation_failed', url);
      }
      // As everywhere in the API, an id that cannot exist is simply not found.
      const badId = await t.request({ method: 'POST', url: '/api/v1/admin/jobs/nope/retry', token: admin.token });
      assert.equal(badId.status, 404);
      assert.match(String(badId.headers['content-type']), /application\/problem\+json/);
    });

    test('a bulk retry is for admins, takes a queue name, and answers how many it made ready', async () => {
      const post = (payload: Record<string, unknown>, token = admin.token) =>
        t.request({ method: 'POST', url: '/api/v1/admin/jobs/retry', token, payload });
      assert.equal((await post({ queue: 'test.none' }, customer.token)).status, 403);
      for (const payload of [{}, { queue: '' }, { queue: 'x', extra: 1 }, { queue: 7 }]) {
        const r = await post(payload);
        assert.equal(r.status, 422, JSON.stringify(payload));
        assert.equal(r.body.code, 'validation_failed');
      }
      assert.deepEqual((await post({ queue: 'test.none' })).body, { queue: 'test.none', retried: 0 });
    });

    test('/metrics shows depth, due, oldest due age and dead per queue, and attempts counted', async () => {
      const { queue, database } = t.app.platform;
      await queue.enqueue(database.db, 'test.waiting', { v: 1 });
      t.clock.advance(90_000);
      const text = (await t.request({ method: 'GET', url: '/metrics' })).text;
      assert.match(text, /marquee_jobs_ready\{queue="test\.waiting"\} 1/);
      assert.match(text, /marquee_jobs_due\{queue="test\.waiting"\} 1/);
      assert.match(text, /marquee_jobs_oldest_due_seconds\{queue="test\.waiting"\} 90/);
      assert.match(
        text,
        /marquee_jobs_dead\{queue="test\.fragile"\} 1/,
        'three dead: one retried and done, one discarded',
      );
      assert.match(text, /marquee_jobs_failed_total\{queue="test\.fragile"\} 3/);
      assert.match(text, /marquee_jobs_completed_total\{queue="test\.fragile"\} 1/);
    });
  });

  describe(`app close with a job in flight on ${backend.name}`, () => {
    test('close() stops claiming and waits for the job in flight', async () => {
      const t = await startTestApp(backend, { runJobs: true });
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let started = false;
      let finished = false;
      t.app.platform.queue.work('test.slow', async () => {
        started = true;
        await gate;
        finished = true;
      });
      await t.app.platform.queue.enqueue(t.app.platform.database.db, 'test.slow', {});
      await eventually(() => started, 30_000, 10, 'the worker takes the job');

      let closed = false;
      const closing = t.close().then(() => (closed = true));
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      assert.equal(closed, false, 'close() waits while the job runs');
      release();
      await closing;
      assert.equal(finished, true);
    });

    test('close() stops the event consumers first, lets the job in flight finish, then closes the modules', async () => {
      const t = await startTestApp(backend, { runJobs: true });
      const order: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let started = false;
      const { events, queue, database } = t.app.platform;
      const closeEvents = events.close.bind(events);
      events.close = async () => {
        order.push('event consumers stopped');
        await closeEvents();
      };
      const parts = t.app.modules.notifications.parts;
      const onClose = parts.onClose;
      parts.onClose = async () => {
        order.push('modules closing');
        await onClose?.();
      };
      queue.work('test.slow-too', async () => {
        started = true;
        await gate;
        order.push('job finished');
      });
      await queue.enqueue(database.db, 'test.slow-too', {});
      await eventually(() => started, 30_000, 10, 'the worker takes the job');

      const closing = t.close();
      await eventually(() => order.length > 0, 30_000, 10, 'close() has begun');
      assert.deepEqual(order, ['event consumers stopped'], 'consumers stop while the job still runs');
      release();
      await closing;
      assert.deepEqual(order, ['event consumers stopped', 'job finished', 'modules closing']);
    });
  });
}
