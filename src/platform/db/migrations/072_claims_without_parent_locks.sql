-- Every foreign key check locks its parent row (SELECT … FOR KEY SHARE). The per-seat keys from the
-- two tables a hold writes, seat_claims and booking_seats, to seats and showtimes cost a third of a
-- hold's database time in a crowd, most of it on one showtime row that every hold of the showtime
-- locks, per seat. What they guarded against cannot happen any more: seats and showtimes are never
-- deleted (refused below; a hall's seats are deactivated, a showtime cancelled), every booking keeps
-- its key to its showtime, claims and booked seats keep theirs to their booking, and a hold checks
-- each seat against its hall's layout before it writes.
alter table seat_claims drop constraint seat_claims_showtime_id_fkey, drop constraint seat_claims_seat_id_fkey;
alter table booking_seats drop constraint booking_seats_showtime_id_fkey, drop constraint booking_seats_seat_id_fkey;

create function refuse_delete() returns trigger language plpgsql as $$
begin
  raise exception 'rows of % are never deleted', tg_table_name using errcode = 'restrict_violation';
end $$;
create trigger seats_never_deleted before delete on seats for each statement execute function refuse_delete();
create trigger showtimes_never_deleted before delete on showtimes for each statement execute function refuse_delete();
