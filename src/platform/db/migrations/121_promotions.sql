-- Issue 16: promo codes (promotions module). A promo_codes row is a campaign: a percent or fixed
-- discount, a scope, a validity period and limits. Its codes are promo_code_values rows: one shared
-- code, or `generated_count` single-use codes made in bulk. A redemption is a use of a code by a held
-- booking; it is counted at once (uses on both rows, under the campaign row's lock) and given back
-- (released_at) when the booking is released, expires or is refunded in full, or the code is
-- replaced or removed. Codes are stored upper case; the primary key makes them unique across campaigns.
create table promo_codes (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('percent', 'fixed')),
  percent int check (percent between 1 and 100),
  amount int check (amount > 0),
  currency char(3),
  -- {movieIds?, cinemaIds?, showtimeIds?, ticketTypes?, from?, to?}: empty means everything.
  scope jsonb not null default '{}'::jsonb,
  valid_from timestamptz,
  valid_until timestamptz,
  max_uses int check (max_uses > 0),
  max_uses_per_customer int check (max_uses_per_customer > 0),
  uses int not null default 0 check (uses >= 0),
  generated_count int not null default 0 check (generated_count >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'percent') = (percent is not null)),
  check ((kind = 'fixed') = (amount is not null and currency is not null)),
  check (valid_until is null or valid_from is null or valid_until > valid_from),
  -- Exact under concurrency: counted under the row's lock, and never past the limit.
  check (max_uses is null or uses <= max_uses)
);
create index promo_codes_created on promo_codes (created_at desc, id desc);

create table promo_code_values (
  code text primary key check (code ~ '^[A-Z0-9-]{4,32}$'),
  promo_id uuid not null references promo_codes (id),
  single_use boolean not null,
  uses int not null default 0 check (uses >= 0),
  check (not single_use or uses <= 1)
);
create index promo_code_values_promo on promo_code_values (promo_id, code);

create table promo_redemptions (
  id uuid primary key default gen_random_uuid(),
  promo_id uuid not null references promo_codes (id),
  code text not null references promo_code_values (code),
  -- The booking module's booking (no foreign key across modules).
  booking_id uuid not null,
  -- 'user:<id>' or 'email:<guest email>': whom the per-customer limit counts.
  customer text not null,
  amount int not null check (amount >= 0),
  currency char(3) not null,
  created_at timestamptz not null,
  released_at timestamptz,
  release_reason text check (release_reason in ('replaced', 'removed', 'released', 'expired', 'refunded'))
);
-- One live code per booking.
create unique index promo_redemptions_live_booking on promo_redemptions (booking_id) where released_at is null;
create index promo_redemptions_customer on promo_redemptions (promo_id, customer) where released_at is null;
