// The claim that makes a seat held or sold. The primary key (showtime_id, seat_id) of seat_claims is
// the whole guarantee that a seat is sold once: a hold inserts all its claims in one statement, an
// expired hold is taken over in place, and a live claim is never overwritten. The hold runs as one
// function call (migration 041), so it costs one round trip while it keeps seat rows locked.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';

export interface HoldInput {
  bookingId: string;
  userId: string;
  showtimeId: string;
  /** Sorted by id, so concurrent holds lock overlapping seats in one order and never deadlock. */
  seats: { id: string; row: string; number: number; type: string; price: number }[];
  now: Date;
  expiresAt: Date;
  /** Seats one customer may hold or own in the showtime; null for staff. */
  limit: number | null;
  /** Companion seats requested without their accessible neighbour: one neighbour must already be the customer's. */
  companionNeeds: { companionId: string; accessibleIds: string[] }[];
  /** The booking.held event payload. */
  event: Record<string, unknown>;
}

export type HoldOutcome =
  | { outcome: 'held'; version: number | null }
  | { outcome: 'taken'; seatIds: string[] }
  | { outcome: 'limit'; live: number }
  | { outcome: 'companion'; seatIds: string[] }
  | { outcome: 'not_bookable' };

/** How a hold writes its claims; the real one below, an unprotected one only in the crowd tests. */
export interface ClaimStore {
  hold(db: Executor, input: HoldInput): Promise<HoldOutcome>;
}

export const claimStore: ClaimStore = {
  async hold(db, h) {
    const pairs = h.companionNeeds.flatMap((n) => n.accessibleIds.map((a) => [n.companionId, a] as const));
    try {
      const r = await sql<{ result: HoldOutcome }>`select booking_hold(
        ${h.bookingId}::uuid, ${h.userId}::uuid, ${h.showtimeId}::uuid, ${h.now}::timestamptz, ${h.expiresAt}::timestamptz,
        ${h.seats.map((s) => s.id)}::uuid[], ${h.seats.map((s) => s.row)}::text[], ${h.seats.map((s) => s.number)}::int[],
        ${h.seats.map((s) => s.type)}::text[], ${h.seats.map((s) => s.price)}::int[],
        ${h.limit}::int, ${pairs.map((p) => p[0])}::uuid[], ${pairs.map((p) => p[1])}::uuid[], ${JSON.stringify(h.event)}::jsonb
      ) as result`.execute(db);
      const result = r.rows[0]?.result;
      if (!result) throw new Error('booking_hold returned nothing');
      return typeof result === 'string' ? (JSON.parse(result) as HoldOutcome) : result;
    } catch (err) {
      if (isPgError(err, 'P0001') && (err as Error).message === 'seats_unavailable') {
        return { outcome: 'taken', seatIds: String((err as { detail?: string }).detail ?? '').split(',').filter(Boolean) };
      }
      throw err;
    }
  },
};
