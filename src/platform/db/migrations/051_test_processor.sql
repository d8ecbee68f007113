-- The built-in test card processor's own ledger. It plays an outside company: it writes here in its
-- own transactions, never in ours, so what it charged survives our crash and can be reconciled.
create table test_processor_charges (
  id text primary key,
  -- The merchant's payment id: charging the same reference twice returns the first charge.
  reference text not null unique,
  amount int not null check (amount >= 0),
  currency char(3) not null,
  status text not null check (status in ('succeeded', 'failed')),
  failure_code text,
  card_last4 text not null,
  refunded_amount int not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
  created_at timestamptz not null
);

create table test_processor_refunds (
  id text primary key,
  charge_id text not null references test_processor_charges (id),
  reference text not null unique,
  amount int not null check (amount > 0),
  created_at timestamptz not null
);

-- Signed events waiting to be delivered to the merchant's webhook endpoint, retried with backoff.
create table test_processor_webhooks (
  id text primary key,
  body text not null,
  created_at timestamptz not null,
  next_attempt_at timestamptz not null,
  attempts int not null default 0,
  last_status int,
  delivered_at timestamptz
);
create index test_processor_webhooks_due on test_processor_webhooks (next_attempt_at) where delivered_at is null;
