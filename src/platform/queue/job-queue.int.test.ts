// The job queue on a real database: two workers on one database never run a job twice, failures
// are retried after a jittered backoff by the platform clock, a job is dead after its attempts or a
// permanent error, a lapsed lease frees a job whose worker died, keys dedupe, and a job enqueued in
// a transaction that rolls back never exists.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { ManualClock } from '../clock.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createMetricsRegistry } from '../http/metrics.ts';
import { createLogger } from '../telemetry/logger.ts';
import { createJobQueue, type JobQueueRuntime, PermanentJobError, RunAgainLater } from './job-queue.ts';
import { buryJob, claimJobs, deleteClaimedJob, reviveDeadJob, scheduleRetry } from './jobs.store.ts';

const logger = createLogger('silent');

function queueOn(database: Database, clock: ManualClock, random?: () => number): JobQueueRuntime {
  return createJobQueue({ database, clock, logger, metrics: createMetricsRegistry(), intervalMs: 50, random });
}

const jobsOf = (database: Database, queue: string) =>
  database.db.selectFrom('jobs').selectAll().where('queue', '=', queue).orderBy('created_at').execute();

for (const backend of backends()) {
  describe(`job queue on ${backend.name}`, () => {
    let created: Awaited<ReturnType<typeof backend.create>>;
    let database: Database;
    const clock = new ManualClock();
    before(async () => {
      created = await backend.create();
      database = created.database;
      await migrate(database);
    });
    after(() => created.drop());

    test('two workers on one database run each of 200 jobs exactly once', async () => {
      // A second connection pool is a second process as far as PostgreSQL is concerned.
      const other = created.url
        ? await openDatabase({ databaseUrl: created.url, dataDir: 'unused', poolSize: 10 })
        : database;
      try {
        const runs = new Map<number, number>();
        const handler = async (job: { payload: { n: number } }) => {
          // A round trip inside the job, so the two workers' claims interleave with running jobs.
          await database.db.selectFrom('jobs').select('id').limit(1).execute();
          runs.set(job.payload.n, (runs.get(job.payload.n) ?? 0) + 1);
        };
        const a = queueOn(database, clock);
        const b = queueOn(other, clock);
        a.work('count', handler, { concurrency: 4 });
        b.work('count', handler, { concurrency: 4 });
        for (let n = 0; n < 200; n++) await a.enqueue(database.db, 'count', { n });

        const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);

        assert.equal(ranA + ranB, 200);
        assert.equal(runs.size, 200);
        assert.deepEqual(
          [...runs.values()].filter((c) => c !== 1),
          [],
          'no job ran twice',
        );
        assert.equal((await jobsOf(database, 'count')).length, 0, 'done jobs are deleted');
      } finally {
        if (other !== database) await other.close();
      }
    });

    test('a failed job waits a jittered backoff by the platform clock, then runs again', async () => {
      const queue = queueOn(database, clock, () => 0.5);
      let calls = 0;
      queue.work(
        'flaky',
        async () => {
          calls++;
          if (calls === 1) throw new Error('provider away');
        },
        { backoff: { firstMs: 30_000, maxMs: 3_600_000 } },
      );
      await queue.enqueue(database.db, 'flaky', { x: 1 });
      const failedAt = clock.now().getTime();

      assert.equal(await queue.drain(), 1);
      const [job] = await jobsOf(database, 'flaky');
      assert.equal(job?.state, 'ready');
      assert.equal(job?.attempts, 1);
      assert.equal(job?.last_error, 'Error: provider away');
      assert.equal(new Date(job!.run_at).getTime(), failedAt + 15_000, 'half of the first 30 s wait (random 0.5)');

      assert.equal(await queue.drain(), 0, 'not due before the clock moves');
      clock.advance(15_000);
      assert.equal(await queue.drain(), 1);
      assert.equal(calls, 2);
      assert.equal((await jobsOf(database, 'flaky')).length, 0);
    });

    test('a job is dead after maxAttempts, and at once after a PermanentJobError', async () => {
      const queue = queueOn(database, clock);
      let tries = 0;
      queue.work(
        'doomed',
        async () => {
          tries++;
          throw new Error(`failure ${tries}`);
        },
        { maxAttempts: 3, backoff: { firstMs: 1000, maxMs: 1000 } },
      );
      queue.work('hopeless', async () => {
        throw new PermanentJobError('card number unknown');
      });
      await queue.enqueue(database.db, 'doomed', {});
      await queue.enqueue(database.db, 'hopeless', {});

      for (let i = 0; i < 5; i++) {
        await queue.drain();
        clock.advance(1000);
      }
      assert.equal(tries, 3);
      const [doomed] = await jobsOf(database, 'doomed');
      assert.equal(doomed?.state, 'dead');
      assert.equal(doomed?.attempts, 3);
      assert.equal(doomed?.last_error, 'Error: failure 3');
      assert.ok(doomed?.dead_at);
      const [hopeless] = await jobsOf(database, 'hopeless');
      assert.equal(hopeless?.state, 'dead');
      assert.equal(hopeless?.attempts, 1);
      assert.equal(hopeless?.last_error, 'PermanentJobError: card number unknown');

      await queue.enqueue(database.db, 'doomed', {}, { maxAttempts: 1 });
      await queue.drain();
      assert.equal(tries, 4, 'the per-job maxAttempts overrides the worker');
      assert.deepEqual(
        (await jobsOf(database, 'doomed')).map((j) => j.state),
        ['dead', 'dead'],
      );
    });

    test('a job that asks to run again later waits without using up its attempts', async () => {
      const queue = queueOn(database, clock);
      let runs = 0;
      queue.work(
        'patient',
        async () => {
          runs++;
          if (runs < 4) throw new RunAgainLater(new Date(clock.now().getTime() + 30_000), `pass ${runs} of 4`);
        },
        { maxAttempts: 1 },
      );
      await queue.enqueue(database.db, 'patient', {});
      for (let pass = 1; pass < 4; pass++) {
        assert.equal(await queue.drain('patient'), 1);
        const [job] = await jobsOf(database, 'patient');
        assert.equal(job?.state, 'ready', 'not dead, though one attempt is all it has');
        assert.equal(job?.attempts, 0);
        assert.equal(job?.last_error, `RunAgainLater: pass ${pass} of 4`);
        assert.equal(await queue.drain('patient'), 0, 'not before the time it asked for');
        clock.advance(30_000);
      }
      assert.equal(await queue.drain('patient'), 1);
      assert.equal(runs, 4);
      assert.equal((await jobsOf(database, 'patient')).length, 0, 'done at last');
    });

    test('a lease that lapses frees the job of a worker that died; the dead worker is fenced out', async () => {
      const queue = queueOn(database, clock);
      const ran: number[] = [];
      queue.work('leased', async (job) => void ran.push(job.attempts), { leaseMs: 60_000 });
      await queue.enqueue(database.db, 'leased', {});

      // A worker claims it and dies without a word.
      const now = clock.now();
      const [claimed] = await claimJobs(database.db, 'leased', 1, now, new Date(now.getTime() + 60_000));
      assert.ok(claimed);
      assert.equal(await queue.drain(), 0, 'leased: nobody else takes it');
      clock.advance(59_999);
      assert.equal(await queue.drain(), 0);
      clock.advance(1);
      assert.equal(await queue.drain(), 1, 'the lease lapsed: taken again');
      assert.deepEqual(ran, [2]);
      assert.equal(await deleteClaimedJob(database.db, claimed.id, claimed.claims), false, 'the old claim is void');
    });

    test('a worker whose lease lapsed stays fenced out after an admin retry reset the attempts', async () => {
      const queue = queueOn(database, clock);
      await queue.enqueue(database.db, 'fenced', {});
      const lease = () => new Date(clock.now().getTime() + 60_000);
      // A claims it and stalls past its lease; B claims it and buries it; an admin retries it; C claims it.
      const [a] = await claimJobs(database.db, 'fenced', 1, clock.now(), lease());
      clock.advance(60_000);
      const [b] = await claimJobs(database.db, 'fenced', 1, clock.now(), lease());
      assert.ok(a && b && b.attempts === 2);
      assert.equal(await buryJob(database.db, b.id, b.claims, 'Error: gave up', clock.now()), true);
      assert.equal(await reviveDeadJob(database.db, b.id, clock.now()), true);
      const [c] = await claimJobs(database.db, 'fenced', 1, clock.now(), lease());
      assert.ok(c);
      assert.equal(c.attempts, a.attempts, 'the retry reset attempts: A and C share an attempt number');

      // A wakes up and records its failure: it must change nothing, or the job would run twice at once.
      const late = new Date(clock.now().getTime() + 1000);
      assert.equal(await scheduleRetry(database.db, a.id, a.claims, late, 'Error: late', clock.now()), false);
      assert.equal(await buryJob(database.db, a.id, a.claims, 'Error: late', clock.now()), false);
      assert.equal(await deleteClaimedJob(database.db, a.id, a.claims), false);
      const [job] = await jobsOf(database, 'fenced');
      assert.equal(job?.state, 'running', "still C's");
      assert.equal(await deleteClaimedJob(database.db, c.id, c.claims), true, 'C finishes it');
    });

    test('jobs due at the same instant run in the order they were enqueued', async () => {
      const queue = queueOn(database, clock);
      const ran: string[] = [];
      queue.work('ordered', async (job) => void ran.push(String(job.payload.name)));
      await queue.enqueueMany(
        database.db,
        'ordered',
        ['first', 'second', 'third'].map((name) => ({ payload: { name } })),
      );
      // The first one's worker dies: its row is written again (and moves in the table), and once the
      // lease lapses it is due at the same instant as the other two. It still goes first.
      const now = clock.now();
      const [claimed] = await claimJobs(database.db, 'ordered', 1, now, new Date(now.getTime() + 60_000));
      assert.equal(claimed?.payload.name, 'first');
      clock.advance(60_000);
      assert.equal(await queue.drain('ordered'), 3);
      assert.deepEqual(ran, ['first', 'second', 'third']);
    });

    test('a job whose lease lapsed on its last attempt is dead, not run again', async () => {
      const queue = queueOn(database, clock);
      let ran = 0;
      queue.work('crashy', async () => void ran++, { maxAttempts: 1 });
      await queue.enqueue(database.db, 'crashy', {});
      const now = clock.now();
      await claimJobs(database.db, 'crashy', 1, now, new Date(now.getTime() + 60_000));
      clock.advance(60_000);
      await queue.drain();
      assert.equal(ran, 0);
      const [job] = await jobsOf(database, 'crashy');
      assert.equal(job?.state, 'dead');
      assert.match(job?.last_error ?? '', /stopped during its last attempt/);
    });

    test('a key makes at most one job per queue, live or dead; enqueue tells whether it wrote one', async () => {
      const queue = queueOn(database, clock);
      assert.equal(await queue.enqueue(database.db, 'keyed', { v: 1 }, { key: 'k1' }), true);
      assert.equal(await queue.enqueue(database.db, 'keyed', { v: 2 }, { key: 'k1' }), false, 'the key is taken');
      assert.equal(await queue.enqueue(database.db, 'keyed-too', { v: 3 }, { key: 'k1' }), true);
      assert.equal(await queue.enqueue(database.db, 'keyed', { v: 4 }), true);
      assert.equal(await queue.enqueue(database.db, 'keyed', { v: 5 }), true);
      const rows = await jobsOf(database, 'keyed');
      assert.deepEqual(
        rows.map((r) => r.payload).sort((x, y) => Number(x.v) - Number(y.v)),
        [{ v: 1 }, { v: 4 }, { v: 5 }],
      );
      assert.equal((await jobsOf(database, 'keyed-too')).length, 1, 'the same key in another queue is another job');

      queue.work('keyed-dead', async () => {
        throw new PermanentJobError('no');
      });
      await queue.enqueue(database.db, 'keyed-dead', { v: 1 }, { key: 'k2' });
      await queue.drain('keyed-dead');
      assert.equal(
        await queue.enqueue(database.db, 'keyed-dead', { v: 2 }, { key: 'k2' }),
        false,
        'a dead job keeps its key',
      );
      assert.equal(
        await queue.enqueueMany(database.db, 'keyed', [
          { payload: {}, key: 'k1' },
          { payload: {}, key: 'k3' },
        ]),
        1,
      );
    });

    test('a job enqueued in a transaction that rolls back never exists', async () => {
      const queue = queueOn(database, clock);
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          await queue.enqueue(trx, 'rolled-back', { v: 1 });
          throw new Error('the business write failed');
        }),
        /business write failed/,
      );
      await database.db.transaction().execute(async (trx) => {
        await queue.enqueue(trx, 'committed', { v: 1 });
      });
      assert.equal((await jobsOf(database, 'rolled-back')).length, 0);
      assert.equal((await jobsOf(database, 'committed')).length, 1);
    });

    test('a future runAt is not due until the clock reaches it', async () => {
      const queue = queueOn(database, clock);
      let ran = 0;
      queue.work('later', async () => void ran++);
      await queue.enqueue(database.db, 'later', {}, { runAt: new Date(clock.now().getTime() + 30_000) });
      assert.equal(await queue.drain('later'), 0);
      clock.advance(30_000);
      assert.equal(await queue.drain('later'), 1);
      assert.equal(ran, 1);
    });

    test('a started queue polls its workers, and stop() waits for the job in flight', async () => {
      const queue = queueOn(database, clock);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let started = false;
      let finished = false;
      queue.work('slow', async () => {
        started = true;
        await gate;
        finished = true;
      });
      queue.start();
      await queue.enqueue(database.db, 'slow', {});
      await eventually(() => started, 30_000, 10, 'the poller runs the job');

      let stopped = false;
      const stopping = queue.stop().then(() => (stopped = true));
      // A round trip and a few turns of the event loop: stop() must still be waiting.
      await database.db.selectFrom('jobs').select('id').limit(1).execute();
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      assert.equal(stopped, false, 'stop() waits while a job runs');
      release();
      await stopping;
      assert.equal(finished, true);
      assert.equal((await jobsOf(database, 'slow')).length, 0, 'the job finished and was deleted');
    });

    test('one claim statement serves every queue of an idle process', async () => {
      const statements: string[] = [];
      const counted: Database = {
        ...database,
        db: database.db.withPlugin({
          transformQuery: (args) => {
            statements.push(JSON.stringify(args.node));
            return args.node;
          },
          transformResult: async (args) => args.result,
        }),
      };
      const queue = queueOn(counted, clock);
      const names = ['idle.a', 'idle.b', 'idle.c', 'idle.d', 'idle.e'];
      for (const name of names) queue.work(name, async () => {});
      queue.start();
      const claims = () => statements.filter((s) => s.includes('idle.a') || s.includes('idle.e'));
      await eventually(() => claims().length >= 3, 30_000, 10, 'three polls');
      await queue.stop();
      for (const statement of claims())
        assert.ok(
          names.every((name) => statement.includes(name)),
          'each poll claims for all five queues at once',
        );
    });

    test('a stalled job holds only its own slot: the others keep taking jobs', async () => {
      const queue = queueOn(database, clock);
      let release!: () => void;
      const stalled = new Promise<void>((r) => (release = r));
      const done: string[] = [];
      queue.work(
        'mail-like',
        async (job) => {
          if (job.payload.name === 'stalled') await stalled;
          done.push(String(job.payload.name));
        },
        { concurrency: 2 },
      );
      await queue.enqueueMany(
        database.db,
        'mail-like',
        ['stalled', 'b', 'c', 'd', 'e'].map((name) => ({ payload: { name } })),
      );
      queue.start();
      await eventually(() => done.length === 4, 30_000, 10, 'the four others run beside the stalled one');
      assert.deepEqual(done, ['b', 'c', 'd', 'e']);
      release();
      await queue.stop();
      assert.deepEqual(done, ['b', 'c', 'd', 'e', 'stalled']);
    });

    test('stop() waits for a job in flight only until its grace runs out; the lease covers the rest', async () => {
      const queue = queueOn(database, clock);
      let started = false;
      queue.work('stuck', async () => {
        started = true;
        await new Promise(() => {}); // a handler that never returns
      });
      await queue.enqueue(database.db, 'stuck', {});
      queue.start();
      await eventually(() => started, 30_000, 10, 'the poller runs the job');
      let stopped = false;
      void queue.stop(50).then(() => (stopped = true));
      await eventually(() => stopped, 30_000, 10, 'stop() returns after its grace');
      const [job] = await jobsOf(database, 'stuck');
      assert.equal(job?.state, 'running', 'left to its lease');
    });

    test('the gauges read NaN, not their last values, while the database does not answer', async () => {
      const other = await backend.create();
      await migrate(other.database);
      const metrics = createMetricsRegistry();
      const queue = createJobQueue({ database: other.database, clock, logger, metrics, intervalMs: 50 });
      queue.work('gauged', async () => {});
      await queue.enqueue(other.database.db, 'gauged', {});
      const ready = () => metrics.getSingleMetricAsString('marquee_jobs_ready');
      assert.match(await ready(), /marquee_jobs_ready\{queue="gauged"\} 1/);
      await other.drop(); // the database is gone
      await eventually(async () => /marquee_jobs_ready\{queue="gauged"\} NaN/i.test(await ready()), 30_000, 50, 'NaN');
      for (const name of ['marquee_jobs_due', 'marquee_jobs_oldest_due_seconds', 'marquee_jobs_dead'])
        assert.match(await metrics.getSingleMetricAsString(name), /\{queue="gauged"\} NaN/i, name);
    });
  });
}
