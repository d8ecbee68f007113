// SQL for the jobs table (migration 088). Every time is the application clock's, passed in. A claim
// raises `attempts` (runs toward max_attempts, reset by an admin's retry) and `claims` (never reset);
// the worker's later writes name the claim they belong to, so a worker whose lease lapsed and whose
// job was claimed again, even after a retry reset its attempts, can no longer finish, retry or bury it.
import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { DB, JobsState } from '../db/generated-schema.ts';

export type JobState = JobsState;

/** What admins read as the error of a job; the log has the rest. */
export const ERROR_CHARS = 1000;

export interface NewJob {
  queue: string;
  payload: Record<string, unknown>;
  maxAttempts: number;
  runAt: Date;
  key: string | null;
  now: Date;
}

interface JobBase {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  created_at: Date;
}

export interface ClaimedRow extends JobBase {
  /** This claim's number: the fence the worker's later writes name. */
  claims: number;
}

export interface JobRow extends JobBase {
  /** Enqueue order: the admin list's position. */
  seq: number;
  state: JobState;
  run_at: Date;
  locked_until: Date | null;
  last_error: string | null;
  key: string | null;
  updated_at: Date;
  dead_at: Date | null;
}

const JOB_COLUMNS = [
  'id',
  'seq',
  'queue',
  'payload',
  'state',
  'attempts',
  'max_attempts',
  'run_at',
  'locked_until',
  'last_error',
  'key',
  'created_at',
  'updated_at',
  'dead_at',
] as const;

/**
 * Inserts ready jobs in one statement; one whose (queue, key) exists already, live or dead, is left as
 * it is. Returns how many were inserted.
 */
