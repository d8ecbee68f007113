-- Issue 16: a refund may give back an order's payment (a gift card order paid twice: the later
-- charge is refunded at once), which has no booking.
alter table refunds alter column booking_id drop not null;
