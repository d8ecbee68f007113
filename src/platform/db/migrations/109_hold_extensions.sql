-- A customer may extend a hold once (POST /bookings/{id}/extend): when they did, so a second
-- extension is refused (409 hold_already_extended). The claims' expires_at moves with the booking's.
alter table bookings add column hold_extended_at timestamptz;
