// The hall's noSingleGaps rule on a customer's hold, decided before the hold's statement from the
// seats taken now. It is a courtesy rule, not a guarantee: two holds at the same moment may still
// leave a gap together, and a hold that leaves one where no gap-free choice of that many seats
// exists is let through (the last seats of a full house must stay sellable). Halls without the
// rule never get here, so their holds pay nothing for it.
import type { Executor } from '../../platform/db/database.ts';
import type { ShowtimeSeats } from './booking-catalog.cache.ts';
import type { HallSeat } from './booking-catalog.store.ts';
import { orphanSeat } from './booking.errors.ts';
import type { BookingDb } from './booking.tables.ts';
import { type Layout, layoutOf, newLoneSeats, runsOfFree } from './seat-rules.ts';
import { listLiveClaims } from './seat-state.store.ts';

const layouts = new WeakMap<ShowtimeSeats, Layout>();

/** The layout of a cached showtime, worked out once per cached copy. */
export function layoutFor(info: ShowtimeSeats): Layout {
  let layout = layouts.get(info);
  if (!layout) {
    layout = layoutOf(info.seats);
    layouts.set(info, layout);
  }
  return layout;
}

/** The seats taken now: live claims and seats the layout blocks. */
export async function takenSeats(db: Executor<BookingDb>, info: ShowtimeSeats, now: Date): Promise<Set<string>> {
  const claims = await listLiveClaims(db, info.showtime.id, now);
  const taken = new Set(claims.map((c) => c.seatId));
  for (const s of info.seats) if (s.type === 'blocked') taken.add(s.id);
  return taken;
}

/** Throws 409 orphan_seat when holding `seats` would leave a new lone seat and a gap-free choice exists. */
export async function refuseSingleGaps(
  db: Executor<BookingDb>,
  info: ShowtimeSeats,
  seats: readonly HallSeat[],
  now: Date,
): Promise<void> {
  const layout = layoutFor(info);
  const taken = await takenSeats(db, info, now);
  const ids = seats.map((s) => s.id);
  const lone = newLoneSeats(layout, taken, ids);
  if (lone.length === 0) return;
  const suggestion = nearestClean(layout, taken, seats);
  if (suggestion) throw orphanSeat(lone, suggestion);
}

/** The gap-free block of as many free seats closest to the seats asked for (same row first), or null. */
function nearestClean(layout: Layout, taken: ReadonlySet<string>, asked: readonly HallSeat[]): string[] | null {
  const row = layout.rows.get(asked[0]!.row)!;
  const x = asked.reduce((sum, s) => sum + s.x, 0) / asked.length;
  let best: { ids: string[]; score: number } | null = null;
  for (const block of runsOfFree(layout, (id) => !taken.has(id), asked.length)) {
    const ids = block.map((s) => s.id);
    if (newLoneSeats(layout, taken, ids).length > 0) continue;
    const at = layout.rows.get(block[0]!.row)!;
    const bx = block.reduce((sum, s) => sum + s.x, 0) / block.length;
    const score = Math.abs(at.y - row.y) * layout.width + Math.abs(bx - x);
    if (!best || score < best.score) best = { ids, score };
  }
  return best?.ids ?? null;
}
