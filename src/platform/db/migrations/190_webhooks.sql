-- Issue 19: webhooks out (webhooks module). Admins register endpoints for chosen event types; each
-- event an endpoint takes is one delivery row (unique per endpoint, event and type, so a redelivered
-- domain event adds nothing), sent by the job queue and retried on the Standard Webhooks schedule
-- for three days. Every attempt is a row of its own with the answer's status, a bounded excerpt of
-- its body and its duration. `failing_since` is the first failed attempt with no success after it:
-- an endpoint failing for three days is disabled (`disabled_reason` = 'failing').
create table webhook_endpoints (
  id uuid primary key,
  url text not null check (length(url) <= 2048),
  description text not null default '' check (length(description) <= 500),
  event_types text[] not null check (cardinality(event_types) > 0),
  -- `whsec_` and base64 of 32 random bytes, as Standard Webhooks prescribes; shown to admins only.
  secret text not null,
  enabled boolean not null default true,
  disabled_reason text check (disabled_reason in ('manual', 'failing')),
  disabled_at timestamptz,
  failing_since timestamptz,
  consecutive_failures int not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (enabled = (disabled_reason is null))
);

create table webhook_deliveries (
  id uuid primary key,
  endpoint_id uuid not null references webhook_endpoints (id) on delete cascade,
  -- The domain event's id (or a fresh one for a test ping).
  event_id text not null,
  event_type text not null,
  -- The JSON body, exactly as signed and sent on every attempt.
  body text not null,
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz,
  last_status_code int,
  last_error text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (endpoint_id, event_id, event_type)
);
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc, id desc);

create table webhook_attempts (
  id uuid primary key,
  delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
  attempt int not null,
  -- Made by an admin's redeliver rather than the schedule.
  manual boolean not null default false,
  started_at timestamptz not null,
  duration_ms int not null,
  succeeded boolean not null,
  status_code int,
  -- Why no 2xx came: a timeout, a refused target, a connection error (null with a status code).
  error text,
  response_excerpt text check (length(response_excerpt) <= 1024)
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempt);

-- Admins' changes to endpoints go to the audit log (migration 180), the signing secret left out;
-- deliveries and attempts are the queue's own work, outside any request.
create trigger audit_row after insert or update or delete on webhook_endpoints for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '')
  execute function audit_row('webhook_endpoint', 'id', '-secret');
