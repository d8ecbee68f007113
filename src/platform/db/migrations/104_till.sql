-- The box office counter (till module): named tills per cinema, sessions a staff member opens with a
-- float and closes with the counted cash, and one ledger of what each session took and paid back.
-- The close report is a sum over the ledger, so it can never disagree with the sales it lists.
create table tills (
  id uuid primary key,
  cinema_id uuid not null references cinemas (id),
  name text not null check (length(name) between 1 and 100),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null
);
create unique index tills_name on tills (cinema_id, lower(name));

create table till_sessions (
  id uuid primary key,
  till_id uuid not null references tills (id),
  staff_id uuid not null references users (id),
  float_amount int not null check (float_amount >= 0),
  status text not null check (status in ('open', 'closed')),
  opened_at timestamptz not null,
  closed_at timestamptz,
  counted_cash int check (counted_cash >= 0),
  -- Written at close from the ledger, so the report of a closed session stays as it was counted.
  expected_cash int,
  check ((status = 'closed') = (closed_at is not null and counted_cash is not null and expected_cash is not null))
);
-- One open session per till and per staff member: two cashiers never share a drawer.
create unique index till_sessions_open_till on till_sessions (till_id) where status = 'open';
create unique index till_sessions_open_staff on till_sessions (staff_id) where status = 'open';
create index till_sessions_history on till_sessions (till_id, opened_at desc);
create index till_sessions_staff on till_sessions (staff_id, opened_at desc);

create table till_movements (
  id uuid primary key,
  -- The ledger's order (clocks may tie).
  seq bigint generated always as identity,
  session_id uuid not null references till_sessions (id),
  kind text not null check (kind in ('sale', 'refund')),
  method text not null check (method in ('cash', 'card_terminal')),
  booking_id uuid not null references bookings (id),
  showtime_id uuid not null references showtimes (id),
  -- The seats as the receipt prints them, kept as sold or refunded: a receipt never changes.
  lines jsonb not null default '[]' check (jsonb_typeof(lines) = 'array'),
  -- The payments module's record of the money (a sale's payment; a refund's refund row).
  payment_id uuid not null,
  refund_id uuid,
  -- Never negative; the kind gives the direction.
  amount int not null check (amount >= 0),
  currency char(3) not null,
  tendered int check (tendered >= amount),
  email text,
  created_by uuid not null references users (id),
  created_at timestamptz not null,
  check (refund_id is null or kind = 'refund'),
  check (tendered is null or (kind = 'sale' and method = 'cash'))
);
-- A booking is sold at the till once.
create unique index till_movements_one_sale on till_movements (booking_id) where kind = 'sale';
create index till_movements_session on till_movements (session_id, seq);
