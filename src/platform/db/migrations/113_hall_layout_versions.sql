-- A hall's layout may change while some coming showtimes have sold or held seats: those showtimes
-- keep the layout they were sold with. Before the seats change, the layout in force is copied into
-- hall_layouts (with each seat's type and place in it) and those showtimes point at the copy; every
-- other showtime (layout_id null) follows the hall's current seats. Seat ids stay per (row, number)
-- across versions, so claims, booked seats and tickets name the same seats in either.
create table hall_layouts (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls (id),
  layout jsonb not null,
  capacity int not null check (capacity >= 0),
  -- When it stopped being the hall's current layout.
  superseded_at timestamptz not null default now()
);
create index hall_layouts_hall on hall_layouts (hall_id);

create table hall_layout_seats (
  layout_id uuid not null references hall_layouts (id),
  seat_id uuid not null references seats (id),
  type text not null check (type in ('standard', 'vip', 'accessible', 'companion', 'blocked')),
  x numeric not null,
  y numeric not null,
  row_index int not null,
  primary key (layout_id, seat_id)
);

alter table showtimes add column layout_id uuid references hall_layouts (id);
