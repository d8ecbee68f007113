-- Payment emails now come from domain events: notifications consumes booking.confirmed,
-- tickets.cancelled and payment.reversed (one durable consumer per kind of email), so the
-- payment_notifications queue and its job go from the code.
--
-- A notification still unsent at upgrade time must still become its email. Its own event was
-- written in the same transaction; if that event is still waiting in the outbox, the new consumers
-- will hear it when it is published and nothing is needed but the userId and showtimeId old events
-- lack. If it was published already, it went out before any consumer existed (NATS hands a new
-- consumer on an old stream only what comes next), so the event is written again, with what the
-- emails need. Re-written events carry no seat version, so the seat-feed echo ignores them. Either
-- way the notification is then marked sent, so that the previous release's delivery loop, still
-- running in its processes during a rolling deploy, does not mail it a second time.
--
-- The table stays while processes of the previous release may still write it (they settle payments
-- and cancel bookings in the same transaction as the insert; dropping it would fail those). What
-- they write is turned into what this release reads by the trigger below, at their commit, when the
-- event they wrote in that transaction is in the outbox. The next release, when no process of the
-- previous one is left, drops the table, its trigger and these functions.
create or replace function payment_notifications_to_events(notification uuid) returns void language plpgsql as $$
begin
  -- Events written by the previous release lack the recipient and showtime: add them while unpublished.
  update outbox_events e
  set payload = e.payload || jsonb_build_object('userId', b.user_id::text, 'showtimeId', b.showtime_id::text)
  from bookings b
  where e.published_at is null
    and e.type in ('tickets.cancelled', 'payment.reversed')
    and b.id::text = e.payload ->> 'bookingId'
    and not (e.payload ? 'userId')
    and (notification is null
         or b.id = (select n.booking_id from payment_notifications n where n.id = notification));

  insert into outbox_events (type, aggregate_id, payload)
  select
    case n.kind
      when 'booking_confirmed' then 'booking.confirmed'
      when 'payment_reversed' then 'payment.reversed'
      else 'tickets.cancelled'
    end,
    b.id::text,
    case n.kind
      when 'booking_confirmed' then jsonb_build_object(
        'bookingId', b.id::text, 'userId', b.user_id::text, 'showtimeId', b.showtime_id::text)
      when 'payment_reversed' then jsonb_build_object(
        'paymentId', r.payment_id::text, 'bookingId', b.id::text, 'userId', b.user_id::text,
        'showtimeId', b.showtime_id::text, 'refundId', r.id::text, 'amount', r.amount,
        'currency', trim(r.currency), 'reason', p.failure_code)
      else jsonb_build_object(
        'bookingId', b.id::text, 'userId', b.user_id::text, 'showtimeId', b.showtime_id::text,
        'ticketIds', coalesce(to_jsonb(r.ticket_ids), '[]'::jsonb), 'seatIds', '[]'::jsonb,
        'refundId', r.id::text, 'amount', coalesce(r.amount, 0), 'currency', trim(coalesce(r.currency, b.currency)),
        'reason', case n.kind when 'showtime_cancelled' then 'showtime_cancelled' else 'customer_cancel' end,
        'bookingRefunded', b.status = 'refunded')
    end
  from payment_notifications n
  join bookings b on b.id = n.booking_id
  left join refunds r on r.id = n.refund_id
  left join payments p on p.id = r.payment_id
  where n.sent_at is null
    and (notification is null or n.id = notification)
    and not exists (
      select 1 from outbox_events e
      where e.published_at is null
        and e.aggregate_id = b.id::text
        and e.type = case n.kind
          when 'booking_confirmed' then 'booking.confirmed'
          when 'payment_reversed' then 'payment.reversed'
          else 'tickets.cancelled'
        end
        and (n.kind = 'booking_confirmed' or (e.payload ->> 'refundId') is not distinct from n.refund_id::text)
    )
  order by n.created_at;

  update payment_notifications n set sent_at = now()
  where n.sent_at is null and (notification is null or n.id = notification);
end $$;

create or replace function payment_notification_as_event() returns trigger language plpgsql as $$
begin
  perform payment_notifications_to_events(new.id);
  return null;
end $$;

-- Deferred to the writer's commit: the previous release inserts the notification before the event
-- it belongs to. Made before the conversion below, so that no notification written in between is
-- missed (creating it waits for transactions writing the table).
drop trigger if exists payment_notification_as_event on payment_notifications;
create constraint trigger payment_notification_as_event after insert on payment_notifications
deferrable initially deferred
for each row when (new.sent_at is null)
execute function payment_notification_as_event();

select payment_notifications_to_events(null);
