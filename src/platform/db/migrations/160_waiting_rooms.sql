-- Issue 18: the waiting room (waitingroom module). A room guards one showtime, or every showtime of
-- a movie, from its on-sale moment: visitors take a place, places are admitted at a rate, and holds
-- on a guarded showtime need the admission token. Showtimes and movies are the catalog's: keyed by
-- id without foreign keys.
create table waiting_rooms (
  id uuid primary key,
  scope text not null check (scope in ('showtime', 'movie')),
  showtime_id uuid,
  movie_id uuid,
  on_sale_at timestamptz not null,
  admissions_per_minute int not null check (admissions_per_minute between 1 and 100000),
  -- How long an admission (and its token) lasts once given.
  admission_minutes int not null check (admission_minutes between 1 and 240),
  status text not null check (status in ('scheduled', 'open', 'paused', 'ended')),
  -- Places 1..last_place are given out; places 1..admitted_through are admitted. Both only grow.
  last_place bigint not null default 0 check (last_place >= 0),
  admitted_through bigint not null default 0 check (admitted_through >= 0),
  -- The admission clock: admissions at the rate are owed from this moment on (set at open and resume).
  admitted_until timestamptz,
  opened_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  ended_at timestamptz,
  check ((scope = 'showtime') = (showtime_id is not null)),
  check ((scope = 'movie') = (movie_id is not null))
);
-- One live room per showtime and per movie.
create unique index waiting_rooms_live_showtime on waiting_rooms (showtime_id) where status <> 'ended';
create unique index waiting_rooms_live_movie on waiting_rooms (movie_id) where status <> 'ended';
create index waiting_rooms_live on waiting_rooms (status) where status <> 'ended';

-- A visitor's one place. `identity` is `u:<user id>` or `e:<sha-256 of the guest email>` (no address
-- kept); the device is the `wr_device` cookie. Early visitors (before on_sale_at) carry a secure
-- random draw key and get their place at the draw; later ones get the next place at once.
create table waiting_room_visits (
  id uuid primary key,
  room_id uuid not null references waiting_rooms (id) on delete cascade,
  showtime_id uuid not null,
  identity text not null,
  device_id text,
  draw_key bytea,
  place bigint,
  joined_at timestamptz not null,
  admitted_at timestamptz,
  unique (room_id, identity),
  check (place is not null or draw_key is not null)
);
create unique index waiting_room_visits_device on waiting_room_visits (room_id, device_id) where device_id is not null;
create unique index waiting_room_visits_place on waiting_room_visits (room_id, place) where place is not null;
create index waiting_room_visits_draw on waiting_room_visits (room_id, draw_key) where place is null;
