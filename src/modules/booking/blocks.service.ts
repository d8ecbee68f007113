// Seat blocks: staff take seats of one showtime out of sale (house seats, a broken seat) and give them
// back. A block is a claim, so it and a hold can never both win a seat; the live map hears `blocked`
// and then `available`, like any other seat change.
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { withRetry } from '../../platform/db/pg-errors.ts';
import type { Principal } from '../../platform/http/auth.ts';
import type { CatalogCache, ShowtimeSeats } from './booking-catalog.cache.ts';
import { findShowtimeForBooking } from './booking-catalog.store.ts';
import type { BlockRow } from './blocks.store.ts';
import { deleteBlocks, insertBlocks, listBlocks } from './blocks.store.ts';
import type { SeatBlockView } from './blocks.schemas.ts';
import { seatsUnavailable, showtimeNotBookable, showtimeNotFound, unknownSeats } from './booking.errors.ts';
import type { BookingDb } from './booking.tables.ts';
import type { SeatChangeBus, SeatStatus } from './seat-changes.ts';

export interface BlocksService {
  /** Blocks the seats with a reason, all or none: 409 seats_unavailable when any is held, sold or blocked. */
  block(principal: Principal, showtimeId: string, seatIds: string[], reason: string): Promise<SeatBlockView[]>;
  /** Lifts the blocks of the seats named (seats not blocked are left as they are); the blocks left. */
  unblock(showtimeId: string, seatIds: string[]): Promise<SeatBlockView[]>;
  /** The showtime's blocks in seat order. */
  list(showtimeId: string): Promise<SeatBlockView[]>;
}

export function createBlocksService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  catalog: CatalogCache;
  bus: SeatChangeBus;
  /** The name of a staff member, for the list (accounts). */
  nameOf: (userId: string) => Promise<string | null>;
}): BlocksService {
  const { clock, catalog, bus } = deps;
  const db = moduleDb<BookingDb>(deps.database);

  async function showtime(showtimeId: string): Promise<ShowtimeSeats> {
    const info = await catalog.get(showtimeId);
    if (!info) throw showtimeNotFound();
    return info;
  }

  async function present(info: ShowtimeSeats, rows: BlockRow[]): Promise<SeatBlockView[]> {
    const names = new Map<string, string | null>();
    for (const id of new Set(rows.flatMap((r) => (r.blockedBy ? [r.blockedBy] : []))))
      names.set(id, await deps.nameOf(id));
    // A seat the hall's layout dropped since keeps its block, listed last so it can still be lifted.
    const order = new Map(info.seats.map((s, i) => [s.id, i]));
    return rows
      .map((r) => ({ r, seat: info.seatById.get(r.seatId), i: order.get(r.seatId) ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.i - b.i)
      .map(({ r, seat }) => ({
        seatId: r.seatId,
        row: seat?.row ?? '',
        number: seat?.number ?? 0,
        reason: r.reason,
        blockedBy: r.blockedBy ? { id: r.blockedBy, name: names.get(r.blockedBy) ?? null } : null,
        blockedAt: r.blockedAt.toISOString(),
      }));
  }

  async function change(
    showtimeId: string,
    status: SeatStatus,
    write: (trx: Executor<BookingDb>) => Promise<string[]>,
  ) {
    const changes = await withRetry(() =>
      db.transaction().execute(async (trx) => {
        const seats = await write(trx);
        return bus.stamp(
          trx,
          showtimeId,
          seats.map((id) => ({ id, status })),
        );
      }),
    );
    await bus.publish(changes);
  }

  return {
    async block(principal, showtimeId, seatIds, reason) {
      const info = await showtime(showtimeId);
      const now = clock.now();
      if (info.showtime.status === 'cancelled') throw showtimeNotBookable('cancelled');
      if (info.showtime.startsAt <= now) throw showtimeNotBookable('started');
      const unknown = seatIds.flatMap((id, i) => (info.seatById.has(id) ? [] : [i]));
      if (unknown.length > 0) throw unknownSeats(unknown);
      await change(showtimeId, 'blocked', async (trx) => {
        const result = await insertBlocks(trx, {
          showtimeId,
          seatIds,
          reason: reason.trim(),
          by: principal.userId,
          now,
        });
        // The cached copy above was out of date: the database's answer stands, and the copy goes.
        if (result.outcome === 'not_bookable' || result.outcome === 'unknown') catalog.forget(showtimeId);
        if (result.outcome === 'taken') throw seatsUnavailable(result.seatIds);
        if (result.outcome === 'unknown')
          throw unknownSeats(seatIds.flatMap((id, i) => (result.seatIds.includes(id) ? [i] : [])));
        if (result.outcome === 'not_bookable') {
          const fresh = await findShowtimeForBooking(trx, showtimeId);
          if (!fresh) throw showtimeNotFound();
          throw showtimeNotBookable(fresh.status === 'cancelled' ? 'cancelled' : 'started');
        }
        return seatIds;
      });
      return present(info, await listBlocks(db, showtimeId));
    },

    async unblock(showtimeId, seatIds) {
      const info = await showtime(showtimeId);
      await change(showtimeId, 'available', (trx) => deleteBlocks(trx, showtimeId, seatIds));
      return present(info, await listBlocks(db, showtimeId));
    },

    async list(showtimeId) {
      const info = await showtime(showtimeId);
      return present(info, await listBlocks(db, showtimeId));
    },
  };
}
