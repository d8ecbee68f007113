-- Staff block seats of one showtime (house seats, a broken seat). A block is a claim like a hold or a
-- sale, so the primary key of seat_claims decides between a block and a hold on the same seat: one
-- wins, whatever the timing. A block belongs to no booking and never lapses; it says why, who, when.
alter table seat_claims alter column booking_id drop not null;
alter table seat_claims drop constraint seat_claims_state_check;
alter table seat_claims add constraint seat_claims_state_check check (state in ('held', 'sold', 'blocked'));
alter table seat_claims
  add column block_reason text check (length(block_reason) between 1 and 200),
  add column blocked_by uuid,
  add column blocked_at timestamptz;
alter table seat_claims add constraint seat_claims_block_shape check (
  case when state = 'blocked'
    then booking_id is null and block_reason is not null and blocked_at is not null
    else booking_id is not null and block_reason is null and blocked_by is null and blocked_at is null
  end);
-- The staff list of a showtime's blocks.
create index seat_claims_blocked on seat_claims (showtime_id) where state = 'blocked';
