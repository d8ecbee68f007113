// The claim that makes a seat held or sold. The primary key (showtime_id, seat_id) of seat_claims is
// the whole guarantee that a seat is sold once: a hold inserts all its claims in one statement, an
// expired hold is taken over in place, and a live claim is never overwritten.
import { sql } from 'kysely';
import type { Database, Executor } from '../../platform/db/database.ts';

export interface HoldInput {
  bookingId: string;
  userId: string;
  showtimeId: string;
  /** Sorted by id, so concurrent holds lock overlapping seats in one order and never deadlock. */
  seats: { id: string; row: string; number: number; type: string; price: number }[];
  total: number;
  now: Date;
  expiresAt: Date;
}

export interface HoldOutcome {
  /** False when the showtime was cancelled or started (checked in the same statement). */
  booked: boolean;
  /** The seats this hold now claims; any seat missing here is taken. */
  claimed: string[];
}

/** How a hold writes its claims; the real one below, an unprotected one only in the crowd tests. */
export interface ClaimStore {
  /** Reads before the transaction opens. The real store needs none; the crowd tests' broken variant checks here. */
  prepare?(input: HoldInput): Promise<unknown>;
  holdSeats(trx: Executor, input: HoldInput, prepared?: unknown): Promise<HoldOutcome>;
}

/**
 * One statement: the booking (only while the showtime is scheduled and not started), its claims
 * (new, or taking over a lapsed hold in place), and the priced seats. The caller rolls back unless
 * every seat came back.
 */
export const claimStore: ClaimStore = {
  async holdSeats(trx, h) {
    const ids = h.seats.map((s) => s.id);
    const result = await sql<{ booked: number; claimed: string[] | null }>`
      with b as (
        insert into bookings (id, user_id, showtime_id, status, total_amount, currency, seat_count, expires_at, created_at, updated_at)
        select ${h.bookingId}::uuid, ${h.userId}::uuid, s.id, 'held', ${h.total}::int, s.currency, ${h.seats.length}::int,
               ${h.expiresAt}::timestamptz, ${h.now}::timestamptz, ${h.now}::timestamptz
        from showtimes s
        where s.id = ${h.showtimeId}::uuid and s.status = 'scheduled' and s.starts_at > ${h.now}::timestamptz
        returning id
      ), c as (
        insert into seat_claims (showtime_id, seat_id, booking_id, state, expires_at)
        select ${h.showtimeId}::uuid, seat_id, b.id, 'held', ${h.expiresAt}::timestamptz
        from b, unnest(${ids}::uuid[]) as seat_id
        order by seat_id
        on conflict (showtime_id, seat_id) do update
          set booking_id = excluded.booking_id, state = 'held', expires_at = excluded.expires_at
          where seat_claims.state = 'held' and seat_claims.expires_at <= ${h.now}::timestamptz
        returning seat_id
      ), bs as (
        insert into booking_seats (booking_id, seat_id, showtime_id, row_label, number, seat_type, price_amount)
        select b.id, x.seat_id, ${h.showtimeId}::uuid, x.row_label, x.number, x.seat_type, x.price
        from b, unnest(${ids}::uuid[], ${h.seats.map((s) => s.row)}::text[], ${h.seats.map((s) => s.number)}::int[],
                       ${h.seats.map((s) => s.type)}::text[], ${h.seats.map((s) => s.price)}::int[])
             as x(seat_id, row_label, number, seat_type, price)
      )
      select (select count(*) from b)::int as booked, (select array_agg(seat_id::text) from c) as claimed
    `.execute(trx);
    const row = result.rows[0];
    return { booked: (row?.booked ?? 0) > 0, claimed: row?.claimed ?? [] };
  },
};

export type ClaimStoreFactory = (database: Database) => ClaimStore;
