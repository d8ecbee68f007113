// What must hold after any crowd, read straight from the database: no seat in two live bookings,
// every claim belongs to a live booking, and the seat map agrees with the bookings.
import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/database.ts';

export interface Invariants {
  /** Seats that two or more live bookings hold or own. */
  doubleSold: { seatId: string; bookings: number }[];
  /** Claims whose booking is not live (a crash must not leave any). */
  orphanClaims: number;
  /** Live holds missing some of their claims (a hold is all or nothing, even across a crash). */
  incompleteHolds: number;
  /** Seat id → the status the bookings say it has. */
  expected: Map<string, 'available' | 'held' | 'sold'>;
}

/** Live bookings by seat for a showtime, at `now`, from bookings and their seats (not from the claims). */
export async function readInvariants(database: Database, showtimeId: string, now: Date): Promise<Invariants> {
  const rows = await sql<{ seat_id: string; n: number; confirmed: number }>`
    select bs.seat_id::text as seat_id, count(*)::int as n, count(*) filter (where b.status = 'confirmed')::int as confirmed
    from booking_seats bs join bookings b on b.id = bs.booking_id
    where bs.showtime_id = ${showtimeId}::uuid
      and (b.status = 'confirmed' or (b.status = 'held' and b.expires_at > ${now}::timestamptz))
    group by bs.seat_id`.execute(database.db);
  const orphans = await sql<{ n: number }>`
    select count(*)::int as n from seat_claims c join bookings b on b.id = c.booking_id
    where c.showtime_id = ${showtimeId}::uuid and c.state = 'held' and c.expires_at > ${now}::timestamptz
      and not (b.status = 'held' and b.expires_at > ${now}::timestamptz)`.execute(database.db);
  const incomplete = await sql<{ n: number }>`
    select count(*)::int as n from bookings b
    where b.showtime_id = ${showtimeId}::uuid and b.status = 'held' and b.expires_at > ${now}::timestamptz
      and b.seat_count <> (select count(*) from seat_claims c where c.booking_id = b.id)`.execute(database.db);
  const expected = new Map<string, 'available' | 'held' | 'sold'>();
  for (const r of rows.rows) expected.set(r.seat_id, r.confirmed > 0 ? 'sold' : 'held');
  return {
    doubleSold: rows.rows.filter((r) => r.n > 1).map((r) => ({ seatId: r.seat_id, bookings: r.n })),
    orphanClaims: orphans.rows[0]?.n ?? 0,
    incompleteHolds: incomplete.rows[0]?.n ?? 0,
    expected,
  };
}

/** Seats whose status in a seat map differs from what the bookings say. */
export function mapDisagreements(map: { seats: { id: string; status: string }[] }, inv: Invariants): string[] {
  return map.seats
    .filter((s) => s.status !== 'blocked' && s.status !== (inv.expected.get(s.id) ?? 'available'))
    .map((s) => `${s.id}: map ${s.status}, bookings ${inv.expected.get(s.id) ?? 'available'}`);
}
