-- Booking: a booking holds seats through claims; one claim per seat and showtime is the rule
-- that a seat is never sold twice.
create table bookings (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id),
  showtime_id uuid not null references showtimes (id),
  status text not null check (status in ('held', 'confirmed', 'refunded', 'expired', 'cancelled')),
  total_amount int not null check (total_amount >= 0),
  currency char(3) not null,
  seat_count int not null check (seat_count between 1 and 1000),
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  confirmed_at timestamptz,
  closed_at timestamptz
);
create index bookings_user on bookings (user_id, created_at desc, id);
-- The per-customer seat limit counts one customer's bookings in one showtime.
create index bookings_user_showtime on bookings (user_id, showtime_id);
create index bookings_showtime on bookings (showtime_id, status);
create index bookings_held_expiry on bookings (expires_at) where status = 'held';
create index bookings_created on bookings (created_at desc, id);

-- What was booked, as it was priced: kept after the claim is gone (expiry, refund).
create table booking_seats (
  booking_id uuid not null references bookings (id) on delete cascade,
  seat_id uuid not null references seats (id),
  showtime_id uuid not null references showtimes (id),
  row_label text not null,
  number int not null,
  seat_type text not null,
  price_amount int not null check (price_amount >= 0),
  primary key (booking_id, seat_id)
);
create index booking_seats_showtime_seat on booking_seats (showtime_id, seat_id);

-- The live claim on a seat. The primary key is the whole guarantee: at most one booking holds or
-- owns a seat of a showtime. An expired hold stays until reclaimed or swept; readers treat it as free.
create table seat_claims (
  showtime_id uuid not null references showtimes (id),
  seat_id uuid not null references seats (id),
  booking_id uuid not null references bookings (id) on delete cascade,
  state text not null check (state in ('held', 'sold')),
  expires_at timestamptz,
  primary key (showtime_id, seat_id),
  check ((state = 'held') = (expires_at is not null))
);
create index seat_claims_booking on seat_claims (booking_id);
-- The sweeper finds lapsed holds without reading sold seats.
create index seat_claims_held_expiry on seat_claims (expires_at) where state = 'held';
