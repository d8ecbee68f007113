-- Issue 18: booking keeps a hall's seats in process and reads them again only when this counter
-- moves. It goes up in the same transaction as every write of the hall's seats (halls.store.ts
-- replaceSeats), so it does not depend on a clock: halls.updated_at comes from the app's clock,
-- which can stand still (tests) or go backwards (another process), and a layout edit then left
-- booking with the old seats.
alter table halls add column seats_version bigint not null default 0;
