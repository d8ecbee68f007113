-- The dispatcher takes unpublished events in seq order (002_events.sql); the older index by
-- created_at is never read, and every event written (one per hold in a crowd) paid for it.
drop index if exists outbox_events_unpublished;
