-- Issue 16: gift cards (giftcards module). A card's code is shown once and stored only as an HMAC
-- (server secret in app_settings) with a short prefix of that HMAC to find it by, and its last four
-- characters for staff. The balance is a column kept with the ledger: every ledger line is written
-- in the transaction that moves the balance, and the check below makes spending more than is left
-- impossible whatever the application does (two bookings racing for the last euro: one fails).
create table gift_card_orders (
  id uuid primary key,
  status text not null check (status in ('pending', 'paid', 'issued')),
  buyer_user_id uuid references users (id),
  buyer_email text,
  recipient_email text not null,
  recipient_name text,
  message text,
  amount int not null check (amount > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  payment_id uuid,
  created_at timestamptz not null,
  paid_at timestamptz,
  check (buyer_user_id is not null or buyer_email is not null)
);
create index gift_card_orders_buyer on gift_card_orders (buyer_user_id, created_at desc) where buyer_user_id is not null;

create table gift_cards (
  id uuid primary key,
  code_hash text not null,
  lookup text not null,
  last4 char(4) not null,
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  initial_amount int not null check (initial_amount > 0),
  balance int not null check (balance >= 0),
  status text not null check (status in ('active', 'void')),
  expires_at timestamptz,
  channel text not null check (channel in ('online', 'till')),
  -- A card sold online comes from one order, issued once.
  order_id uuid unique references gift_card_orders (id),
  cinema_id uuid references cinemas (id),
  till_session_id uuid,
  recipient_email text,
  recipient_name text,
  message text,
  -- The code sealed (AES-256-GCM under a key derived from the server secret) for the email job only;
  -- cleared once the recipient's email has been composed. Null for till cards (printed at once).
  code_sealed text,
  created_at timestamptz not null,
  voided_at timestamptz
);
create unique index gift_cards_code_hash on gift_cards (code_hash);
create index gift_cards_lookup on gift_cards (lookup);
create index gift_cards_last4 on gift_cards (last4, created_at desc);
create index gift_cards_created on gift_cards (created_at desc, id desc);

-- Append-only: what moved, why, and the balance after it. `event_id` makes each event's effect on a
-- card happen once (consumers are idempotent by it).
create table gift_card_ledger (
  id uuid primary key,
  seq bigint generated always as identity,
  gift_card_id uuid not null references gift_cards (id),
  kind text not null check (kind in ('issue', 'redeem', 'release', 'refund', 'void')),
  amount int not null,
  balance_after int not null check (balance_after >= 0),
  booking_id uuid,
  till_session_id uuid,
  event_id text,
  created_by uuid,
  created_at timestamptz not null,
  check (case kind when 'redeem' then amount < 0 when 'void' then amount <= 0 else amount > 0 end)
);
create index gift_card_ledger_card on gift_card_ledger (gift_card_id, seq);
create index gift_card_ledger_booking on gift_card_ledger (booking_id) where booking_id is not null;
create unique index gift_card_ledger_event on gift_card_ledger (event_id, gift_card_id) where event_id is not null;
