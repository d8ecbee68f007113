-- A cancelled showtime whose paid bookings are being refunded. Each booking is refunded in its own
-- transaction; this row stays open until none is left, so a job finishes what a failure interrupted.
create table showtime_refund_runs (
  showtime_id uuid primary key references showtimes (id),
  requested_at timestamptz not null,
  next_attempt_at timestamptz not null,
  completed_at timestamptz,
  refunded_bookings int not null default 0,
  last_error text
);
create index showtime_refund_runs_open on showtime_refund_runs (next_attempt_at) where completed_at is null;
