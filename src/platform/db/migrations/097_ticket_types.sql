-- Issue 15: ticket types (adult, child, senior, …) per cinema and prices per seat type × ticket type.
-- ticket_types and cinema_price_lists belong to the sales module, showtimes.ticket_prices to the
-- catalog, tickets.ticket_type to tickets.

create table ticket_types (
  id uuid primary key default gen_random_uuid(),
  cinema_id uuid not null references cinemas (id) on delete cascade,
  code text not null check (code ~ '^[a-z][a-z0-9_]{1,31}$'),
  -- {"en": "Adult", "de": "Erwachsene"}: English required, other languages optional.
  names jsonb not null check (jsonb_typeof(names) = 'object' and jsonb_typeof(names -> 'en') = 'string'),
  -- What the door checks, e.g. {"en": "Proof of age at the door"}; null when nothing.
  rule jsonb check (rule is null or (jsonb_typeof(rule) = 'object' and jsonb_typeof(rule -> 'en') = 'string')),
  min_age int check (min_age between 0 and 150),
  max_age int check (max_age between 0 and 150),
  is_default boolean not null default false,
  sort_order int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (cinema_id, code),
  check (min_age is null or max_age is null or min_age <= max_age),
  -- The default type is what a hold by seatIds sells: it must stay sellable.
  check (active or not is_default)
);
-- Exactly one default per cinema: at most one here, and the code never removes the last one.
create unique index ticket_types_one_default on ticket_types (cinema_id) where is_default;

insert into ticket_types (cinema_id, code, names, is_default, sort_order)
select id, 'adult', '{"en": "Adult", "de": "Erwachsene"}'::jsonb, true, 0 from cinemas;

-- The cinema's default price list: {ticketTypeCode: {seatType: amountMinor}}; copied into each new
-- showtime for the types its request does not price.
create table cinema_price_lists (
  cinema_id uuid primary key references cinemas (id) on delete cascade,
  currency char(3) not null,
  prices jsonb not null check (jsonb_typeof(prices) = 'object'),
  updated_at timestamptz not null default now(),
  updated_by uuid
);

-- A showtime's prices per ticket type ({code: {seatType: amount}}); `prices` stays the default type's.
-- Rows the previous release writes during a deploy get '{}': readers fall back to `prices`.
alter table showtimes add column ticket_prices jsonb not null default '{}'::jsonb;
update showtimes set ticket_prices = jsonb_build_object('adult', prices);

-- The ticket type (code) each ticket was sold as; tickets from before ticket types were adults.
alter table tickets add column ticket_type text not null default 'adult';
