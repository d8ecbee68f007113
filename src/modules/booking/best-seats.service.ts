// Best available: the N free seats side by side nearest the middle of the preferred rows (see
// seat-rules.ts), read from the live claims at the moment of asking. Where the hall has the
// noSingleGaps rule, blocks that would leave a lone seat are passed over while another fits, so the
// answer can be held as it is.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import type { CatalogCache } from './booking-catalog.cache.ts';
import { type HallSeat, priceOf } from './booking-catalog.store.ts';
import { noAdjacentSeats, showtimeNotFound } from './booking.errors.ts';
import type { BookingDb } from './booking.tables.ts';
import { bestBlock, bestSeats, zoneOf } from './seat-rules.ts';
import { layoutFor, takenSeats } from './single-gaps.ts';

export interface BestSeatsView {
  seats: { seatId: string; row: string; number: number; price: { amount: number; currency: string } }[];
  zone: 'centre' | 'front' | 'back' | 'side';
}

/** Free seats at one moment: how many, and the seats an entry of `count` would be offered. */
export interface SeatSnapshot {
  /** Neither cancelled nor started. */
  bookable: boolean;
  /** Free seats of any sellable type. */
  free: number;
  /** A block of `count` when one fits, else the best single seats; null when fewer are free. */
  pick(count: number): HallSeat[] | null;
}

export interface SeatFinder {
  /** N adjacent free seats in the best zone; 404 no_adjacent_seats when no block of N is free. */
  bestSeats(showtimeId: string, count: number): Promise<BestSeatsView>;
  /** The showtime's free seats now, for the waiting list; null for an unknown showtime. */
  snapshot(showtimeId: string): Promise<SeatSnapshot | null>;
}

export function createSeatFinder(deps: { database: ModuleDatabase; clock: Clock; catalog: CatalogCache }): SeatFinder {
  const db = moduleDb<BookingDb>(deps.database);

  async function state(showtimeId: string) {
    const info = await deps.catalog.get(showtimeId);
    if (!info) return null;
    return { info, layout: layoutFor(info), taken: await takenSeats(db, info, deps.clock.now()) };
  }

  return {
    async bestSeats(showtimeId, count) {
      const s = await state(showtimeId);
      if (!s) throw showtimeNotFound();
      const { info, layout, taken } = s;
      const block = bestBlock(layout, (id) => !taken.has(id), count, info.showtime.noSingleGaps ? taken : undefined);
      if (!block) throw noAdjacentSeats(count);
      return {
        seats: block.map((seat) => ({
          seatId: seat.id,
          row: seat.row,
          number: seat.number,
          price: { amount: priceOf(info.showtime, seat.type), currency: info.showtime.currency },
        })),
        zone: zoneOf(layout, block),
      };
    },

    async snapshot(showtimeId) {
      const s = await state(showtimeId);
      if (!s) return null;
      const { info, layout, taken } = s;
      const now = deps.clock.now();
      const isFree = (id: string) => !taken.has(id);
      return {
        bookable: info.showtime.status === 'scheduled' && info.showtime.startsAt > now,
        free: info.seats.filter((seat) => seat.type !== 'blocked' && isFree(seat.id)).length,
        pick: (count) => bestSeats(layout, isFree, count),
      };
    },
  };
}
