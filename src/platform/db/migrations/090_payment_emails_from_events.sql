-- Payment emails now come from domain events: notifications consumes booking.confirmed,
-- tickets.cancelled and payment.reversed (one durable consumer per kind of email), so the
-- payment_notifications queue and its job go.
--
-- A notification still unsent at upgrade time must still become its email. Its own event was
-- written in the same transaction; if that event is still waiting in the outbox, the new consumers
-- will hear it when it is published and nothing is needed here. If it was published already, it
-- went out before any consumer existed (NATS hands a new consumer on an old stream only what comes
-- next), so the event is written again, with what the emails need. Re-written events carry no seat
-- version, so the seat-feed echo ignores them.

-- Events written before this release lack the recipient and showtime: add them while unpublished.
update outbox_events e
set payload = e.payload || jsonb_build_object('userId', b.user_id::text, 'showtimeId', b.showtime_id::text)
from bookings b
where e.published_at is null
  and e.type in ('tickets.cancelled', 'payment.reversed')
  and b.id::text = e.payload ->> 'bookingId'
  and not (e.payload ? 'userId');

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

drop table payment_notifications;
