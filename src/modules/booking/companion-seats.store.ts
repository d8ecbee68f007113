// SQL for the companion-seat rule outside the hold (the hold checks it in booking_hold_batch, 071):
// which of a customer's companion seats would be left without an accessible neighbour. A seat's
// neighbours are read from booking_seats, the row and number it was booked with, as the hold does.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { BookingDb } from './booking.tables.ts';

/**
 * Takes the lock every customer hold of this showtime takes first (booking_hold_batch's seat-limit
 * lock), so a hold that counts on an accessible seat and the release or cancel of that seat happen
 * one after the other, never both.
 */
export async function lockCustomerShowtime(
  trx: Executor<BookingDb>,
  userId: string,
  showtimeId: string,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended('booking:' || ${userId}::uuid || ':' || ${showtimeId}::uuid, 0))`.execute(
    trx,
  );
}

/**
 * The customer's live companion seats (held or sold, in any of their bookings) that freeing
 * `freeing` would leave alone: an accessible neighbour is among the seats freed and none is kept.
 * A held claim counts while it is still its held booking's, past expires_at too: a payment under
 * way may still sell it (sellHeldBookings does), so it is live until the sweeper or another hold
 * takes it.
 */
export async function companionsLosingCover(
  trx: Executor<BookingDb>,
  q: { userId: string; showtimeId: string; freeing: string[] },
): Promise<string[]> {
  const r = await sql<{ seat_id: string }>`
    with mine as (
      select bs.seat_id, bs.row_label, bs.number, bs.seat_type, bs.seat_id = any(${q.freeing}::uuid[]) as freed
      from bookings b
      join booking_seats bs on bs.booking_id = b.id
      join seat_claims c on c.showtime_id = bs.showtime_id and c.seat_id = bs.seat_id and c.booking_id = b.id
      where b.user_id = ${q.userId}::uuid and b.showtime_id = ${q.showtimeId}::uuid
        and (c.state = 'sold' or b.status = 'held')
    )
    select k.seat_id::text as seat_id from mine k
    where k.seat_type = 'companion' and not k.freed
      and exists (select 1 from mine f where f.freed and f.seat_type = 'accessible' and f.row_label = k.row_label and abs(f.number - k.number) = 1)
      and not exists (select 1 from mine a where not a.freed and a.seat_type = 'accessible' and a.row_label = k.row_label and abs(a.number - k.number) = 1)
    order by k.row_label, k.number`.execute(trx);
  return r.rows.map((x) => x.seat_id);
}

/**
 * Of these companion seats (row and number as booked), those with no accessible neighbour the
 * customer has bought: a hold can count on a neighbour merely held, but a sale must not, or the
 * companion would stay sold when that hold lapses.
 */
export async function companionsWithoutSoldNeighbour(
  db: Executor<BookingDb>,
  q: { userId: string; showtimeId: string; companions: { seatId: string; row: string; number: number }[] },
): Promise<string[]> {
  if (q.companions.length === 0) return [];
  const r = await sql<{ seat_id: string }>`
    select s.seat_id::text as seat_id
    from unnest(${q.companions.map((c) => c.seatId)}::uuid[], ${q.companions.map((c) => c.row)}::text[], ${q.companions.map((c) => c.number)}::int[]) as s(seat_id, row_label, number)
    where not exists (
      select 1 from bookings b
      join booking_seats a on a.booking_id = b.id
      join seat_claims c on c.showtime_id = a.showtime_id and c.seat_id = a.seat_id and c.booking_id = b.id
      where b.user_id = ${q.userId}::uuid and b.showtime_id = ${q.showtimeId}::uuid and c.state = 'sold'
        and a.seat_type = 'accessible' and a.row_label = s.row_label and abs(a.number - s.number) = 1)`.execute(db);
  return r.rows.map((x) => x.seat_id);
}
