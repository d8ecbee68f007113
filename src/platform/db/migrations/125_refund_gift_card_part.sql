-- Issue 16: a refund of tickets paid partly by gift card pays that part back to the gift card(s)
-- (giftcards module, from the tickets.cancelled event) and the rest through the provider. `amount`
-- stays what the provider pays back; `gift_card_amount` is the gift card part, so the next partial
-- refund knows what is left of each. A refund of a booking paid by gift card alone has amount 0.
alter table refunds add column gift_card_amount int not null default 0;
alter table refunds add constraint refunds_gift_card_amount_check check (gift_card_amount >= 0);
alter table refunds drop constraint refunds_amount_check;
alter table refunds add constraint refunds_amount_check check (amount >= 0 and amount + gift_card_amount > 0);
