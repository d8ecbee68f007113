-- booking_hold_batch (096, same signature) checks each seat against the showtime as it is now. The
-- hold service decides from a copy of the showtime and its seats kept in process for a moment
-- (booking-catalog.cache.ts), so a hold racing a hall move (showtime-move.service.ts) or a layout
-- edit (halls.service.ts) could claim a seat of the old hall, or one removed or retyped. Now the
-- hold key-share locks its showtimes, which the move and the edit lock FOR UPDATE, and refuses
-- ('stale') a seat that is not, with the type it was priced as, among the showtime's current seats:
-- the hall's active seats, or its kept layout's (showtimes.layout_id, 113).

create or replace function booking_hold_batch(
  p_now timestamptz,
  p_lock_timeout text,         -- null: wait as long as it takes (a batch of one)
  p_booking uuid[], p_user uuid[], p_guest text[], p_guest_name text[], p_channel text[],
  p_showtime uuid[], p_expires timestamptz[], p_limit int[], p_events jsonb,
  s_hold int[], s_seat uuid[], s_row text[], s_number int[], s_type text[], s_price int[], s_ticket_type text[],
  c_hold int[], c_companion uuid[], c_accessible uuid[]
) returns jsonb language plpgsql
-- Planned once per connection, not per call: every statement's shape is fixed (the LATERAL probes
-- make their plans independent of the arrays' contents), and planning was a fifth of the cost.
set plan_cache_mode = force_generic_plan as $$
declare
  v_n int := cardinality(p_booking);
  v_out jsonb[] := array_fill(null::jsonb, array[v_n]);
  v_booked uuid[];
  v_won_booking uuid[];
  v_won_seat uuid[];
  v_failed uuid[];
  v_version bigint[] := array_fill(null::bigint, array[v_n]);
  r record;
