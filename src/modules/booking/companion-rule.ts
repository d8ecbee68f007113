// The companion-seat rule beyond the hold: a customer never keeps a companion seat without an
// accessible seat next to it, whichever way seats go (the hold checks it in booking_hold_batch;
// these check releasing, cancelling and paying). Staff and admins are exempt: callers skip these
// for them, as the hold does.
import type { Executor } from '../../platform/db/database.ts';
import { companionNeedsPaidAccessible, companionWouldBeAlone } from './booking.errors.ts';
import {
  companionsLosingCover,
  companionsWithoutSoldNeighbour,
  lockCustomerShowtime,
} from './companion-seats.store.ts';
import type { BookingDb } from './booking.tables.ts';

/** What the rule reads of a booking: whose, which showtime, and its seats as booked. */
export interface CompanionBooking {
  /** Null for a guest or till booking: the rule then sees that booking alone (no account links others). */
  userId: string | null;
  showtimeId: string;
  seats: { seatId: string; row: string; number: number; type: string }[];
}

const nextTo = (a: { row: string; number: number }, b: { row: string; number: number }) =>
  a.row === b.row && Math.abs(a.number - b.number) === 1;

/**
 * Refuses (422 companion_requires_accessible) to free these seats of the booking when a companion
 * seat the customer keeps, in this booking or another, would lose its last accessible neighbour.
 * Runs in the transaction that frees them.
 */
export async function checkCompanionsKept(
  trx: Executor<BookingDb>,
  booking: CompanionBooking,
  seatIds: string[],
): Promise<void> {
  const freeing = new Set(seatIds);
  // Freeing no accessible seat leaves every companion seat as covered as it was: no lock, no query.
  if (!booking.seats.some((s) => s.type === 'accessible' && freeing.has(s.seatId))) return;
  if (booking.userId === null) {
    const kept = booking.seats.filter((s) => !freeing.has(s.seatId));
    const alone = kept.filter(
      (s) => s.type === 'companion' && !kept.some((a) => a.type === 'accessible' && nextTo(a, s)),
    );
    if (alone.length > 0) throw companionWouldBeAlone(alone.map((s) => s.seatId));
    return;
  }
  await lockCustomerShowtime(trx, booking.userId, booking.showtimeId);
  const alone = await companionsLosingCover(trx, {
    userId: booking.userId,
    showtimeId: booking.showtimeId,
    freeing: seatIds,
  });
  if (alone.length > 0) throw companionWouldBeAlone(alone);
}

/**
 * Refuses (422 companion_requires_accessible) to sell a booking with a companion seat whose
 * accessible neighbour is neither in the booking nor bought already: held in another booking, it
 * could lapse and leave the companion seat sold alone.
 */
export async function checkCompanionsPayable(db: Executor<BookingDb>, booking: CompanionBooking): Promise<void> {
  const accessible = booking.seats.filter((s) => s.type === 'accessible');
  const companions = booking.seats.filter((s) => s.type === 'companion' && !accessible.some((a) => nextTo(a, s)));
  if (companions.length === 0) return;
  if (booking.userId === null) throw companionNeedsPaidAccessible(companions.map((s) => s.seatId));
  const alone = await companionsWithoutSoldNeighbour(db, {
    userId: booking.userId,
    showtimeId: booking.showtimeId,
    companions,
  });
  if (alone.length > 0) throw companionNeedsPaidAccessible(alone);
}
