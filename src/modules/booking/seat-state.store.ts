// Reads and sweeps of live seat claims: the seat map, the staff report and the expiry sweeper.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { BookingDb } from './booking.tables.ts';

export interface LiveClaim {
  seatId: string;
  state: 'held' | 'sold' | 'blocked';
  expiresAt: Date | null;
}

/** Claims of a showtime that still count: sold and blocked seats and holds not yet lapsed. */
export async function listLiveClaims(db: Executor<BookingDb>, showtimeId: string, now: Date): Promise<LiveClaim[]> {
  const rows = await db
    .selectFrom('seat_claims')
    .select(['seat_id', 'state', 'expires_at'])
    .where('showtime_id', '=', showtimeId)
    .where((eb) => eb.or([eb('state', '<>', 'held'), eb('expires_at', '>', now)]))
    .execute();
  return rows.map((r) => ({
    seatId: r.seat_id,
    state: r.state,
    expiresAt: r.expires_at ? new Date(r.expires_at) : null,
  }));
}

interface SweptClaim {
  showtimeId: string;
  seatId: string;
  bookingId: string;
}

/** Deletes up to `limit` lapsed holds, skipping rows another process (or a hold taking one over) has locked. */
export async function deleteLapsedClaims(trx: Executor<BookingDb>, now: Date, limit: number): Promise<SweptClaim[]> {
  const r = await sql<{ showtime_id: string; seat_id: string; booking_id: string }>`
    with due as (
      select showtime_id, seat_id from seat_claims
      where state = 'held' and expires_at <= ${now}::timestamptz
      order by expires_at limit ${limit} for update skip locked
    )
    delete from seat_claims c using due where c.showtime_id = due.showtime_id and c.seat_id = due.seat_id
    returning c.showtime_id::text, c.seat_id::text, c.booking_id::text`.execute(trx);
  return r.rows.map((x) => ({ showtimeId: x.showtime_id, seatId: x.seat_id, bookingId: x.booking_id }));
}

/** Marks up to `limit` lapsed held bookings `expired` (SKIP LOCKED: a payment in progress keeps its row). */
export async function expireLapsedBookings(
  trx: Executor<BookingDb>,
  now: Date,
  limit: number,
): Promise<{ id: string; showtimeId: string; userId: string }[]> {
  const r = await sql<{ id: string; showtime_id: string; user_id: string }>`
    update bookings set status = 'expired', closed_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
    where id in (
      select id from bookings where status = 'held' and expires_at <= ${now}::timestamptz
      order by expires_at limit ${limit} for update skip locked
    )
    returning id::text, showtime_id::text, user_id::text`.execute(trx);
  return r.rows.map((x) => ({ id: x.id, showtimeId: x.showtime_id, userId: x.user_id }));
}

interface ShowtimeCounts {
  sold: number;
  held: number;
  blocked: number;
  revenue: number;
}

/** Sold, live-held and blocked seats and confirmed revenue of a showtime. */
export async function countShowtime(db: Executor<BookingDb>, showtimeId: string, now: Date): Promise<ShowtimeCounts> {
  const r = await sql<ShowtimeCounts>`
    select
      (select count(*) from seat_claims where showtime_id = ${showtimeId}::uuid and state = 'sold')::int as sold,
      (select count(*) from seat_claims where showtime_id = ${showtimeId}::uuid and state = 'held'
         and expires_at > ${now}::timestamptz)::int as held,
      (select count(*) from seat_claims where showtime_id = ${showtimeId}::uuid and state = 'blocked')::int as blocked,
      (select coalesce(sum(total_amount), 0) from bookings where showtime_id = ${showtimeId}::uuid and status = 'confirmed')::int as revenue`.execute(
    db,
  );
  return r.rows[0] ?? { sold: 0, held: 0, blocked: 0, revenue: 0 };
}

/** Sold seats and their revenue per ticket type (the prices they were sold at) of a showtime. */
export async function soldByTicketType(
  db: Executor<BookingDb>,
  showtimeId: string,
): Promise<{ ticket_type: string; sold: number; revenue: number }[]> {
  const r = await sql<{ ticket_type: string; sold: number; revenue: number }>`
    select bs.ticket_type, count(*)::int as sold, coalesce(sum(bs.price_amount), 0)::int as revenue
    from seat_claims c
    join booking_seats bs on bs.booking_id = c.booking_id and bs.seat_id = c.seat_id
    where c.showtime_id = ${showtimeId}::uuid and c.state = 'sold'
    group by bs.ticket_type order by bs.ticket_type`.execute(db);
  return r.rows;
}
