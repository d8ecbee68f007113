-- Issue 19 review: a ticket's code and a food order's pickup code are bearer credentials (whoever
-- shows one gets in, or gets the food): the log must not hand them to everyone who may read it, as
-- migration 180 did. And gift card payouts, marked paid by staff, had no trigger.
drop trigger audit_row on tickets;
create trigger audit_row after insert or update or delete on tickets for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '')
  execute function audit_row('ticket', 'id', '-code');

drop trigger audit_row on concession_orders;
create trigger audit_row after insert or update or delete on concession_orders for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '')
  execute function audit_row('concession_order', 'id', '-pickup_code');

create trigger audit_row after insert or update or delete on gift_card_payouts for each row
  when (coalesce(current_setting('marquee.audit', true), '') <> '')
  execute function audit_row('gift_card_payout', 'id');
