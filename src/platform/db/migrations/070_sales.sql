-- Sales (the staff console's back office): default prices per hall and seat type, offered when a
-- showtime is scheduled in that hall. Everything else the module shows is read from the booking,
-- payment and ticket tables (a read model), so it owns no copy of them.
create table hall_price_defaults (
  hall_id uuid primary key references halls (id) on delete cascade,
  prices jsonb not null check (jsonb_typeof(prices) = 'object'),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  updated_at timestamptz not null,
  updated_by uuid references users (id) on delete set null
);

-- The sales report filters showtimes by cinema and start; refunds are read per booking.
create index if not exists bookings_showtime_user on bookings (showtime_id, user_id) where status = 'confirmed';
