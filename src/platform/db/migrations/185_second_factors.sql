-- Issue 19: two-factor sign-in (accounts module). A TOTP secret is stored encrypted (AES-256-GCM,
-- key in app_settings) and counts once confirmed with a code; last_step is the newest time step
-- accepted, so a code cannot be replayed inside its window. Recovery codes are stored as SHA-256
-- digests and each works once. Passkeys are WebAuthn credentials (public key, signature counter).
create table totp_factors (
  user_id uuid primary key references users (id) on delete cascade,
  secret_enc text not null,
  confirmed_at timestamptz,
  last_step bigint not null default 0,
  created_at timestamptz not null
);

create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null,
  primary key (user_id, code_hash)
);

create table passkeys (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  credential_id text not null unique,
  public_key bytea not null,
  counter bigint not null default 0,
  transports text[] not null default '{}',
  name text not null,
  created_at timestamptz not null,
  last_used_at timestamptz
);
create index passkeys_user on passkeys (user_id, created_at);

-- Pending second steps, kept server-side so that any process can finish them: a sign-in waiting
-- for its second factor ('login', the token's digest is the key) and WebAuthn ceremonies
-- ('passkey_register'), each with its random WebAuthn challenge. Used once.
create table second_factor_challenges (
  token_hash text primary key,
  purpose text not null check (purpose in ('login', 'passkey_register')),
  user_id uuid references users (id) on delete cascade,
  webauthn_challenge text,
  expires_at timestamptz not null,
  created_at timestamptz not null
);
create index second_factor_challenges_expiry on second_factor_challenges (expires_at);

-- A session opened only so that its user enrols a second factor (the admin requirement): every
-- route other than enrolment refuses it.
alter table sessions add column enrolment_only boolean not null default false;
