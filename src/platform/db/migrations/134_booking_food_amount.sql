-- Issue 17: food and drink added to a held booking (concessions module) are paid with its seats.
-- total_amount stays the seat sum; food_amount is the basket's, set only through booking's
-- adjustHeld in the concessions transaction. What is due is
-- total_amount + food_amount - discount_amount - gift_card_amount, never below zero. A promo code
-- discounts tickets only; gift cards may pay for food too.
alter table bookings add column food_amount int not null default 0;
alter table bookings add constraint bookings_food_amount_check check (food_amount >= 0);
alter table bookings drop constraint bookings_price_breakdown_check;
alter table bookings add constraint bookings_price_breakdown_check
  check (discount_amount <= total_amount and discount_amount + gift_card_amount <= total_amount + food_amount);

-- A till sale of food alone is paid like a gift card order: a payment for an order, not a booking.
alter table payments drop constraint payments_purpose_check;
alter table payments add constraint payments_purpose_check
  check (purpose in ('booking', 'gift_card_order', 'concession_order'));
