// Background work (outbox, mail, hold sweeper, reconciliation) as small jobs that any number of
// processes may run: each claims its rows with FOR UPDATE SKIP LOCKED, so running twice is safe.
import type { Logger } from 'pino';

export interface Job {
  name: string;
  /** Does one batch of work; returns how many items it handled (a full batch runs again at once). */
  runOnce(): Promise<number>;
  intervalMs?: number;
}

export class JobRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
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
      const run = job
        .runOnce()
        .then((n) => n)
        .catch((err: unknown) => {
          this.logger.warn({ err, job: job.name }, 'background job failed; will retry');
          return 0;
        });
      this.running.add(run);
      void run.then((handled) => {
        this.running.delete(run);
        this.schedule(job, handled > 0 ? 0 : (job.intervalMs ?? this.defaultIntervalMs));
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
