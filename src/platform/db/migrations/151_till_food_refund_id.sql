-- Issue 17: a till's food_refund line names its refund like a ticket refund does (104 allowed a
-- refund id on kind 'refund' only; that check was made without a name).
alter table till_movements drop constraint till_movements_check;
alter table till_movements add constraint till_movements_refund_id_check
  check (refund_id is null or kind in ('refund', 'food_refund'));
