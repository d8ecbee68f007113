-- Issue 17: food and drink (concessions module). Products and their sizes are the chain's; each
-- cinema sets its own price, tax kind and whether a size is on sale, and counts its own stock.
-- Cinemas are the catalog's and bookings the booking module's: keyed by id without foreign keys.

-- A product: an item (popcorn, a bottled drink, a T-shirt) or a combo (a menu of slots, each filled
-- with one of its choices, at a set price). Names and descriptions per language, English required.
create table concession_products (
  id uuid primary key,
  kind text not null check (kind in ('item', 'combo')),
  category text not null check (category ~ '^[a-z][a-z0-9_-]{0,39}$'),
  names jsonb not null check (jsonb_typeof(names) = 'object' and jsonb_typeof(names -> 'en') = 'string'),
  descriptions jsonb not null default '{}'::jsonb check (jsonb_typeof(descriptions) = 'object'),
  -- The catalog's image pipeline output ({variants: [...]}, as movies.poster); null without one.
  image jsonb,
  -- EU allergen codes (gluten, milk, nuts, ...) and dietary flags (vegetarian, vegan, ...).
  allergens text[] not null default '{}',
  dietary text[] not null default '{}',
  -- Counted stock (bottled drinks, merchandise): a sale can only take what is on hand.
  track_stock boolean not null default false,
  sort_order int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (kind = 'item' or not track_stock)
);
create index concession_products_listing on concession_products (category, sort_order, id) where active;

-- A size or variant of a product (small / medium / large); a product without sizes has one.
-- Prices and stock are per variant.
create table concession_variants (
  id uuid primary key,
  product_id uuid not null references concession_products (id),
  code text not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,29}$'),
  names jsonb not null check (jsonb_typeof(names) = 'object' and jsonb_typeof(names -> 'en') = 'string'),
  sort_order int not null default 0,
  active boolean not null default true,
  unique (product_id, code)
);
create index concession_variants_product on concession_variants (product_id, sort_order);

-- A combo's slots ("a popcorn", "a drink"), each filled with `quantity` of one of its choices; a
-- choice may cost a surcharge (a large drink instead of a medium one).
create table concession_combo_slots (
  id uuid primary key,
  combo_id uuid not null references concession_products (id),
  position int not null check (position >= 0),
  names jsonb not null check (jsonb_typeof(names) = 'object' and jsonb_typeof(names -> 'en') = 'string'),
  quantity int not null default 1 check (quantity between 1 and 10),
  unique (combo_id, position)
);
create table concession_combo_choices (
  slot_id uuid not null references concession_combo_slots (id) on delete cascade,
  variant_id uuid not null references concession_variants (id),
  surcharge int not null default 0 check (surcharge >= 0),
  primary key (slot_id, variant_id)
);

-- What a cinema sells: a variant's price, currency and tax kind there, and whether it is on sale.
-- No row: not sold at that cinema.
create table concession_offers (
  cinema_id uuid not null,
  variant_id uuid not null references concession_variants (id),
  price int not null check (price >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  tax_kind text not null check (tax_kind in ('food', 'merchandise', 'default')),
  on_sale boolean not null default true,
  updated_at timestamptz not null,
  primary key (cinema_id, variant_id)
);
create index concession_offers_variant on concession_offers (variant_id);

-- Stock on hand per cinema and variant of a product that tracks stock. The check is the rule:
-- racing buyers of the last bottle both run `on_hand = on_hand - n` and exactly one fails it.
create table concession_stock (
  cinema_id uuid not null,
  variant_id uuid not null references concession_variants (id),
  on_hand int not null check (on_hand >= 0),
  updated_at timestamptz not null,
  primary key (cinema_id, variant_id)
);

-- Staff's stock work, append-only: deliveries received, counts (with what the system expected, so
-- the difference is reported) and write-offs. Sales are the order lines themselves.
create table concession_stock_movements (
  id uuid primary key,
  seq bigint generated always as identity,
  cinema_id uuid not null,
  variant_id uuid not null references concession_variants (id),
  kind text not null check (kind in ('delivery', 'count', 'write_off')),
  -- The change to on_hand (a count: counted - expected).
  quantity int not null,
  expected int,
  on_hand_after int not null check (on_hand_after >= 0),
  user_id uuid,
  note text check (length(note) <= 500),
  created_at timestamptz not null,
  check ((kind = 'count') = (expected is not null))
);
create index concession_stock_movements_cinema on concession_stock_movements (cinema_id, created_at desc, seq desc);

-- An order of food and drink: with a booking (one per booking, its basket; paid by the booking's
-- payment) or sold at the till on its own. `pickup_code` is what the counter scans (a QR on the
-- booking page, email and till receipt); only a keyed hash would add nothing, since collecting
-- needs staff and the code is shown to its holder anyway.
create table concession_orders (
  id uuid primary key,
  cinema_id uuid not null,
  channel text not null check (channel in ('web', 'guest', 'till')),
  booking_id uuid unique,
  user_id uuid,
  till_session_id uuid,
  staff_user_id uuid,
  status text not null check (status in ('held', 'paid', 'cancelled', 'refunded')),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  total_amount int not null check (total_amount >= 0),
  pickup_code text not null unique,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  paid_at timestamptz,
  -- When the last line was handed over (null while anything is left to collect).
  collected_at timestamptz,
  check (booking_id is not null or channel = 'till')
);
create index concession_orders_cinema_paid on concession_orders (cinema_id, paid_at) where paid_at is not null;
create index concession_orders_user on concession_orders (user_id, created_at desc) where user_id is not null;

-- One line of an order: a variant (or a combo with its chosen variants) at the price it was sold
-- for, with what has been handed over and what was refunded; never more than was bought.
create table concession_order_lines (
  id uuid primary key,
  order_id uuid not null references concession_orders (id),
  position int not null check (position >= 0),
  product_id uuid not null references concession_products (id),
  variant_id uuid not null references concession_variants (id),
  -- As sold, in English (the receipt's language-neutral record; views translate from the product).
  name text not null,
  quantity int not null check (quantity between 1 and 20),
  -- Price per unit including a combo's surcharges.
  unit_price int not null check (unit_price >= 0),
  tax_kind text not null check (tax_kind in ('food', 'merchandise', 'default')),
  -- A combo's choices: [{slotId, variantId, name, quantity}].
  choices jsonb not null default '[]'::jsonb check (jsonb_typeof(choices) = 'array'),
  collected_quantity int not null default 0 check (collected_quantity >= 0),
  refunded_quantity int not null default 0 check (refunded_quantity >= 0),
  check (collected_quantity + refunded_quantity <= quantity),
  unique (order_id, position)
);
create index concession_order_lines_variant on concession_order_lines (variant_id);

-- Each handing over at the counter, append-only: who gave out what and when.
create table concession_collections (
  id uuid primary key,
  order_id uuid not null references concession_orders (id),
  staff_user_id uuid not null,
  lines jsonb not null check (jsonb_typeof(lines) = 'array'),
  created_at timestamptz not null
);
create index concession_collections_order on concession_collections (order_id, created_at);
