-- Issue 16: a payment pays a booking or an order (a gift card order, giftcards module); client-confirmed
-- providers (Stripe PaymentIntents) keep the payment pending while the customer confirms it in the
-- browser. An order payment has no booking and no showtime.
alter table payments add column purpose text not null default 'booking';
alter table payments add constraint payments_purpose_check check (purpose in ('booking', 'gift_card_order'));
alter table payments add column order_id uuid;
alter table payments alter column booking_id drop not null;
alter table payments alter column showtime_id drop not null;
alter table payments add constraint payments_target_check check (
  (purpose = 'booking' and booking_id is not null and showtime_id is not null and order_id is null)
  or (purpose <> 'booking' and order_id is not null and booking_id is null and showtime_id is null)
);
-- One charge in flight or taken per order, as per booking.
create unique index payments_one_live_per_order on payments (purpose, order_id)
  where order_id is not null and status in ('pending', 'succeeded');
create index payments_order on payments (order_id, created_at) where order_id is not null;
-- Reconciliation looks at pending payments by when they were last looked at (a payment waiting for
-- the customer in the browser is looked at again a delay later).
create index payments_pending_seen on payments (updated_at) where status = 'pending';
