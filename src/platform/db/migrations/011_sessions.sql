-- Sessions: only a SHA-256 of the token is stored. A session slides on use (expires_at) but never
-- outlives max_expires_at (30 days after sign-in).
create table sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  max_expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text,
  ip text
);
create index sessions_user on sessions (user_id) where revoked_at is null;
