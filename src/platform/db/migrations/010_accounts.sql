-- Accounts: users. Sessions and tokens are in the migrations that follow.
create table users (
  id uuid primary key default gen_random_uuid(),
  email text,
  name text not null default '',
  phone text,
  role text not null default 'customer' check (role in ('customer', 'staff', 'admin')),
  password_hash text,
  email_verified boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
-- Emails are stored normalised (trimmed, lower case); erased accounts have none.
create unique index users_email_key on users (email) where email is not null;
