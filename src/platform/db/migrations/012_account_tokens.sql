-- Single-use tokens mailed to users (email verification, password reset). Only a SHA-256 of the
-- token is stored; using one sets used_at in the same statement that checks it, so it works once.
create table account_tokens (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'password_reset')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index account_tokens_user on account_tokens (user_id, purpose) where used_at is null;

-- The staff console searches users by email or name, newest first.
create index users_created on users (created_at desc, id desc);
create index users_search on users using gin ((coalesce(email, '') || ' ' || name) gin_trgm_ops);
