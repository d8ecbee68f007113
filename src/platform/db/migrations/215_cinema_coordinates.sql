-- Issue 20: where a cinema is, for "cinemas near me" and wallet passes. Both or neither; a cinema
-- without coordinates is simply not in a `near` answer. No PostGIS/earthdistance (PGlite has
-- neither): a btree on (latitude, longitude) serves the bounding-box prefilter of a growing search
-- radius, and the exact great-circle distance is computed on the few candidates (cinemas.store.ts).
-- The cinemas audit trigger (migration 180) records the new columns with the rest of the row.
alter table cinemas
  add column latitude double precision,
  add column longitude double precision,
  add constraint cinemas_coordinates check (
    (latitude is null) = (longitude is null)
    and (latitude is null or latitude between -90 and 90)
    and (longitude is null or longitude between -180 and 180)
  );
create index cinemas_position on cinemas (latitude, longitude) where latitude is not null;
