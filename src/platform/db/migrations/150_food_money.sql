-- Issue 17, the money side of food and drink. A refund may give back food lines not yet collected:
-- `food_amount` is the food part of what it pays back (card and gift cards together) and
-- `food_lines` which lines and how many ([{lineId, quantity, amount}]), so the refund view and the
-- credit note show them; a refund of food alone has reason 'food_refund' and no tickets.
alter table refunds add column food_amount int not null default 0;
alter table refunds add constraint refunds_food_amount_check check (food_amount >= 0);
alter table refunds add column food_lines jsonb not null default '[]'::jsonb;
alter table refunds add constraint refunds_food_lines_check check (jsonb_typeof(food_lines) = 'array');
alter table refunds add column concession_order_id uuid;
alter table refunds drop constraint refunds_reason_check;
alter table refunds add constraint refunds_reason_check
  check (reason in ('customer_cancel', 'showtime_cancelled', 'booking_unavailable', 'late_success', 'food_refund'));
create index refunds_concession_order on refunds (concession_order_id) where concession_order_id is not null;

-- Food sold at the till on its own (no booking, no showtime: a concession order paid in cash or on
-- the terminal) and paid back there are ledger lines of their own kinds, counted in the close report.
alter table till_movements add column concession_order_id uuid;
alter table till_movements drop constraint till_movements_kind_check;
alter table till_movements add constraint till_movements_kind_check
  check (kind in ('sale', 'refund', 'gift_card_sale', 'food_sale', 'food_refund'));
alter table till_movements drop constraint till_movements_gift_card_sale_check;
alter table till_movements add constraint till_movements_gift_card_sale_check check (
  case
    when kind = 'gift_card_sale'
      then booking_id is null and showtime_id is null and gift_card_id is not null and gift_card_amount = 0
    when kind in ('food_sale', 'food_refund')
      then booking_id is null and showtime_id is null and payment_id is not null and concession_order_id is not null
    else booking_id is not null and showtime_id is not null and payment_id is not null
  end
);
alter table till_movements drop constraint till_movements_tendered_cash_check;
alter table till_movements add constraint till_movements_tendered_cash_check
  check (tendered is null or (kind in ('sale', 'gift_card_sale', 'food_sale') and method = 'cash'));
create unique index till_movements_one_food_sale on till_movements (concession_order_id) where kind = 'food_sale';

-- A receipt for food sold on its own (a till food sale), and credit notes of its refunds.
alter table receipts add column concession_order_id uuid;
alter table receipts drop constraint receipts_source_check;
alter table receipts add constraint receipts_source_check check (source in ('booking', 'gift_card', 'concession_order'));
alter table receipts add constraint receipts_concession_order_check
  check ((source = 'concession_order') = (concession_order_id is not null));
create unique index receipts_concession_order on receipts (concession_order_id) where concession_order_id is not null;
alter table credit_notes alter column booking_id drop not null;
alter table credit_notes add column concession_order_id uuid;
alter table credit_notes add constraint credit_notes_target_check
  check (booking_id is not null or concession_order_id is not null);