begin
  if p_lock_timeout is not null then
    perform set_config('lock_timeout', p_lock_timeout, true);
  end if;

  -- The batch's showtimes, key-share locked in id order: a hall move or a layout edit (which lock
  -- them FOR UPDATE) either waits for this hold, and then sees its claims, or goes first, and then
  -- every statement below reads the showtime's current hall and layout.
  perform 1 from showtimes s where s.id = any(p_showtime) order by s.id for key share;

  -- Seats as the showtime has them now, not as the caller's cached copy had them: a seat of
  -- another hall (the showtime moved), one the layout removed, or one whose type changed (blocked
  -- included) is answered 'stale'; the caller reads the showtime afresh and decides again.
  for r in
    select s.h as i, array_agg(s.seat) as stale
    from unnest(s_hold, s_seat, s_type) as s(h, seat, seat_type)
    cross join lateral (select st.hall_id, st.layout_id from showtimes st where st.id = p_showtime[s.h]) st
    where not exists (
        select 1 from seats x
        where st.layout_id is null and x.id = s.seat and x.hall_id = st.hall_id and x.active
          and x.type = s.seat_type and x.type <> 'blocked')
      and not exists (
        select 1 from hall_layout_seats l
        where st.layout_id is not null and l.layout_id = st.layout_id and l.seat_id = s.seat
          and l.type = s.seat_type and l.type <> 'blocked')
    group by s.h
  loop
    v_out[r.i] := jsonb_build_object('outcome', 'stale', 'seatIds', to_jsonb(r.stale));
  end loop;

  -- The seat limit: one customer's holds in one showtime are counted under their advisory lock.
  -- (The key of an account is the same as in 078, so old and new processes count under one lock.)
  perform pg_advisory_xact_lock(k) from (
    select distinct hashtextextended(
      'booking:' || coalesce(p_user[i]::text, 'guest:' || p_guest[i]) || ':' || p_showtime[i], 0) as k
    from generate_subscripts(p_booking, 1) i
    where p_limit[i] is not null and (p_user[i] is not null or p_guest[i] is not null) order by 1) keys;
  for r in
    select h.i, live.n + guest_live.n as live, (select count(*) from unnest(s_hold) x where x = h.i) as wanted
    from unnest(p_user, p_guest, p_showtime, p_limit) with ordinality as h(usr, guest, showtime, lim, i)
    cross join lateral (
      select count(*) as n from bookings b join seat_claims c on c.booking_id = b.id
      where b.user_id = h.usr and b.showtime_id = h.showtime and (c.state <> 'held' or c.expires_at > p_now)
      offset 0) live
    cross join lateral (
      select count(*) as n from bookings b join seat_claims c on c.booking_id = b.id
      where h.usr is null and b.guest_email = h.guest and b.showtime_id = h.showtime
        and (c.state <> 'held' or c.expires_at > p_now)
      offset 0) guest_live
    where h.lim is not null
  loop
    if r.live + r.wanted > p_limit[r.i] then
      v_out[r.i] := jsonb_build_object('outcome', 'limit', 'live', r.live);
    end if;
  end loop;

  -- Companion seats asked for without their accessible neighbour: the neighbour must be theirs already.
  for r in
    select n.h as i, array_agg(distinct n.companion) as unmet
    from unnest(c_hold, c_companion) as n(h, companion)
    where v_out[n.h] is null and not exists (
      select 1 from unnest(c_hold, c_companion, c_accessible) as x(h, companion, accessible)
      cross join lateral (
        select 1 from seat_claims c join bookings b on b.id = c.booking_id
        where c.showtime_id = p_showtime[x.h] and c.seat_id = x.accessible
          and (b.user_id = p_user[x.h] or (p_user[x.h] is null and b.guest_email = p_guest[x.h]))
          and (c.state <> 'held' or c.expires_at > p_now)
        limit 1) owned
      where x.h = n.h and x.companion = n.companion)
    group by n.h
  loop
    v_out[r.i] := jsonb_build_object('outcome', 'companion', 'seatIds', to_jsonb(r.unmet));
  end loop;

  -- Seats visibly taken already: those holds are answered without writing (the usual case in a crowd).
  for r in
    select s.h as i, array_agg(s.seat) as taken
    from unnest(s_hold, s_seat) as s(h, seat)
    cross join lateral (
      select 1 from seat_claims c
      where c.showtime_id = p_showtime[s.h] and c.seat_id = s.seat and (c.state <> 'held' or c.expires_at > p_now)
      limit 1) live
    where v_out[s.h] is null
    group by s.h
  loop
    v_out[r.i] := jsonb_build_object('outcome', 'taken', 'seatIds', to_jsonb(r.taken));
  end loop;

  with b as (
    insert into bookings (id, user_id, guest_email, guest_name, channel, showtime_id, status, total_amount,
                          currency, seat_count, expires_at, created_at, updated_at)
    select h.booking, h.usr, h.guest, h.guest_name, coalesce(h.channel, 'web'), st.id, 'held',
           (select coalesce(sum(x.price), 0) from unnest(s_hold, s_price) as x(k, price) where x.k = h.i),
           st.currency, (select count(*) from unnest(s_hold) x where x = h.i), h.expires, p_now, p_now
    from unnest(p_booking, p_user, p_guest, p_guest_name, p_channel, p_showtime, p_expires)
      with ordinality as h(booking, usr, guest, guest_name, channel, showtime, expires, i)
    cross join lateral (select s.id, s.currency, s.status, s.starts_at from showtimes s where s.id = h.showtime limit 1) st
    where v_out[h.i] is null and st.status = 'scheduled' and st.starts_at > p_now
    returning id
  ) select array_agg(id) into v_booked from b;
  v_booked := coalesce(v_booked, '{}');
  for i in 1..v_n loop
    if v_out[i] is null and not (p_booking[i] = any(v_booked)) then
      v_out[i] := jsonb_build_object('outcome', 'not_bookable');
    end if;
  end loop;

  -- All claims of the batch in one statement, in (showtime, seat) order. A seat taken by a
  -- transaction still in flight waits for it, then counts as lost if that one committed. Only a
  -- lapsed hold is taken over: a sold or blocked claim never is.
  with c as (
    insert into seat_claims (showtime_id, seat_id, booking_id, state, expires_at)
    select p_showtime[s.h], s.seat, p_booking[s.h], 'held', p_expires[s.h]
    from unnest(s_hold, s_seat) as s(h, seat)
    where p_booking[s.h] = any(v_booked)
    order by 1, 2
    on conflict (showtime_id, seat_id) do update
      set booking_id = excluded.booking_id, state = 'held', expires_at = excluded.expires_at
      where seat_claims.state = 'held' and seat_claims.expires_at <= p_now
    returning booking_id, seat_id
  ) select array_agg(booking_id), array_agg(seat_id) into v_won_booking, v_won_seat from c;

  -- A hold that lost any seat loses all: its booking goes, and its claims with it (cascade).
  for r in
    select s.h as i, array_agg(s.seat) filter (where w.seat is null) as lost
    from unnest(s_hold, s_seat) as s(h, seat)
    left join unnest(v_won_booking, v_won_seat) as w(booking, seat) on w.booking = p_booking[s.h] and w.seat = s.seat
    where p_booking[s.h] = any(v_booked)
    group by s.h
    having count(*) filter (where w.seat is null) > 0
  loop
    v_out[r.i] := jsonb_build_object('outcome', 'taken', 'seatIds', to_jsonb(r.lost));
    v_failed := v_failed || p_booking[r.i];
  end loop;
  if v_failed is not null then
    delete from bookings where id = any(v_failed);
  end if;

  insert into booking_seats (booking_id, seat_id, showtime_id, row_label, number, seat_type, price_amount, ticket_type)
  select p_booking[s.h], s.seat, p_showtime[s.h], s.row_label, s.number, s.seat_type, s.price, s.ticket_type
  from unnest(s_hold, s_seat, s_row, s_number, s_type, s_price, s_ticket_type)
    as s(h, seat, row_label, number, seat_type, price, ticket_type)
  where v_out[s.h] is null;

  -- Versions after the claims are written (so one seat's changes are numbered in commit order), and
  -- before the events: booking.held carries its version, so live seat maps can learn of the hold from
  -- the outbox when the process that made it dies before telling them.
  for i in 1..v_n loop
    if v_out[i] is null then
      v_version[i] := nextval('seat_change_seq');
    end if;
  end loop;

  -- The rows addEvents() writes (platform/events/outbox.ts), in the same transaction.
  insert into outbox_events (type, aggregate_id, payload)
  select 'booking.held', p_booking[i]::text, (p_events -> (i - 1)) || jsonb_build_object('version', v_version[i])
  from generate_subscripts(p_booking, 1) i where v_out[i] is null order by i;

  for i in 1..v_n loop
    if v_out[i] is null then
      v_out[i] := jsonb_build_object('outcome', 'held', 'version', v_version[i]);
    end if;
  end loop;
  return to_jsonb(v_out);
end $$;
