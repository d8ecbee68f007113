// A customer at checkout may keep a hold longer, once: expiresAt and the expiry of every claim move
// by HOLD_EXTENSION_MINUTES together, in one transaction that locks the booking and its claims. The
// sweeper deletes claims by their own expiry (SKIP LOCKED), so it can neither free an extended hold
// early nor race the extension: whichever locks the claims first decides, and an extension that
// finds a claim gone or taken over refuses with booking_expired.
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { withRetry } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { type Caller, mayAccessBooking } from '../../platform/http/access.ts';
import { bookingNotFound, holdAlreadyExtended, holdLapsed, holdNotExtendable } from './booking.errors.ts';
import { findBooking } from './booking.store.ts';
import type { BookingDb } from './booking.tables.ts';
import { type BookingView, effectiveStatus, toView } from './booking.views.ts';

const MINUTE = 60_000;

/** Moves the live claims of a held booking to `expiresAt`; the number moved. */
async function extendClaims(trx: Executor<BookingDb>, bookingId: string, now: Date, expiresAt: Date): Promise<number> {
  const r = await sql`
    update seat_claims set expires_at = ${expiresAt}::timestamptz
    where (showtime_id, seat_id) in (
      select showtime_id, seat_id from seat_claims where booking_id = ${bookingId}::uuid order by showtime_id, seat_id for update
    ) and booking_id = ${bookingId}::uuid and state = 'held' and expires_at > ${now}::timestamptz`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/** Extends a hold the caller may reach: their own, any for staff, the token's one for a guest. */
export type ExtendHold = (caller: Caller, bookingId: string) => Promise<BookingView>;

export function createHoldExtension(deps: {
  database: ModuleDatabase;
  clock: Clock;
  extensionMinutes: number;
}): ExtendHold {
  const db = moduleDb<BookingDb>(deps.database);
  const { clock } = deps;

  /** Extends the caller's hold once by HOLD_EXTENSION_MINUTES (409 hold_already_extended, booking_expired, booking_not_payable). */
  return async function extendHold(caller, bookingId) {
    const view = await withRetry(() =>
      db.transaction().execute(async (trx) => {
        const b = await findBooking(trx, bookingId, { lock: true });
        if (!b || !mayAccessBooking(caller, b)) throw bookingNotFound();
        const now = clock.now();
        const status = effectiveStatus(b.status, b.expiresAt, now);
        if (status === 'expired') throw holdLapsed();
        if (status !== 'held') throw holdNotExtendable(status);
        if (b.holdExtendedAt) throw holdAlreadyExtended(b.expiresAt);
        const expiresAt = new Date(b.expiresAt.getTime() + deps.extensionMinutes * MINUTE);
        // Every seat still this booking's and live, or the hold has lapsed under us (rolled back).
        if ((await extendClaims(trx, bookingId, now, expiresAt)) !== b.seats.length) throw holdLapsed();
        await trx
          .updateTable('bookings')
          .set({ expires_at: expiresAt, hold_extended_at: now, updated_at: now })
          .where('id', '=', bookingId)
          .execute();
        await addEvents(trx, [
          {
            type: 'booking.hold_extended',
            aggregateId: bookingId,
            payload: { bookingId, showtimeId: b.showtimeId, expiresAt: expiresAt.toISOString() },
          },
        ]);
        return toView({ ...b, expiresAt, holdExtendedAt: now }, now);
      }),
    );
    return view;
  };
}
