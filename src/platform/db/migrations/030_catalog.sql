-- Catalog: movies, people, cinemas, halls with seats, showtimes that never overlap in a hall.

-- The text a movie is found by: lower case, accents stripped. IMMUTABLE so it can be a stored column.
create function movie_search_document(title text, original_title text, director text, cast_names text[])
  returns text language sql immutable parallel safe
  as $$ select immutable_unaccent(lower(
    coalesce(title, '') || ' ' || coalesce(original_title, '') || ' ' || coalesce(director, '') || ' ' ||
    coalesce(array_to_string(cast_names, ' '), ''))) $$;
create table movies (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(title) between 1 and 300),
  original_title text,
  synopsis text not null default '',
  duration_minutes int not null check (duration_minutes between 1 and 1000),
  age_rating text,
  genres text[] not null default '{}',
  language text,
  countries text[] not null default '{}',
  release_date date,
  poster jsonb,
  backdrop jsonb,
  cast_names text[] not null default '{}',
  director text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (movie_search_document(title, original_title, director, cast_names)) stored
);
create index movies_search_trgm on movies using gin (search_text gin_trgm_ops);
create index movies_search_fts on movies using gin (to_tsvector('simple', search_text));
create index movies_genres on movies using gin (genres);
create index movies_created on movies (created_at, id);
create index movies_release on movies (release_date);

create table people (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  bio text not null default '',
  photo jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index people_name_trgm on people using gin (immutable_unaccent(lower(name)) gin_trgm_ops);

create table movie_people (
  movie_id uuid not null references movies (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  role text not null check (role in ('actor', 'director', 'writer', 'producer', 'composer')),
  position int not null default 0,
  primary key (movie_id, person_id, role)
);
create index movie_people_person on movie_people (person_id);

create table cinemas (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  city text not null check (length(city) between 1 and 100),
  address text not null default '',
  timezone text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index cinemas_city on cinemas (lower(city));

create table halls (
  id uuid primary key default gen_random_uuid(),
  cinema_id uuid not null references cinemas (id),
  name text not null check (length(name) between 1 and 100),
  cleaning_minutes int not null default 15 check (cleaning_minutes between 0 and 240),
  layout jsonb not null,
  capacity int not null check (capacity >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (cinema_id, name)
);

-- A seat keeps its id while its row label and number stay the same across layout edits.
create table seats (
  id uuid primary key default gen_random_uuid(),
  hall_id uuid not null references halls (id) on delete cascade,
  row_label text not null,
  number int not null,
  type text not null check (type in ('standard', 'vip', 'accessible', 'companion', 'blocked')),
  x numeric not null,
  y numeric not null,
  row_index int not null,
  active boolean not null default true,
  unique (hall_id, row_label, number)
);
create index seats_hall on seats (hall_id) where active;

create table showtimes (
  id uuid primary key default gen_random_uuid(),
  movie_id uuid not null references movies (id),
  hall_id uuid not null references halls (id),
  cinema_id uuid not null references cinemas (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  format text not null default '2D',
  language text,
  subtitles text,
  prices jsonb not null,
  currency char(3) not null,
  status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  constraint showtimes_no_overlap exclude using gist (
    hall_id with =, tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status = 'scheduled')
);
create index showtimes_movie_start on showtimes (movie_id, starts_at);
create index showtimes_cinema_start on showtimes (cinema_id, starts_at);
create index showtimes_start on showtimes (starts_at, id);
