// Releasing a customer's own live hold in one statement (issue 18): the booking cancelled, its
// claims deleted (in seat order, as every writer of claims locks them), a seat-change version taken
// and the two outbox events written, with one round trip and no transaction around it. Only the
// plain case goes this way: anything the statement does not match (someone else's booking, a guest,
// a paid, lapsed or released one, a hold with an accessible seat a non-staff caller frees, which the
// companion rule must look at) is left untouched for the transaction in booking.service.ts.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { SEATS_CHANGED, type SeatChanges } from './seat-changes.ts';
import type { BookingDb } from './booking.tables.ts';

/**
 * Releases booking `id` when it is a live hold of `userId` (any account's when `staff`); the seats
 * it freed with their version, or null when it did not match (nothing written).
 */
export async function releaseOwnHold(
  db: Executor<BookingDb>,
  q: { id: string; userId: string; staff: boolean; now: Date },
): Promise<SeatChanges | null> {
  // The rows addEvents() (platform/events/outbox.ts) and SeatChangeBus.stamp() write, in this statement.
  const r = await sql<{ showtime_id: string; seat_ids: string[] | null; version: string | null }>`
    with b as (
      update bookings set status = 'cancelled', updated_at = ${q.now}::timestamptz, closed_at = ${q.now}::timestamptz
      where id = ${q.id}::uuid and status = 'held' and expires_at > ${q.now}::timestamptz
        and (${q.staff}::boolean or user_id = ${q.userId}::uuid)
        and (${q.staff}::boolean or not exists (
          select 1 from booking_seats s where s.booking_id = ${q.id}::uuid and s.seat_type = 'accessible'))
      returning id, user_id, showtime_id
    ), freed as (
      delete from seat_claims where (showtime_id, seat_id) in (
        select c.showtime_id, c.seat_id from seat_claims c join b on c.booking_id = b.id order by c.seat_id for update of c
      ) and booking_id = ${q.id}::uuid
      returning seat_id
    ), agg as (
      select b.id, b.user_id, b.showtime_id,
        coalesce((select array_agg(seat_id order by seat_id) from freed), '{}') as seat_ids
      from b
    ), v as (
      select agg.*, case when cardinality(agg.seat_ids) > 0 then nextval('seat_change_seq') end as version from agg
    ), events as (
      insert into outbox_events (type, aggregate_id, payload)
      select 'booking.released', v.id::text, jsonb_build_object('bookingId', v.id, 'userId', v.user_id,
        'showtimeId', v.showtime_id, 'seatIds', to_jsonb(v.seat_ids::text[]), 'by', ${q.userId}::text)
      from v
      union all
      select ${SEATS_CHANGED}, v.showtime_id::text, jsonb_build_object('showtimeId', v.showtime_id, 'version', v.version,
        'seats', (select jsonb_agg(jsonb_build_object('id', s, 'status', 'available') order by s) from unnest(v.seat_ids) s))
      from v where v.version is not null
    )
    select showtime_id::text as showtime_id, seat_ids::text[] as seat_ids, version::text as version from v`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  const seatIds = row.seat_ids ?? [];
  return {
    showtimeId: row.showtime_id,
    version: row.version === null ? null : Number(row.version),
    seats: seatIds.map((id) => ({ id, status: 'available' as const })),
  };
}
