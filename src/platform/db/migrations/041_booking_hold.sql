-- A hold in one round trip. Under a flash crowd the hold's cost is its round trips while it keeps
-- seat rows locked, so the whole transaction is one function call (one autocommit statement):
-- the customer's seat-limit lock and count, the booking, the claims, the priced seats, the outbox
-- event. Seats already taken raise `seats_unavailable` with their ids as DETAIL, which rolls
-- everything back. The rules' inputs (prices, limit, companion neighbours) are decided in
-- hold.service.ts; the primary key of seat_claims stays the guarantee.

-- Versions of seat changes: taken inside the transaction that makes a change, after its claim rows
-- are locked, so one seat's changes are numbered in commit order. A sequence never blocks, unlike a
-- per-showtime counter row that every hold of a showtime would queue on.
create sequence seat_change_seq;

create function booking_hold(
  p_booking uuid, p_user uuid, p_showtime uuid, p_now timestamptz, p_expires timestamptz,
  p_seat_ids uuid[], p_rows text[], p_numbers int[], p_types text[], p_prices int[],
  p_limit int,                 -- null: no seat limit (staff)
  p_need_companion uuid[],     -- companion seats whose accessible neighbour is not in the request …
  p_need_accessible uuid[],    -- … paired with each such neighbour: one of them must be the customer's
  p_event jsonb
) returns jsonb language plpgsql as $$
declare
  v_live int;
  v_unmet uuid[];
  v_claimed uuid[];
  v_taken uuid[];
  v_total int := (select coalesce(sum(p), 0) from unnest(p_prices) p);
begin
  if p_limit is not null then
    perform pg_advisory_xact_lock(hashtextextended('booking:' || p_user || ':' || p_showtime, 0));
    select count(*) into v_live from seat_claims c join bookings b on b.id = c.booking_id
      where b.user_id = p_user and b.showtime_id = p_showtime and c.showtime_id = p_showtime
        and (c.state = 'sold' or c.expires_at > p_now);
    if v_live + cardinality(p_seat_ids) > p_limit then
      return jsonb_build_object('outcome', 'limit', 'live', v_live);
    end if;
    if cardinality(p_need_companion) > 0 then
      select array_agg(distinct n.companion) into v_unmet
      from unnest(p_need_companion) as n(companion)
      where not exists (
        select 1 from unnest(p_need_companion, p_need_accessible) as x(companion, accessible)
        join seat_claims c on c.showtime_id = p_showtime and c.seat_id = x.accessible
        join bookings b on b.id = c.booking_id and b.user_id = p_user
        where x.companion = n.companion and (c.state = 'sold' or c.expires_at > p_now));
      if v_unmet is not null then
        return jsonb_build_object('outcome', 'companion', 'seatIds', to_jsonb(v_unmet));
      end if;
    end if;
  end if;

  -- Seats visibly taken already: answer without writing anything (the usual case in a crowd).
  -- A seat taken by a transaction still in flight is caught by the insert below.
  select array_agg(seat_id) into v_taken from seat_claims
    where showtime_id = p_showtime and seat_id = any(p_seat_ids) and (state = 'sold' or expires_at > p_now);
  if v_taken is not null then
    return jsonb_build_object('outcome', 'taken', 'seatIds', to_jsonb(v_taken));
  end if;

  insert into bookings (id, user_id, showtime_id, status, total_amount, currency, seat_count, expires_at, created_at, updated_at)
  select p_booking, p_user, s.id, 'held', v_total, s.currency, cardinality(p_seat_ids), p_expires, p_now, p_now
  from showtimes s where s.id = p_showtime and s.status = 'scheduled' and s.starts_at > p_now;
  if not found then
    return jsonb_build_object('outcome', 'not_bookable');
  end if;

  -- In seat order, so overlapping holds lock in one order and never deadlock.
  with c as (
    insert into seat_claims (showtime_id, seat_id, booking_id, state, expires_at)
    select p_showtime, seat_id, p_booking, 'held', p_expires from unnest(p_seat_ids) as seat_id order by seat_id
    on conflict (showtime_id, seat_id) do update
      set booking_id = excluded.booking_id, state = 'held', expires_at = excluded.expires_at
      where seat_claims.state = 'held' and seat_claims.expires_at <= p_now
    returning seat_id
  ) select array_agg(seat_id) into v_claimed from c;
  if coalesce(cardinality(v_claimed), 0) < cardinality(p_seat_ids) then
    raise exception 'seats_unavailable' using detail = (
      select string_agg(s::text, ',') from unnest(p_seat_ids) s where s <> all(coalesce(v_claimed, '{}')));
  end if;

  insert into booking_seats (booking_id, seat_id, showtime_id, row_label, number, seat_type, price_amount)
  select p_booking, x.seat_id, p_showtime, x.row_label, x.number, x.seat_type, x.price
  from unnest(p_seat_ids, p_rows, p_numbers, p_types, p_prices) as x(seat_id, row_label, number, seat_type, price);

  -- The row addEvents() writes (platform/events/outbox.ts), in the same transaction.
  insert into outbox_events (type, aggregate_id, payload) values ('booking.held', p_booking::text, p_event);

  return jsonb_build_object('outcome', 'held', 'version', nextval('seat_change_seq'));
end $$;
