// SQL for bookings and their claims (everything except the hold itself, in claims.store.ts).
// Business time always comes in as a parameter, never SQL now(), so tests can move the clock.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { BookingStatus } from './booking.tables.ts';

export interface BookingRow {
  id: string;
  userId: string;
  showtimeId: string;
  status: BookingStatus;
  totalAmount: number;
  currency: string;
  expiresAt: Date;
  createdAt: Date;
  confirmedAt: Date | null;
  seats: { seatId: string; row: string; number: number; type: string; price: number }[];
}

const bookingColumns = [
  'b.id',
  'b.user_id',
  'b.showtime_id',
  'b.status',
  'b.total_amount',
  'b.currency',
  'b.expires_at',
  'b.created_at',
  'b.confirmed_at',
] as const;

type RawBooking = {
  id: string;
  user_id: string;
  showtime_id: string;
  status: BookingStatus;
  total_amount: number;
  currency: string;
  expires_at: Date;
  created_at: Date;
  confirmed_at: Date | null;
};

async function withSeats(db: Executor, rows: RawBooking[]): Promise<BookingRow[]> {
  if (rows.length === 0) return [];
  const seats = await db
    .selectFrom('booking_seats')
    .select(['booking_id', 'seat_id', 'row_label', 'number', 'seat_type', 'price_amount'])
    .where(
      'booking_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('row_label')
    .orderBy('number')
    .execute();
  const byBooking = new Map<string, BookingRow['seats']>();
  for (const s of seats) {
    const list = byBooking.get(s.booking_id) ?? [];
    list.push({ seatId: s.seat_id, row: s.row_label, number: s.number, type: s.seat_type, price: s.price_amount });
    byBooking.set(s.booking_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    showtimeId: r.showtime_id,
    status: r.status,
    totalAmount: r.total_amount,
    currency: r.currency.trim(),
    expiresAt: new Date(r.expires_at),
    createdAt: new Date(r.created_at),
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null,
    seats: byBooking.get(r.id) ?? [],
  }));
}

/** One booking with its seats; `lock` takes the row FOR UPDATE. */
export async function findBooking(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<BookingRow | null> {
  let q = db.selectFrom('bookings as b').select(bookingColumns).where('b.id', '=', id);
  if (options.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? ((await withSeats(db, [row]))[0] ?? null) : null;
}

export interface ListFilter {
  userId?: string | undefined;
  showtimeId?: string | undefined;
  /** The status as clients see it (held past its expiry reads as expired). */
  status?: BookingStatus | undefined;
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
  now: Date;
}

/** Bookings newest first, keyset-paged on (created_at, id). */
export async function listBookings(db: Executor, f: ListFilter): Promise<BookingRow[]> {
  let q = db.selectFrom('bookings as b').select(bookingColumns);
  if (f.userId) q = q.where('b.user_id', '=', f.userId);
  if (f.showtimeId) q = q.where('b.showtime_id', '=', f.showtimeId);
  if (f.status === 'held') q = q.where('b.status', '=', 'held').where('b.expires_at', '>', f.now);
  else if (f.status === 'expired') {
    q = q.where((eb) => eb.or([eb('b.status', '=', 'expired'), eb.and([eb('b.status', '=', 'held'), eb('b.expires_at', '<=', f.now)])]));
  } else if (f.status) q = q.where('b.status', '=', f.status);
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) => eb.or([eb('b.created_at', '<', createdAt), eb.and([eb('b.created_at', '=', createdAt), eb('b.id', '<', id)])]));
  }
  const rows = await q.orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').limit(f.limit).execute();
  return withSeats(db, rows);
}

/** Drops a booking's claims (all, or the seats named), locking them in seat order; returns the seats freed. */
export async function deleteClaims(trx: Executor, bookingId: string, seatIds?: string[]): Promise<string[]> {
  const only = seatIds ? sql`and seat_id = any(${seatIds}::uuid[])` : sql``;
  const r = await sql<{ seat_id: string }>`
    delete from seat_claims where (showtime_id, seat_id) in (
      select showtime_id, seat_id from seat_claims where booking_id = ${bookingId}::uuid ${only} order by seat_id for update
    ) and booking_id = ${bookingId}::uuid
    returning seat_id::text as seat_id`.execute(trx);
  return r.rows.map((x) => x.seat_id);
}

/** Turns a booking's held claims into sold ones; returns the seats sold. */
export async function sellClaims(trx: Executor, bookingId: string): Promise<string[]> {
  const r = await sql<{ seat_id: string }>`
    update seat_claims set state = 'sold', expires_at = null where (showtime_id, seat_id) in (
      select showtime_id, seat_id from seat_claims where booking_id = ${bookingId}::uuid order by seat_id for update
    ) and booking_id = ${bookingId}::uuid and state = 'held'
    returning seat_id::text as seat_id`.execute(trx);
  return r.rows.map((x) => x.seat_id);
}

export async function setBookingStatus(trx: Executor, id: string, status: BookingStatus, now: Date): Promise<void> {
  await trx
    .updateTable('bookings')
    .set({
      status,
      updated_at: now,
      ...(status === 'confirmed' ? { confirmed_at: now } : {}),
      ...(status === 'cancelled' || status === 'expired' || status === 'refunded' ? { closed_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
}
