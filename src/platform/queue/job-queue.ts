// The one durable job queue (ADR 0007): jobs are rows of `jobs` (migration 088), enqueued in the
// caller's transaction, claimed with FOR UPDATE SKIP LOCKED under a lease, retried with exponential
// backoff and full jitter, and dead after their attempts (admins see, retry or discard them). Any
// number of processes may work one queue; a job runs at least once, so handlers must be idempotent.
// Times (run_at, leases) come from the platform clock, so a test moves retries and leases with it.
// One poller per process claims for every queue in one statement, each queue up to its free slots.
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { retryDelayMs } from '../jobs.ts';
import { jitteredDelayMs } from './backoff.ts';
import {
  buryJob,
  type ClaimedRow,
  claimDueJobs,
  type ClaimWant,
  deleteClaimedJob,
  ERROR_CHARS,
  insertDeadJob,
  insertJobs,
  postponeJob,
  scheduleRetry,
} from './jobs.store.ts';
import { registerQueueMetrics } from './queue-metrics.ts';

export interface QueuedJob<P = Record<string, unknown>> {
  id: string;
  queue: string;
  payload: P;
  /** This run included: 1 on the first run. */
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
}

export interface EnqueueOptions {
  /**
   * At most one job per (queue, key), live or dead: enqueueing a key that is there already does
   * nothing (enqueue answers false), even when that job is dead, until an admin discards it.
   */
  key?: string;
  /** Not before this time (default: now by the platform clock). */
  runAt?: Date;
  /** Overrides the worker's maxAttempts for this job. */
  maxAttempts?: number;
}

export interface WorkerOptions {
  /** Jobs of this queue run at once in one process (default 1). */
  concurrency?: number;
  /** How long a claimed job is leased; a process that dies frees it after this (default 60 s). */
  leaseMs?: number;
  /** Attempts before the job is dead (default 10). */
  maxAttempts?: number;
  /** Backoff: first retry after about firstMs, doubling, capped at maxMs, full jitter (defaults 10 s / 1 h). */
  backoff?: { firstMs: number; maxMs: number };
}

export type JobHandler<P = Record<string, unknown>> = (job: QueuedJob<P>) => Promise<void>;

/** Thrown by a handler: the job is dead at once (no retry can help). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/**
 * Thrown by a handler whose work is not finished yet but not failing either (waiting for a window to
 * pass, or for parts of it that failed on their own): the job runs again at `at`, and this run does
 * not count toward its attempts, so waiting never makes it dead.
 */
export class RunAgainLater extends Error {
  readonly at: Date;
  constructor(at: Date, reason = 'not finished yet') {
    super(reason);
    this.name = 'RunAgainLater';
    this.at = at;
  }
}

/**
 * Any module's handle or transaction, whatever tables it is typed with: a job is written in the
 * caller's transaction, and the jobs table is the platform's, which a module's handle does not name.
 */
export interface AnyExecutor {
  readonly isTransaction: boolean;
}

export interface JobQueue {
  /**
   * Records a job in the caller's transaction (or on the handle): it exists only if that commits.
   * False when its key was taken (see EnqueueOptions.key) and nothing was written.
   */
  enqueue(db: AnyExecutor, queue: string, payload: Record<string, unknown>, options?: EnqueueOptions): Promise<boolean>;
  /** Records several jobs of one queue in one statement (a batch written together); returns how many were written. */
  enqueueMany(
    db: AnyExecutor,
    queue: string,
    jobs: ({ payload: Record<string, unknown> } & EnqueueOptions)[],
  ): Promise<number>;
  /**
   * Records a job that is dead already: work that failed for good somewhere else (an event NATS gave
   * up redelivering), so that admins see it and a retry runs it through the queue's worker.
   */
  deadLetter(
    db: AnyExecutor,
    queue: string,
    payload: Record<string, unknown>,
    failure: { error: string; attempts: number; key?: string },
  ): Promise<void>;
  /** Registers the handler of a queue (once per queue per process, at module creation). */
  work<P = Record<string, unknown>>(queue: string, handler: JobHandler<P>, options?: WorkerOptions): void;
  /** Runs every due job of the registered queues (or one queue) until none is due; returns how many ran (tests). */
  drain(queue?: string): Promise<number>;
}

/** The queue as app.ts runs it: one poller for every registered queue once started, and a stop. */
export interface JobQueueRuntime extends JobQueue {
  /** Polls every registered queue, and every queue registered from now on, until stop(). */
  start(): void;
  /** The queues with a worker in this process. */
  queues(): string[];
  /**
   * Stops claiming and waits for the jobs in flight, `graceMs` at most (default 10 s): a job still
   * running then is left to its lease, which lets another process take it once it lapses.
   */
  stop(graceMs?: number): Promise<void>;
}

