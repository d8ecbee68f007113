-- Payments: a row is written before the provider is called, so a charge the provider made is never
-- unknown to us; refunds are recorded first and sent to the provider until it confirms them.
create table payments (
  id uuid primary key,
  booking_id uuid not null references bookings (id),
  showtime_id uuid not null references showtimes (id),
  user_id uuid not null references users (id),
  provider text not null,
  provider_payment_id text,
  -- The client's Idempotency-Key, scoped to the user; the request hash tells a retry from a reuse.
  idempotency_key text,
  request_hash text not null,
  amount int not null check (amount >= 0),
  currency char(3) not null,
  status text not null check (status in ('pending', 'succeeded', 'failed', 'refunded')),
  -- Why a succeeded payment gave no tickets (seats gone when the charge came back): it is refunded.
  outcome text check (outcome in ('confirmed', 'reversed')),
  failure_code text,
  failure_message text,
  card_last4 text,
  -- Refunds reserve their amount here in the transaction that creates them: never more than paid.
  refunded_amount int not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  completed_at timestamptz
);
create unique index payments_idempotency on payments (user_id, idempotency_key) where idempotency_key is not null;
-- One charge in flight or taken per booking: two tabs paying at once cannot both charge the card.
create unique index payments_one_live_per_booking on payments (booking_id) where status in ('pending', 'succeeded');
create unique index payments_provider_id on payments (provider, provider_payment_id) where provider_payment_id is not null;
create index payments_pending on payments (created_at) where status = 'pending';
create index payments_showtime on payments (showtime_id, status);
create index payments_booking on payments (booking_id, created_at);

create table refunds (
  id uuid primary key,
  payment_id uuid not null references payments (id),
  booking_id uuid not null references bookings (id),
  amount int not null check (amount > 0),
  currency char(3) not null,
  reason text not null check (reason in ('customer_cancel', 'showtime_cancelled', 'booking_unavailable', 'late_success')),
  ticket_ids uuid[] not null default '{}',
  status text not null check (status in ('pending', 'succeeded')),
  provider_refund_id text,
  attempts int not null default 0,
  last_error text,
  next_attempt_at timestamptz not null,
  created_at timestamptz not null,
  completed_at timestamptz
);
create index refunds_due on refunds (next_attempt_at) where status = 'pending';
create index refunds_booking on refunds (booking_id, created_at);
create index refunds_payment on refunds (payment_id);

-- Provider events already handled: a replayed event id changes nothing.
create table webhook_events (
  provider text not null,
  event_id text not null,
  type text not null,
  payload jsonb not null,
  received_at timestamptz not null,
  primary key (provider, event_id)
);

-- Customer emails about payments (confirmation with tickets, refunds, reversed charges,
-- showtime cancelled), queued in the transaction that caused them; a job renders the PDF and QR
-- codes and hands the message to the mail outbox, so paying never waits for rendering.
create table payment_notifications (
  id uuid primary key,
  kind text not null check (kind in ('booking_confirmed', 'refund_issued', 'payment_reversed', 'showtime_cancelled')),
  booking_id uuid not null references bookings (id),
  refund_id uuid references refunds (id),
  created_at timestamptz not null,
  next_attempt_at timestamptz not null,
  attempts int not null default 0,
  last_error text,
  sent_at timestamptz
);
create index payment_notifications_due on payment_notifications (next_attempt_at) where sent_at is null;
