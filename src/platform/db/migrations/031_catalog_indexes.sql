-- Catalog lookups that 030 did not index: a hall's coming showtimes (layout edits refused while
-- they have sales, demo top-ups per day) and a cinema's city as people type it.
create index showtimes_hall_start on showtimes (hall_id, starts_at) where status = 'scheduled';
create index movies_title_lower on movies (lower(title));