export interface JobQueueDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  metrics: Registry;
  /** How often the poller looks for due jobs when the last look found no queue with more (WORKER_INTERVAL_MS). */
  intervalMs: number;
  /** Jitter source (tests). */
  random?: () => number;
}

const STOP_GRACE_MS = 10_000;

const DEFAULTS = { concurrency: 1, leaseMs: 60_000, maxAttempts: 10, backoff: { firstMs: 10_000, maxMs: 3_600_000 } };

// Kysely handles and transactions are what AnyExecutor stands for; the queue writes only its own table.
const asExecutor = (db: AnyExecutor) => db as unknown as Executor;

interface Worker {
  queue: string;
  handler: JobHandler;
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
  backoff: { firstMs: number; maxMs: number };
  /** Jobs of this queue running in this process now (poller and drain alike). */
  running: number;
  /** The last claim filled every free slot: more may be due, so a slot that frees is filled at once. */
  hungry: boolean;
}

const describeError = (err: unknown): string =>
  (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, ERROR_CHARS);

export function createJobQueue(deps: JobQueueDeps): JobQueueRuntime {
  const { database, clock, logger } = deps;
  const random = deps.random ?? Math.random;
  const workers = new Map<string, Worker>();
  const inFlight = new Set<Promise<void>>();
  const metrics = registerQueueMetrics(deps.metrics, {
    database,
    clock,
    queues: () => [...workers.keys()],
  });
  let stopped = false;
  let started = false;
  let polling: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  // A wake-up that came while the poller was claiming rather than napping: its next nap is skipped.
  let woken = false;

  /** Ends the poller's nap now: a slot of a hungry queue freed, a queue was added, or stop(). */
  const wake = () => {
    woken = true;
    wakeUp?.();
  };

  /** Waits `ms`, or less when woken. */
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        woken = false;
        resolve();
      };
      const timer = setTimeout(done, woken ? 0 : ms);
      timer.unref();
      wakeUp = done;
    });

  /**
   * The process's one poller: a claim statement for every queue with a free slot, then a nap of
   * intervalMs, cut short when a job of a queue that may have more due finishes. An idle process
   * costs one statement per interval however many queues it has; a failing database backs off.
   */
  async function poll(): Promise<void> {
    let failures = 0;
    while (!stopped) {
      let wait = deps.intervalMs;
      try {
        await claimAndStart([...workers.values()]);
        failures = 0;
      } catch (err) {
        failures++;
        wait = retryDelayMs(deps.intervalMs, failures);
        logger.warn({ err, failures }, 'claiming jobs failed; will retry');
      }
      if (!stopped) await nap(wait);
    }
  }

  /** Claims for each of `targets` up to its free slots and starts those jobs; returns them. */
  async function claimAndStart(targets: Worker[]): Promise<Promise<void>[]> {
    const wants: ClaimWant[] = targets
      .filter((w) => w.running < w.concurrency)
      .map((w) => ({ queue: w.queue, limit: w.concurrency - w.running, leaseMs: w.leaseMs }));
    if (wants.length === 0 || stopped) return [];
    const rows = await claimDueJobs(database.db, wants, clock.now());
    for (const want of wants) {
      const worker = workers.get(want.queue) as Worker;
      worker.hungry = rows.filter((r) => r.queue === want.queue).length === want.limit;
    }
    return rows.map((row) => start(workers.get(row.queue) as Worker, row));
  }

  /** Runs a claimed job in one of its worker's slots; the slot frees (and a hungry queue claims) when it ends. */
  function start(worker: Worker, row: ClaimedRow): Promise<void> {
    worker.running++;
    const job: QueuedJob = {
      id: row.id,
      queue: row.queue,
      payload: row.payload,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      createdAt: row.created_at,
    };
    const p = run(worker, job, row.claims).finally(() => {
      worker.running--;
      inFlight.delete(p);
      if (worker.hungry) wake();
    });
    inFlight.add(p);
    return p;
  }

  /** Runs one job claimed under claim number `claim` and records its outcome; never throws. */
  async function run(worker: Worker, job: QueuedJob, claim: number): Promise<void> {
    const log = logger.child({ queue: job.queue, jobId: job.id, attempts: job.attempts });
    try {
      // Claimed again after its lease lapsed on its last attempt: its process died running it
      // (maybe because of it), so it is not run once more.
      if (job.attempts > job.maxAttempts) throw new PermanentJobError('its worker stopped during its last attempt');
      await worker.handler(job);
    } catch (err) {
      if (err instanceof RunAgainLater) {
        await postponeJob(database.db, job.id, claim, err.at, err.message, clock.now()).catch((writeErr: unknown) =>
          log.warn({ err: writeErr }, 'job to run again later not rescheduled; its lease will lapse'),
        );
        return;
      }
      metrics.failed.inc({ queue: job.queue });
      const error = describeError(err);
      const now = clock.now();
      try {
        if (err instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
          if (await buryJob(database.db, job.id, claim, error, now)) log.error({ err }, 'job is dead');
        } else {
          const runAt = new Date(now.getTime() + jitteredDelayMs(worker.backoff, job.attempts, random));
          if (await scheduleRetry(database.db, job.id, claim, runAt, error, now))
            log.warn({ err, retryAt: runAt }, 'job failed; will retry');
        }
      } catch (writeErr) {
        log.warn(
          { err: writeErr, jobError: error },
          'job failed and its failure was not recorded; its lease will lapse',
        );
      }
      return;
    }
    metrics.completed.inc({ queue: job.queue });
    try {
      await deleteClaimedJob(database.db, job.id, claim);
    } catch (err) {
      log.warn({ err }, 'job done but not deleted; it will run again when its lease lapses');
    }
  }

  /** Claims up to the worker's free slots and waits for those jobs (drain); returns how many ran. */
  async function runBatch(worker: Worker): Promise<number> {
    const runs = await claimAndStart([worker]);
    await Promise.all(runs);
    return runs.length;
  }

  function workerOf(queue: string): Worker {
    const worker = workers.get(queue);
    if (!worker) throw new Error(`no worker for queue ${queue} in this process`);
    return worker;
  }

  const enqueueMany: JobQueue['enqueueMany'] = async (db, queue, jobs) => {
    const now = clock.now();
    const maxAttempts = workers.get(queue)?.maxAttempts ?? DEFAULTS.maxAttempts;
    return insertJobs(
      asExecutor(db),
      jobs.map((job) => ({
        queue,
        payload: job.payload,
        maxAttempts: job.maxAttempts ?? maxAttempts,
        runAt: job.runAt ?? now,
        key: job.key ?? null,
        now,
      })),
    );
  };

  return {
    async enqueue(db, queue, payload, options = {}) {
      return (await enqueueMany(db, queue, [{ payload, ...options }])) === 1;
    },

    enqueueMany,

    async deadLetter(db, queue, payload, failure) {
      const now = clock.now();
      await insertDeadJob(asExecutor(db), {
        queue,
        payload,
        maxAttempts: workers.get(queue)?.maxAttempts ?? DEFAULTS.maxAttempts,
        runAt: now,
        key: failure.key ?? null,
        now,
        attempts: failure.attempts,
        error: failure.error,
      });
    },

    work(queue, handler, options = {}) {
      if (workers.has(queue)) throw new Error(`queue ${queue} has a worker already`);
      const worker: Worker = {
        queue,
        handler: handler as JobHandler,
        concurrency: options.concurrency ?? DEFAULTS.concurrency,
        leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
        maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
        backoff: options.backoff ?? DEFAULTS.backoff,
        running: 0,
        hungry: false,
      };
      workers.set(queue, worker);
      // Counted from zero, so the first failure shows in rate() and every queue has its series.
      metrics.completed.inc({ queue }, 0);
      metrics.failed.inc({ queue }, 0);
      wake();
    },

    async drain(queue) {
      const targets = queue === undefined ? [...workers.values()] : [workerOf(queue)];
      let total = 0;
      // Rounds over every queue until one runs nothing: a job may enqueue into a queue drained before it.
      for (;;) {
        let ran = 0;
        for (const worker of targets) {
          for (let n = await runBatch(worker); n > 0; n = await runBatch(worker)) ran += n;
        }
        total += ran;
        if (ran === 0 || stopped) return total;
      }
    },

    start() {
      if (started || stopped) return;
      started = true;
      polling = poll();
    },

    queues: () => [...workers.keys()],

    async stop(graceMs = STOP_GRACE_MS) {
      stopped = true;
      wake();
      let timer: NodeJS.Timeout | undefined;
      const finished = (async () => {
        await polling;
        await Promise.allSettled([...inFlight]);
        return true;
      })();
      const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
      const allDone = await Promise.race([finished, timedOut]);
      clearTimeout(timer);
      if (!allDone) logger.warn({ jobs: inFlight.size }, 'jobs still running at shutdown; their leases will free them');
    },
  };
}
