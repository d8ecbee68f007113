-- Issue 18: the waiting list (waitlist module). A customer (or a guest by email) waits on a sold-out
-- showtime for N seats together; when seats come back the first entry whose seats fit is offered
-- them as a hold (booking_id). `offering` marks an entry being offered right now: only one worker
-- can move an entry out of `waiting` (a conditional update), and a worker that died mid-offer
-- leaves it `offering` until `offering_until`, after which it counts as waiting again.
create table waitlist_entries (
  id uuid primary key,
  seq bigserial not null unique,
  showtime_id uuid not null references showtimes (id) on delete cascade,
  user_id uuid references users (id) on delete cascade,
  guest_email text,
  guest_name text,
  seats int not null check (seats between 1 and 10),
  status text not null check (status in ('waiting', 'offering', 'offered', 'claimed', 'expired', 'cancelled')),
  offering_until timestamptz,
  booking_id uuid,
  offer_expires_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((user_id is null) <> (guest_email is null)),
  check (status <> 'offered' or (booking_id is not null and offer_expires_at is not null))
);
-- The line of a showtime, in order of joining.
create index waitlist_entries_line on waitlist_entries (showtime_id, seq) where status in ('waiting', 'offering');
create index waitlist_entries_user on waitlist_entries (user_id, created_at desc) where user_id is not null;
create index waitlist_entries_booking on waitlist_entries (booking_id) where booking_id is not null;
-- One live place per account or guest address and showtime.
create unique index waitlist_entries_one_user on waitlist_entries (showtime_id, user_id)
  where user_id is not null and status in ('waiting', 'offering', 'offered');
create unique index waitlist_entries_one_guest on waitlist_entries (showtime_id, lower(guest_email))
  where guest_email is not null and status in ('waiting', 'offering', 'offered');
