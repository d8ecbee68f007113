-- Issue 16: cash handed over for a gift card sold at the till is recorded like a ticket sale's
-- (104 allowed a tendered amount on kind 'sale' only; that check was made without a name).
alter table till_movements drop constraint till_movements_check2;
alter table till_movements add constraint till_movements_tendered_cash_check
  check (tendered is null or (kind in ('sale', 'gift_card_sale') and method = 'cash'));
