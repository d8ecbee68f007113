-- The one durable job queue (platform/queue, ADR 0007). A row is work to do or work that failed for
-- good: a job that succeeds is deleted. Times are the application clock's (tests move it), so a
-- retry or a lapsed lease becomes due when the clock says so, in every process alike.
--   ready    waits for run_at;
--   running  claimed by a worker until locked_until; past it the job is claimable again (the
--            worker's process died), and claims, raised by every claim, fences the old worker out;
--   dead     attempts used up or a permanent error: kept for admins to retry or discard.
-- attempts counts runs toward max_attempts and an admin's retry sets it back to 0; claims only ever
-- grows, so a worker whose lease lapsed cannot mistake a later claim for its own after such a retry.
create table jobs (
  id uuid primary key default gen_random_uuid(),
  -- Enqueue order: jobs due at the same instant (an event's consumers, a batch) run in this order.
  seq bigint generated always as identity,
  queue text not null,
  payload jsonb not null,
  state text not null default 'ready' check (state in ('ready', 'running', 'dead')),
  attempts int not null default 0 check (attempts >= 0),
  claims bigint not null default 0,
  max_attempts int not null check (max_attempts >= 1),
  run_at timestamptz not null,
  locked_until timestamptz,
  last_error text,
  key text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  dead_at timestamptz,
  check ((state = 'running') = (locked_until is not null)),
  check ((state = 'dead') = (dead_at is not null))
);

-- At most one live (or dead) job per key in a queue: enqueueing a key again does nothing.
create unique index jobs_queue_key on jobs (queue, key) where key is not null;
-- Claiming: due ready jobs in (run_at, seq) order, and running jobs whose lease lapsed.
create index jobs_ready on jobs (queue, run_at, seq) where state = 'ready';
create index jobs_leased on jobs (queue, locked_until) where state = 'running';
-- The admin list, newest first (by seq: created_at may repeat, and a cursor keeps milliseconds), by state.
create index jobs_by_state on jobs (state, seq desc);
