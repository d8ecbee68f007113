// Background work (outbox, mail, hold sweeper, reconciliation) as small jobs that any number of
// processes may run: each claims its rows with FOR UPDATE SKIP LOCKED, so running twice is safe.
// A batch that fails (the database restarting, say) is logged and tried again later, backing off
// while it keeps failing, so an outage is a few warnings rather than one per job per interval.
import type { Logger } from 'pino';
import { exponentialDelayMs } from './queue/backoff.ts';

/** Retries of a failing job back off to this at most (or to the job's own interval, when longer). */
const MAX_RETRY_DELAY_MS = 5000;

/** The wait before the next try of a job that failed `failures` times in a row: its interval, doubling. */
export const retryDelayMs = (intervalMs: number, failures: number): number =>
  exponentialDelayMs(intervalMs, Math.max(intervalMs, MAX_RETRY_DELAY_MS), failures);

export interface Job {
  name: string;
  /** Does one batch of work; returns how many items it handled (a full batch runs again at once). */
  runOnce(): Promise<number>;
  intervalMs?: number;
}

export class JobRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private readonly failures = new Map<string, number>();
  private stopped = false;
  private readonly jobs: Job[];
  private readonly logger: Logger;
  private readonly defaultIntervalMs: number;

  constructor(jobs: Job[], logger: Logger, defaultIntervalMs: number) {
    this.jobs = jobs;
    this.logger = logger;
    this.defaultIntervalMs = defaultIntervalMs;
  }

  start(): void {
    for (const job of this.jobs) this.schedule(job, 0);
  }

  private schedule(job: Job, delay: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      const interval = job.intervalMs ?? this.defaultIntervalMs;
      // Through a promise, so even a job that throws before returning one cannot take the process down.
      const run = Promise.resolve()
        .then(() => job.runOnce())
        .then((handled) => {
          this.failures.delete(job.name);
          return handled > 0 ? 0 : interval;
        })
        .catch((err: unknown) => {
          const failures = (this.failures.get(job.name) ?? 0) + 1;
          this.failures.set(job.name, failures);
          this.logger.warn({ err, job: job.name, failures }, 'background job failed; will retry');
          return retryDelayMs(interval, failures);
        });
      this.running.add(run);
      void run.then((next) => {
        this.running.delete(run);
        this.schedule(job, next);
      });
    }, delay);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  /** Stops scheduling and waits for batches in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.allSettled([...this.running]);
  }
}
