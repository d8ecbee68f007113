-- Tickets: one per paid seat, each tied to the payment that bought it (no ticket without a payment),
-- and at most one live ticket per seat of a showtime.
create table tickets (
  id uuid primary key,
  booking_id uuid not null references bookings (id),
  payment_id uuid not null references payments (id),
  showtime_id uuid not null references showtimes (id),
  seat_id uuid not null references seats (id),
  -- The owner and the seat as booked, so a ticket reads without other modules' tables.
  user_id uuid not null references users (id),
  row_label text not null,
  seat_number int not null,
  seat_type text not null,
  price_amount int not null check (price_amount >= 0),
  currency char(3) not null,
  code text not null unique,
  status text not null check (status in ('valid', 'used', 'void')),
  issued_at timestamptz not null,
  checked_in_at timestamptz,
  checked_in_by uuid references users (id),
  voided_at timestamptz,
  check (status <> 'used' or checked_in_at is not null),
  check ((status = 'void') = (voided_at is not null))
);
create unique index tickets_live_seat on tickets (showtime_id, seat_id) where status <> 'void';
create index tickets_booking on tickets (booking_id);
create index tickets_showtime_status on tickets (showtime_id, status);
