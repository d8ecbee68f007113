// Moving a showtime (PATCH /showtimes/{id}): a new start, or a new hall of the same cinema while
// nothing is held or sold. The exclusion constraint keeps halls free of overlaps as on create. A
// move of the start records moved_at (bookings paid before it may then be cancelled in full until
// the new start: payments/refund-policy.ts) and a showtime.moved event naming the paid bookings, whose
// holders notifications tells.
//
// A new hall is only safe while nothing is taken. The row lock orders the move after any hold whose
// booking row is written (its foreign key holds a share lock on the showtime until it commits), so
// those claims are seen. Booking validates seat ids against a 2-second per-process copy of the
// showtime and its hall's seats (booking-catalog.cache.ts): after the commit every process is told on
// SHOWTIME_PRICES_CHANNEL (the channel that says "read this showtime afresh") to drop it. Left: a
// hold validated just before that message arrives can still claim seats of the old hall.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { translatePgError } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { PubSub } from '../../platform/events/pubsub.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { CatalogCache } from './catalog.cache.ts';
import {
  showtimeHasBlocks,
  showtimeHasSales,
  showtimeNotFound,
  showtimeNotMovable,
  showtimeOverlap,
} from './catalog.errors.ts';
import type { CatalogDb } from './catalog.tables.ts';
import { findHall } from './halls.store.ts';
import { SHOWTIME_PRICES_CHANNEL } from './showtime-channel.ts';
import * as store from './showtime-move.store.ts';
import type { MoveShowtimeInput } from './showtimes.schemas.ts';
import { hallSeatTypes } from './showtimes.store.ts';

const MINUTE = 60_000;

/** The event a move of the start or hall writes (aggregate: the showtime). */
export const SHOWTIME_MOVED = 'showtime.moved';

export type { MoveShowtimeInput } from './showtimes.schemas.ts';

/** Moves a showtime; resolves to its id once committed (the caller reads the answer). */
export function createShowtimeMover(deps: {
  database: ModuleDatabase;
  clock: Clock;
  cache: CatalogCache;
  pubsub: PubSub;
}) {
  const db = moduleDb<CatalogDb>(deps.database);
  const { clock, cache } = deps;

  return async function moveShowtime(id: string, input: MoveShowtimeInput): Promise<void> {
    const now = clock.now();
    let moved: boolean;
    try {
      moved = await db.transaction().execute(async (trx) => {
        const st = await store.lockShowtimeToMove(trx, id);
        if (!st) throw showtimeNotFound();
        if (st.status === 'cancelled') throw showtimeNotMovable('cancelled');
        if (st.starts_at.getTime() <= now.getTime()) throw showtimeNotMovable('started');
        const startsAt = input.startsAt !== undefined ? new Date(input.startsAt) : st.starts_at;
        if (startsAt.getTime() <= now.getTime()) throw validationFailed('/startsAt', 'must be in the future');
        const hallId = input.hallId ?? st.hall_id;
        const hall = await findHall(trx, hallId);
        if (!hall || hall.cinema_id !== st.cinema_id)
          throw validationFailed('/hallId', 'is not a hall of the showtime’s cinema');
        const hallChanged = hallId !== st.hall_id;
        const startChanged = startsAt.getTime() !== st.starts_at.getTime();
        if (!hallChanged && !startChanged) return false;
        if (hallChanged) {
          const inUse = await store.seatsInUse(trx, id, now);
          if (inUse === 'sales') throw showtimeHasSales();
          // Blocks are staff's own: they are told to lift them (and set them again in the new hall).
          if (inUse === 'blocks') throw showtimeHasBlocks();
          for (const type of await hallSeatTypes(trx, hallId))
            if (st.prices[type] === undefined)
              throw validationFailed('/hallId', `has ${type} seats, which this showtime has no price for`);
        }
        const endsAt = new Date(startsAt.getTime() + (st.duration_minutes + hall.cleaning_minutes) * MINUTE);
        await store.updateShowtimeSlot(trx, id, {
          hallId,
          hallChanged,
          startsAt,
          endsAt,
          movedAt: startChanged ? now : null,
          now,
        });
        const bookings = startChanged ? await store.confirmedBookings(trx, id) : [];
        await addEvents(trx, [
          {
            type: SHOWTIME_MOVED,
            aggregateId: id,
            payload: {
              showtimeId: id,
              from: { startsAt: st.starts_at.toISOString(), endsAt: st.ends_at.toISOString(), hallId: st.hall_id },
              to: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), hallId },
              movedAt: now.toISOString(),
              bookings,
            },
          },
        ]);
        return true;
      });
    } catch (err) {
      throw translatePgError(err, {
        showtimes_no_overlap: ['conflict', 'showtime_overlap', showtimeOverlap().message],
      });
    }
    if (moved) {
      await cache.contentChanged();
      await cache.liveChanged();
      // Lost, the copies still lapse within their two seconds: not worth failing a committed move.
      await deps.pubsub.publish(SHOWTIME_PRICES_CHANNEL, id).catch(() => {});
    }
  };
}
