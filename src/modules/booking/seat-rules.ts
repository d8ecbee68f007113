// Seat rules on a hall's layout, pure: runs of seats side by side, lone empty seats (the hall's
// `noSingleGaps` rule) and the best block of N adjacent seats. The screen is at the top (smallest y);
// the best place is the middle of a row about two thirds of the way back, as the layout measures it.
import type { HallSeat } from './booking-catalog.store.ts';

/** Seats the finder offers: special seats (accessible, companion) are left to those who need them. */
const OFFERED_TYPES: ReadonlySet<string> = new Set(['standard', 'vip']);

/** How far back the best rows are, as a share of the distance from the first row to the last. */
const PREFERRED_DEPTH = 0.65;

/** The seats of a row that sit side by side (no aisle or missing number between), left to right. */
export type Run = HallSeat[];

export interface Layout {
  runs: Run[];
  /** Each row's centre x and y, by row label. */
  rows: Map<string, { centreX: number; y: number }>;
  width: number;
  depth: number;
  idealY: number;
}

/** The middle of a list of numbers (1 when empty). */
function median(values: readonly number[]): number {
  if (values.length === 0) return 1;
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * The layout's runs: each row in x order (halls may number right to left), split where numbers do not
 * step by one or the gap is much wider than the row's usual one (an aisle).
 */
export function layoutOf(seats: readonly HallSeat[]): Layout {
  const byRow = new Map<string, HallSeat[]>();
  for (const s of seats) byRow.set(s.row, [...(byRow.get(s.row) ?? []), s]);
  const runs: Run[] = [];
  const rows = new Map<string, { centreX: number; y: number }>();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [label, list] of byRow) {
    const sorted = [...list].sort((a, b) => a.x - b.x || a.number - b.number);
    const usual = median(sorted.slice(1).map((s, i) => Math.abs(s.x - sorted[i]!.x)));
    let run: HallSeat[] = [];
    sorted.forEach((s, i) => {
      const prev = sorted[i - 1];
      if (prev && (Math.abs(s.number - prev.number) !== 1 || Math.abs(s.x - prev.x) > usual * 1.5)) {
        runs.push(run);
        run = [];
      }
      run.push(s);
    });
    if (run.length > 0) runs.push(run);
    const xs = sorted.map((s) => s.x);
    const y = sorted.reduce((sum, s) => sum + s.y, 0) / sorted.length;
    rows.set(label, { centreX: (Math.min(...xs) + Math.max(...xs)) / 2, y });
    minX = Math.min(minX, ...xs);
    maxX = Math.max(maxX, ...xs);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const width = Math.max(maxX - minX, 1);
  const depth = Math.max(maxY - minY, 1);
  return { runs, rows, width, depth, idealY: minY + (maxY - minY) * PREFERRED_DEPTH };
}

/** Empty seats with a taken seat or the run's end on both sides (a run of one seat is never lone). */
function loneIn(layout: Layout, taken: (id: string) => boolean): Set<string> {
  const lone = new Set<string>();
  for (const run of layout.runs) {
    if (run.length < 2) continue;
    run.forEach((s, i) => {
      if (taken(s.id)) return;
      const left = i === 0 || taken(run[i - 1]!.id);
      const right = i === run.length - 1 || taken(run[i + 1]!.id);
      if (left && right) lone.add(s.id);
    });
  }
  return lone;
}

/** The lone empty seats taking `seatIds` would leave that were not lone before. */
export function newLoneSeats(layout: Layout, taken: ReadonlySet<string>, seatIds: readonly string[]): string[] {
  const before = loneIn(layout, (id) => taken.has(id));
  const asked = new Set(seatIds);
  const after = loneIn(layout, (id) => taken.has(id) || asked.has(id));
  return [...after].filter((id) => !before.has(id));
}

/** Every block of `count` free offered seats side by side. */
export function runsOfFree(layout: Layout, free: (id: string) => boolean, count: number): HallSeat[][] {
  const blocks: HallSeat[][] = [];
  for (const run of layout.runs) {
    for (let i = 0; i + count <= run.length; i++) {
      const seats = run.slice(i, i + count);
      if (seats.every((s) => OFFERED_TYPES.has(s.type) && free(s.id))) blocks.push(seats);
    }
  }
  return blocks;
}

/** How good a place is: 0 is the middle of the preferred row; lower is better. */
function distance(layout: Layout, seats: readonly HallSeat[]): number {
  const row = layout.rows.get(seats[0]!.row)!;
  const x = seats.reduce((sum, s) => sum + s.x, 0) / seats.length;
  return Math.abs(row.y - layout.idealY) / layout.depth + Math.abs(x - row.centreX) / layout.width;
}

/** Where a block sits: `centre` when near the middle of the preferred rows, else front, back or side. */
export function zoneOf(layout: Layout, seats: readonly HallSeat[]): 'centre' | 'front' | 'back' | 'side' {
  const row = layout.rows.get(seats[0]!.row)!;
  const x = seats.reduce((sum, s) => sum + s.x, 0) / seats.length;
  const dy = (row.y - layout.idealY) / layout.depth;
  if (Math.abs(x - row.centreX) / layout.width > 0.2) return 'side';
  if (dy < -0.25) return 'front';
  if (dy > 0.25) return 'back';
  return 'centre';
}

/**
 * The best block of `count` free seats side by side, or null. With `avoidLone`, blocks that would
 * leave a new lone seat are passed over while any other block fits.
 */
export function bestBlock(
  layout: Layout,
  free: (id: string) => boolean,
  count: number,
  avoidLone?: ReadonlySet<string>,
): HallSeat[] | null {
  const blocks = runsOfFree(layout, free, count).map((seats) => ({ seats, score: distance(layout, seats) }));
  blocks.sort((a, b) => a.score - b.score);
  if (avoidLone) {
    const clean = blocks.find(
      (b) =>
        newLoneSeats(
          layout,
          avoidLone,
          b.seats.map((s) => s.id),
        ).length === 0,
    );
    if (clean) return clean.seats;
  }
  return blocks[0]?.seats ?? null;
}

/** The `count` best free seats wherever they are (a block when one fits), or null when fewer are free. */
export function bestSeats(layout: Layout, free: (id: string) => boolean, count: number): HallSeat[] | null {
  const block = bestBlock(layout, free, count);
  if (block) return block;
  const singles = layout.runs
    .flat()
    .filter((s) => OFFERED_TYPES.has(s.type) && free(s.id))
    .sort((a, b) => distance(layout, [a]) - distance(layout, [b]));
  return singles.length >= count ? singles.slice(0, count) : null;
}
