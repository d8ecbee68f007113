-- Extensions used across modules, and platform tables: the event outbox, idempotency keys, settings.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists btree_gist;

-- unaccent() is only STABLE; an IMMUTABLE wrapper lets search expressions be indexed.
create or replace function immutable_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table outbox_events (
  id uuid primary key default gen_random_uuid(),
  type text not null,
  aggregate_id text not null,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  attempts int not null default 0
);
create index outbox_events_unpublished on outbox_events (created_at) where published_at is null;

create table idempotency_keys (
  user_key text not null,
  idempotency_key text not null,
  request_hash text not null,
  status_code int,
  response_body text,
  response_headers jsonb,
  created_at timestamptz not null default now(),
  primary key (user_key, idempotency_key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

create table app_settings (
  key text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
