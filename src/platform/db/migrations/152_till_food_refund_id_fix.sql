-- Issue 17, correcting 151: the unnamed check 151 dropped was 104's `tendered >= amount` (the first
-- table check); the refund id one is till_movements_check1. Put the first back, named, and allow a
-- refund id on food_refund lines.
alter table till_movements add constraint till_movements_tendered_amount_check check (tendered >= amount);
alter table till_movements drop constraint till_movements_check1;
-- 151's check said the same with food_refund included; kept, under its name.
