-- Issue 18: a freed hold finds the room guarding its showtime from the event alone, inside the
-- event's transaction: a showtime's own room, or the movie room one of its visitors joined through.
create index waiting_room_visits_showtime on waiting_room_visits (showtime_id, room_id);
