// The queue's Prometheus metrics. Depth, due depth, age of the oldest due job and dead jobs per queue
// are read at scrape time with one grouped query shared by the four gauges; a scrape while the
// database is away shows them as NaN for this process's queues (unknown, as marquee_outbox_lag_seconds
// does) rather than failing /metrics or repeating values nobody read. Completed and failed attempts
// are counted as they happen, in this process.
//
// The gauges are the queue's global state, not this process's: with several processes each reports
// the same values, so dashboards and alerts aggregate them with max(), never sum(). The counters are
// per process and are summed.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { sharedReading } from '../http/metrics.ts';
import { countByQueue, type QueueCounts } from './jobs.store.ts';

export interface QueueMetrics {
  completed: Counter<'queue'>;
  failed: Counter<'queue'>;
}

interface Deps {
  database: Database;
  clock: Clock;
  /** Queues with a worker here: shown as 0 when they have no jobs. */
  queues(): string[];
}

export function registerQueueMetrics(registry: Registry, deps: Deps): QueueMetrics {
  // One scrape reads every gauge; they share one reading instead of each querying.
  const read = sharedReading(() => countByQueue(deps.database.db, deps.clock.now()).catch(() => null));

  const gauge = (name: string, help: string, value: (c: QueueCounts) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        const counts = await read();
        this.reset();
        for (const queue of deps.queues()) this.set({ queue }, counts === null ? Number.NaN : 0);
        if (counts === null) return; // the database did not answer: unknown, not the last values
        for (const c of counts) this.set({ queue: c.queue }, value(c));
      },
    });
  gauge('marquee_jobs_ready', 'Jobs waiting in the queue, due or not', (c) => c.ready);
  gauge('marquee_jobs_due', 'Jobs whose time has come and that no worker has claimed yet', (c) => c.due);
  gauge('marquee_jobs_running', 'Jobs leased by a worker (of any process) right now', (c) => c.running);
  gauge(
    'marquee_jobs_oldest_due_seconds',
    'How long the oldest due job has waited (0: none due)',
    (c) => c.oldestDueSeconds,
  );
  gauge('marquee_jobs_dead', 'Jobs that used up their attempts or failed for good, kept for admins', (c) => c.dead);

  return {
    completed: new Counter({
      name: 'marquee_jobs_completed_total',
      help: 'Jobs run to success by this process',
      labelNames: ['queue'],
      registers: [registry],
    }),
    failed: new Counter({
      name: 'marquee_jobs_failed_total',
      help: 'Job attempts that failed in this process (retried or dead)',
      labelNames: ['queue'],
      registers: [registry],
    }),
  };
}
