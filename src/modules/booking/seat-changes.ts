// Seat status changes: stamped with a version from the seat_change_seq sequence inside the
// transaction that makes them (after its claim rows are locked, so one seat's changes are numbered
// in commit order), and published after commit on `seats:<showtimeId>` to every process (SSE
// clients, seat-map caches). Versions increase per showtime but are not consecutive: a sequence
// never blocks, while a per-showtime counter row would make every hold of a showtime queue on it.
// Every versioned change is in the outbox too (booking.held and booking.confirmed carry theirs, the
// others are booking.seats_changed), so a process that dies between commit and publish cannot hide
// it from live clients: the dispatcher echoes it (seat-feed-echo.ts).
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Executor } from '../../platform/db/database.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { PubSub } from '../../platform/events/pubsub.ts';
import type { BookingDb } from './booking.tables.ts';

export type SeatStatus = 'available' | 'held' | 'sold' | 'blocked';

export interface SeatChange {
  id: string;
  status: SeatStatus;
}

/** What travels on the channel; `v` is null when no version could be taken (subscribers resync). */
export interface SeatChangeMessage {
  v: number | null;
  seats: SeatChange[];
}

export interface SeatChanges {
  showtimeId: string;
  version: number | null;
  seats: SeatChange[];
}

export const seatChannel = (showtimeId: string) => `seats:${showtimeId}`;

/** The outbox event of changes stamped by `stamp` (aggregate: the showtime); payload `{showtimeId, version, seats}`. */
export const SEATS_CHANGED = 'booking.seats_changed';

export interface SeatChangeBus {
  /** Takes the next version for these changes and records them in the outbox; call inside the transaction, after the claims are written. */
  stamp(trx: Executor<BookingDb>, showtimeId: string, seats: SeatChange[]): Promise<SeatChanges>;
  /** After commit: drops this process's cached map at once and tells every process. Never throws. */
  publish(changes: SeatChanges): Promise<void>;
  /** Tells every process's live clients again of committed changes (from the outbox): no cache is dropped, repeats are ignored. Never throws. */
  echo(changes: SeatChanges): Promise<void>;
  /** The last version taken (for any showtime): a snapshot read after it reflects every change up to it. */
  currentVersion(db: Executor<BookingDb>): Promise<number>;
}

export function createSeatChangeBus(deps: {
  pubsub: PubSub;
  logger: Logger;
  onLocalChange: (showtimeId: string) => void;
}): SeatChangeBus {
  const { pubsub, logger } = deps;
  return {
    async stamp(trx, showtimeId, seats) {
      if (seats.length === 0) return { showtimeId, version: null, seats };
      const r = await sql<{ v: number }>`select nextval('seat_change_seq')::int8 as v`.execute(trx);
      const version = Number(r.rows[0]?.v);
      await addEvents(trx, [{ type: SEATS_CHANGED, aggregateId: showtimeId, payload: { showtimeId, version, seats } }]);
      return { showtimeId, version, seats };
    },
    async publish(changes) {
      if (changes.seats.length === 0) return;
      deps.onLocalChange(changes.showtimeId);
      const message: SeatChangeMessage = { v: changes.version, seats: changes.seats };
      try {
        await pubsub.publish(seatChannel(changes.showtimeId), JSON.stringify(message));
      } catch (err) {
        logger.warn({ err, showtimeId: changes.showtimeId }, 'seat change not published; maps refresh within a second');
      }
    },
    async echo(changes) {
      if (changes.seats.length === 0 || changes.version === null) return;
      const message: SeatChangeMessage = { v: changes.version, seats: changes.seats };
      await pubsub.publish(seatChannel(changes.showtimeId), JSON.stringify(message)).catch((err: unknown) => {
        logger.debug({ err, showtimeId: changes.showtimeId }, 'seat change echo not published');
      });
    },
    async currentVersion(db) {
      const r = await sql<{
        v: number;
        called: boolean;
      }>`select last_value::int8 as v, is_called as called from seat_change_seq`.execute(db);
      const row = r.rows[0];
      return row?.called ? Number(row.v) : 0;
    },
  };
}
