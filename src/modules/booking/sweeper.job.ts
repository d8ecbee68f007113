// Lapsed holds: their claims are deleted and their bookings marked `expired`, and the seats are
// announced free. Holds read as free the moment they lapse anyway; this tidies up and tells the
// seat maps. Rows are claimed with SKIP LOCKED, so any number of processes may sweep at once.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { Job } from '../../platform/jobs.ts';
import type { SeatChangeBus, SeatChanges } from './seat-changes.ts';
import { deleteLapsedClaims, expireLapsedBookings } from './seat-state.store.ts';
import type { BookingDb } from './booking.tables.ts';

const BATCH = 500;

export function createHoldSweeper(deps: {
  database: ModuleDatabase;
  clock: Clock;
  bus: SeatChangeBus;
  intervalMs?: number;
}): Job {
  const { database, clock, bus } = deps;
  return {
    name: 'booking.hold-sweeper',
    ...(deps.intervalMs ? { intervalMs: deps.intervalMs } : {}),
    async runOnce() {
      const now = clock.now();
      const { handled, changes } = await moduleDb<BookingDb>(database)
        .transaction()
        .execute(async (trx) => {
          const claims = await deleteLapsedClaims(trx, now, BATCH);
          const bookings = await expireLapsedBookings(trx, now, BATCH);
          await addEvents(
            trx,
            bookings.map((b) => ({
              type: 'booking.expired',
              aggregateId: b.id,
              payload: { bookingId: b.id, userId: b.userId, showtimeId: b.showtimeId },
            })),
          );
          const byShowtime = new Map<string, string[]>();
          for (const c of claims) byShowtime.set(c.showtimeId, [...(byShowtime.get(c.showtimeId) ?? []), c.seatId]);
          const stamped: SeatChanges[] = [];
          for (const [showtimeId, seats] of byShowtime)
            stamped.push(
              await bus.stamp(
                trx,
                showtimeId,
                seats.map((id) => ({ id, status: 'available' as const })),
              ),
            );
          return { handled: claims.length + bookings.length, changes: stamped };
        });
      for (const c of changes) await bus.publish(c);
      return handled;
    },
  };
}
