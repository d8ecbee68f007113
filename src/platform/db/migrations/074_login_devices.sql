-- Browsers that have signed in to an account (their `device` cookie). The wrong-password throttle
-- counts such a browser's tries apart from its address's, so guesses from elsewhere, or from behind
-- the same NAT, never keep the owner out. Only a SHA-256 of the cookie is stored; one browser may
-- have signed in to several accounts.
create table login_devices (
  device_hash text not null,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null,
  last_used_at timestamptz not null,
  primary key (device_hash, user_id)
);
create index login_devices_user on login_devices (user_id, last_used_at);
