-- Issue 16: gift cards at the till. A gift card sold at the counter is a ledger line of its own
-- (kind gift_card_sale: no booking, showtime or payment of payments'), and a ticket sale may be paid
-- partly by gift card: `gift_card_amount` is that part, `amount` stays what the drawer or the
-- terminal took, so the session's cash and terminal totals are unchanged.
alter table till_movements alter column booking_id drop not null;
alter table till_movements alter column showtime_id drop not null;
alter table till_movements alter column payment_id drop not null;
alter table till_movements add column gift_card_id uuid;
alter table till_movements add column gift_card_amount int not null default 0;
alter table till_movements add constraint till_movements_gift_card_amount_check check (gift_card_amount >= 0);
alter table till_movements drop constraint till_movements_kind_check;
alter table till_movements add constraint till_movements_kind_check
  check (kind in ('sale', 'refund', 'gift_card_sale'));
alter table till_movements add constraint till_movements_gift_card_sale_check check (
  case when kind = 'gift_card_sale'
    then booking_id is null and showtime_id is null and gift_card_id is not null and gift_card_amount = 0
    else booking_id is not null and showtime_id is not null and payment_id is not null
  end
);
