-- Issue 16: a held booking's price breakdown. total_amount stays the seat sum (the subtotal); a promo
-- code (promotions module) takes discount_amount off it and gift cards (giftcards module) pay
-- gift_card_amount of it, so what is due from the payment provider is
-- total_amount - discount_amount - gift_card_amount, never below zero. Both are set only through
-- booking's adjustHeld, in the caller's transaction, while the booking is held.
alter table bookings add column discount_amount int not null default 0;
alter table bookings add column promo_code text;
alter table bookings add column gift_card_amount int not null default 0;
alter table bookings add constraint bookings_discount_amount_check check (discount_amount >= 0);
alter table bookings add constraint bookings_gift_card_amount_check check (gift_card_amount >= 0);
alter table bookings add constraint bookings_price_breakdown_check
  check (discount_amount + gift_card_amount <= total_amount);
-- A discount always names its code.
alter table bookings add constraint bookings_promo_code_check check (promo_code is not null or discount_amount = 0);