export async function insertJobs(ex: Executor, jobs: NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const inserted = await ex
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        queue: job.queue,
        payload: JSON.stringify(job.payload),
        state: 'ready' as const,
        max_attempts: job.maxAttempts,
        run_at: job.runAt,
        key: job.key,
        created_at: job.now,
        updated_at: job.now,
      })),
    )
    .onConflict((oc) => oc.columns(['queue', 'key']).where('key', 'is not', null).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** Inserts a job that is dead already (a failure met elsewhere, for admins); an existing (queue, key) is left. */
export async function insertDeadJob(ex: Executor, job: NewJob & { attempts: number; error: string }): Promise<void> {
  await ex
    .insertInto('jobs')
    .values({
      queue: job.queue,
      payload: JSON.stringify(job.payload),
      state: 'dead',
      attempts: job.attempts,
      max_attempts: job.maxAttempts,
      run_at: job.runAt,
      key: job.key,
      last_error: job.error.slice(0, ERROR_CHARS),
      created_at: job.now,
      updated_at: job.now,
      dead_at: job.now,
    })
    .onConflict((oc) => oc.columns(['queue', 'key']).where('key', 'is not', null).doNothing())
    .execute();
}

/** What one claim asks of one queue: up to `limit` jobs, each leased for `leaseMs`. */
export interface ClaimWant {
  queue: string;
  limit: number;
  leaseMs: number;
}

/**
 * Claims, in one statement for every queue asked, up to each queue's `limit` of its jobs that are due
 * (ready with run_at passed) or whose lease lapsed, oldest run_at first and in enqueue order among
 * equals, skipping rows other workers are claiming, and leases them for the queue's `leaseMs`.
 * Returned in (run_at, seq) order.
 */
export async function claimDueJobs(ex: Executor, wants: ClaimWant[], now: Date): Promise<ClaimedRow[]> {
  if (wants.length === 0) return [];
  const r = await sql<ClaimedRow & { run_at: Date | string; seq: number | string }>`
    with wanted as (
      select * from unnest(${wants.map((w) => w.queue)}::text[], ${wants.map((w) => w.limit)}::int[],
                           ${wants.map((w) => w.leaseMs)}::int[]) as w(queue, n, lease_ms)
    ), due as (
      select j.id, w.lease_ms from wanted w
      cross join lateral (
        select id from jobs
        where jobs.queue = w.queue
          and ((state = 'ready' and run_at <= ${now}) or (state = 'running' and locked_until <= ${now}))
        order by run_at, seq
        limit w.n
        for update skip locked
      ) j
    )
    update jobs set state = 'running', attempts = jobs.attempts + 1, claims = jobs.claims + 1,
      locked_until = ${now}::timestamptz + due.lease_ms * interval '1 millisecond', updated_at = ${now}
    from due where jobs.id = due.id
    returning jobs.id, jobs.queue, jobs.payload, jobs.attempts, jobs.claims, jobs.max_attempts, jobs.created_at,
      jobs.run_at, jobs.seq`.execute(ex);
  return r.rows
    .map((row) => ({ ...row, runAt: new Date(row.run_at).getTime(), seq: Number(row.seq) }))
    .sort((a, b) => a.runAt - b.runAt || a.seq - b.seq)
    .map((row) => ({
      id: row.id,
      queue: row.queue,
      payload: row.payload,
      attempts: row.attempts,
      claims: Number(row.claims),
      max_attempts: row.max_attempts,
      created_at: new Date(row.created_at),
    }));
}

/** Claims up to `limit` due jobs of one queue, leased until `leaseUntil` (claimDueJobs for one queue). */
export function claimJobs(
  ex: Executor,
  queue: string,
  limit: number,
  now: Date,
  leaseUntil: Date,
): Promise<ClaimedRow[]> {
  return claimDueJobs(ex, [{ queue, limit, leaseMs: leaseUntil.getTime() - now.getTime() }], now);
}

/**
 * The fence every outcome write goes through: the job is still running under the claim that ran it.
 * A worker whose lease lapsed holds an older claim number, so its late write changes nothing.
 */
const heldUnder = (id: string, claim: number) => (eb: ExpressionBuilder<DB, 'jobs'>) =>
  eb.and([eb('id', '=', id), eb('state', '=', 'running'), eb('claims', '=', claim)]);

/** Deletes a job that succeeded under claim number `claim`. */
export async function deleteClaimedJob(ex: Executor, id: string, claim: number): Promise<boolean> {
  const r = await ex.deleteFrom('jobs').where(heldUnder(id, claim)).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Makes a failed job of claim number `claim` ready again at `runAt`, keeping its error. */
export async function scheduleRetry(
  ex: Executor,
  id: string,
  claim: number,
  runAt: Date,
  error: string,
  now: Date,
): Promise<boolean> {
  const r = await ex
    .updateTable('jobs')
    .set({ state: 'ready', run_at: runAt, locked_until: null, last_error: error, updated_at: now })
    .where(heldUnder(id, claim))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Makes a job of claim number `claim` that asked to run again later ready at `runAt`, giving back the
 * attempt its claim counted (the fence is `claims`, which stays raised).
 */
export async function postponeJob(
  ex: Executor,
  id: string,
  claim: number,
  runAt: Date,
  reason: string,
  now: Date,
): Promise<boolean> {
  const r = await ex
    .updateTable('jobs')
    .set((eb) => ({
      state: 'ready',
      run_at: runAt,
      locked_until: null,
      attempts: eb('attempts', '-', 1),
      last_error: `RunAgainLater: ${reason}`.slice(0, ERROR_CHARS),
      updated_at: now,
    }))
    .where(heldUnder(id, claim))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks a failed job of claim number `claim` dead, keeping its error. */
export async function buryJob(ex: Executor, id: string, claim: number, error: string, now: Date): Promise<boolean> {
  const r = await ex
    .updateTable('jobs')
    .set({ state: 'dead', locked_until: null, last_error: error, dead_at: now, updated_at: now })
    .where(heldUnder(id, claim))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface JobFilter {
  state?: JobState | undefined;
  queue?: string | undefined;
  limit: number;
  /** The seq of the last job of the previous page. */
  afterSeq: number | null;
}

/** Jobs newest first (by seq, which is unique), `limit + 1` of them (the extra one tells that a next page exists). */
export async function listJobs(ex: Executor, filter: JobFilter): Promise<JobRow[]> {
  let q = ex.selectFrom('jobs').select(JOB_COLUMNS);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.queue !== undefined) q = q.where('queue', '=', filter.queue);
  if (filter.afterSeq !== null) q = q.where('seq', '<', filter.afterSeq);
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(filter.limit + 1)
    .execute();
  return rows.map(toJobRow);
}

/** One job, or undefined. */
export async function findJob(ex: Executor, id: string): Promise<JobRow | undefined> {
  const row = await ex.selectFrom('jobs').select(JOB_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toJobRow(row);
}

/** Makes a dead job ready at `now` with its attempts reset; false when it is not dead (or gone). */
export async function reviveDeadJob(ex: Executor, id: string, now: Date): Promise<boolean> {
  const r = await ex
    .updateTable('jobs')
    .set({ state: 'ready', attempts: 0, run_at: now, dead_at: null, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Makes every dead job of `queue` ready at `now` with its attempts reset; returns how many. */
export async function reviveDeadJobsOfQueue(ex: Executor, queue: string, now: Date): Promise<number> {
  const r = await ex
    .updateTable('jobs')
    .set({ state: 'ready', attempts: 0, run_at: now, dead_at: null, updated_at: now })
    .where('queue', '=', queue)
    .where('state', '=', 'dead')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Deletes a dead job; false when it is not dead (or gone). */
export async function deleteDeadJob(ex: Executor, id: string): Promise<boolean> {
  const r = await ex.deleteFrom('jobs').where('id', '=', id).where('state', '=', 'dead').executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export interface QueueCounts {
  queue: string;
  ready: number;
  due: number;
  running: number;
  dead: number;
  /** Seconds since the oldest due ready job became due; 0 when none is due. */
  oldestDueSeconds: number;
}

/** Per queue: ready, due, running and dead jobs, and how long the oldest due one has waited. One scan. */
export async function countByQueue(ex: Executor, now: Date): Promise<QueueCounts[]> {
  const r = await sql<{
    queue: string;
    ready: number | string;
    due: number | string;
    running: number | string;
    dead: number | string;
    oldest: number | string | null;
  }>`
    select queue,
      count(*) filter (where state = 'ready') as ready,
      count(*) filter (where state = 'ready' and run_at <= ${now}) as due,
      count(*) filter (where state = 'running') as running,
      count(*) filter (where state = 'dead') as dead,
      extract(epoch from ${now}::timestamptz - min(run_at) filter (where state = 'ready' and run_at <= ${now}))::float8
        as oldest
    from jobs group by queue order by queue`.execute(ex);
  return r.rows.map((row) => ({
    queue: row.queue,
    ready: Number(row.ready),
    due: Number(row.due),
    running: Number(row.running),
    dead: Number(row.dead),
    oldestDueSeconds: Math.max(0, Number(row.oldest ?? 0)),
  }));
}

type SelectedJob = {
  [K in (typeof JOB_COLUMNS)[number]]: unknown;
};

function toJobRow(row: SelectedJob): JobRow {
  const date = (v: unknown) => new Date(v as string | Date);
  const maybeDate = (v: unknown) => (v === null ? null : date(v));
  return {
    id: row.id as string,
    seq: Number(row.seq),
    queue: row.queue as string,
    payload: row.payload as Record<string, unknown>,
    state: row.state as JobState,
    attempts: row.attempts as number,
    max_attempts: row.max_attempts as number,
    run_at: date(row.run_at),
    locked_until: maybeDate(row.locked_until),
    last_error: row.last_error as string | null,
    key: row.key as string | null,
    created_at: date(row.created_at),
    updated_at: date(row.updated_at),
    dead_at: maybeDate(row.dead_at),
  };
}
