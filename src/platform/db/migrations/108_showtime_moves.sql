-- A showtime can be moved (a new start, or a new hall while nothing is held or sold). moved_at is
-- when it last moved: bookings confirmed before it were bought for another time, so they may be
-- cancelled with a full refund until the new start whatever the refund policy says (payments reads
-- it through the catalog). The exclusion constraint showtimes_no_overlap checks the new times.
alter table showtimes add column moved_at timestamptz;
