// What admins do with the queue: look at jobs (the dead above all), retry a dead one after fixing
// its cause, or discard it. Only dead jobs can be retried or discarded: a ready or running job is
// the workers' business.
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { conflict, notFound } from '../errors.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import {
  countByQueue,
  deleteDeadJob,
  findJob,
  type JobRow,
  listJobs,
  reviveDeadJob,
  reviveDeadJobsOfQueue,
} from './jobs.store.ts';
import type { JobQueryInput, JobSummaryOut, JobViewOut } from './jobs.schemas.ts';

const CURSOR_KIND = 'jobs';

export interface JobsAdmin {
  /** Jobs newest first, filtered by state and queue. */
  list(query: JobQueryInput): Promise<{ items: JobViewOut[]; nextCursor: string | null }>;
  /** Per queue: ready, due, running and dead jobs, and the oldest due job's wait. */
  summary(): Promise<JobSummaryOut>;
  /** A dead job becomes ready now with its attempts reset. */
  retry(id: string): Promise<JobViewOut>;
  /** Every dead job of a queue becomes ready now with its attempts reset (after an outage is over). */
  retryQueue(queue: string): Promise<{ queue: string; retried: number }>;
  /** A dead job is deleted. */
  discard(id: string): Promise<void>;
}

const view = (r: JobRow): JobViewOut => ({
  id: r.id,
  queue: r.queue,
  state: r.state,
  payload: r.payload,
  key: r.key,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAt: r.run_at.toISOString(),
  lockedUntil: r.locked_until?.toISOString() ?? null,
  lastError: r.last_error,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  deadAt: r.dead_at?.toISOString() ?? null,
});

export function createJobsAdmin(deps: { database: Database; clock: Clock }): JobsAdmin {
  const { db } = deps.database;

  /** The 404 or 409 for a job that a dead-only change did not find dead. */
  async function notDead(id: string): Promise<never> {
    const job = await findJob(db, id);
    if (!job) throw notFound('Job', 'job_not_found');
    throw conflict('job_not_dead', `Only a dead job can be retried or discarded; this one is ${job.state}`, {
      state: job.state,
    });
  }

  return {
    async list(query) {
      const after = decodeCursor(query.cursor, CURSOR_KIND, ['integer']);
      const afterSeq = after === null ? null : Number(after[0]);
      const rows = await listJobs(db, { state: query.state, queue: query.queue, limit: query.limit, afterSeq });
      const page = pageOf(rows, query.limit, CURSOR_KIND, (r) => [String(r.seq)]);
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },

    async summary() {
      return { queues: await countByQueue(db, deps.clock.now()) };
    },

    async retry(id) {
      if (!(await reviveDeadJob(db, id, deps.clock.now()))) await notDead(id);
      const job = await findJob(db, id);
      // A worker may have run and deleted it between the two statements.
      if (!job) throw notFound('Job', 'job_not_found');
      return view(job);
    },

    async retryQueue(queue) {
      return { queue, retried: await reviveDeadJobsOfQueue(db, queue, deps.clock.now()) };
    },

    async discard(id) {
      if (!(await deleteDeadJob(db, id))) await notDead(id);
    },
  };
}
