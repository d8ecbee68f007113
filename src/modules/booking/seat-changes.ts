// Seat status changes: stamped with a per-showtime version inside the transaction that makes them
// (while the claim rows are locked, so one seat's changes are numbered in commit order), and
// published after commit on `seats:<showtimeId>` to every process (SSE clients, seat-map caches).
//
// The counter lives in the shared Kv (Redis INCR when configured), not in a PostgreSQL row: a row
// bumped by every hold would make all holds of a showtime queue behind each other's commits.
import type { Logger } from 'pino';
import type { Kv } from '../../platform/cache/kv.ts';
import type { PubSub } from '../../platform/events/pubsub.ts';

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
const versionKey = (showtimeId: string) => `seatver:${showtimeId}`;
// The counter outlives any showtime; if it is ever lost, subscribers see lower ids and resync.
const VERSION_TTL_MS = 400 * 24 * 60 * 60 * 1000;

export interface SeatChangeBus {
  /** Takes the next version for these changes; call inside the transaction, after the claims are written. */
  stamp(showtimeId: string, seats: SeatChange[]): Promise<SeatChanges>;
  /** After commit: drops this process's cached map at once and tells every process. Never throws. */
  publish(changes: SeatChanges): Promise<void>;
  /** The last version taken for a showtime (0 when none). */
  currentVersion(showtimeId: string): Promise<number>;
}

export function createSeatChangeBus(deps: { kv: Kv; pubsub: PubSub; logger: Logger; onLocalChange: (showtimeId: string) => void }): SeatChangeBus {
  const { kv, pubsub, logger } = deps;
  return {
    async stamp(showtimeId, seats) {
      try {
        const { count } = await kv.incr(versionKey(showtimeId), VERSION_TTL_MS);
        return { showtimeId, version: count, seats };
      } catch (err) {
        // Losing the counter must not lose the sale: subscribers get an unversioned change and resync.
        logger.warn({ err, showtimeId }, 'seat version counter unavailable');
        return { showtimeId, version: null, seats };
      }
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
    async currentVersion(showtimeId) {
      try {
        return Number((await kv.get(versionKey(showtimeId))) ?? 0) || 0;
      } catch {
        return 0;
      }
    },
  };
}
