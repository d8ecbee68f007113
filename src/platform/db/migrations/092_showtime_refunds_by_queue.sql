-- A cancelled showtime's refund run is a job of the platform queue from now on
-- (`payments.showtime-refunds`, keyed by the showtime id, as the code keys it) instead of the
-- payments module's own loop leasing showtime_refund_runs by next_attempt_at. The row stays as the
-- run's record, and next_attempt_at stays for processes of the previous release (a second pass over a
-- run is harmless: each booking is refunded once, under its payment's lock).
--
-- A run the previous release opens during a rolling deploy gets its job from this trigger (the new
-- code enqueues the same key itself, which then does nothing). Made before the jobs below, so that
-- no run opened in between is missed: creating it waits for transactions writing the table. The
-- next release, when no process of the previous one is left, drops it.
create or replace function showtime_refund_run_job() returns trigger language plpgsql as $$
begin
  insert into jobs (queue, payload, max_attempts, run_at, key, created_at, updated_at)
  values ('payments.showtime-refunds', jsonb_build_object('showtimeId', new.showtime_id::text), 30,
          new.next_attempt_at, new.showtime_id::text, now(), now())
  on conflict (queue, key) where key is not null do nothing;
  return null;
end $$;

create or replace trigger showtime_refund_run_job after insert or update of completed_at on showtime_refund_runs
for each row when (new.completed_at is null)
execute function showtime_refund_run_job();

-- Runs still open at upgrade time.
insert into jobs (queue, payload, max_attempts, run_at, key, created_at, updated_at)
select 'payments.showtime-refunds', jsonb_build_object('showtimeId', showtime_id::text), 30,
       next_attempt_at, showtime_id::text, now(), now()
from showtime_refund_runs
where completed_at is null
on conflict (queue, key) where key is not null do nothing;
