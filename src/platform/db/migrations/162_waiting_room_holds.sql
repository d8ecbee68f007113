-- Issue 18: a freed hold lets one more visitor in only when it was made with an admission token, and
-- once per visit: the holds made with a token are recorded here (booking id, no foreign key: bookings
-- are booking's), and each visit counts the admissions its freed holds gave back.
create table waiting_room_holds (
  booking_id uuid primary key,
  room_id uuid not null references waiting_rooms (id) on delete cascade,
  visit_id uuid not null references waiting_room_visits (id) on delete cascade,
  created_at timestamptz not null
);
alter table waiting_room_visits add column holds_freed int not null default 0;
drop index waiting_room_visits_showtime; -- freed holds find their room by booking id now
