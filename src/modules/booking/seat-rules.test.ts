// The seat rules' pure logic: runs split at aisles, lone seats new to a hold, the best block.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HallSeat } from './booking-catalog.store.ts';
import { bestBlock, bestSeats, layoutOf, newLoneSeats, zoneOf } from './seat-rules.ts';

/** Rows A.. of `n` seats, x = number, y = row index; `aisleAfter` leaves a wide gap after that number. */
function hall(rows: number, n: number, aisleAfter?: number): HallSeat[] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${String.fromCharCode(65 + r)}${i + 1}`,
      row: String.fromCharCode(65 + r),
      number: i + 1,
      type: 'standard' as const,
      x: i + (aisleAfter !== undefined && i >= aisleAfter ? 3 : 0),
      y: r,
    })),
  ).flat();
}

test('a seat left alone between a hold and a taken seat, or against the row end, is a new lone seat', () => {
  const layout = layoutOf(hall(1, 6));
  assert.deepEqual(newLoneSeats(layout, new Set(['A1']), ['A3', 'A4']), ['A2']);
  assert.deepEqual(newLoneSeats(layout, new Set(), ['A2', 'A3']), ['A1']);
  assert.deepEqual(newLoneSeats(layout, new Set(), ['A1', 'A2']), []);
  // Already lone before the hold: not this hold's doing.
  assert.deepEqual(newLoneSeats(layout, new Set(['A1', 'A3']), ['A4', 'A5']), ['A6']);
});

test('an aisle ends a run: the seat beside it is against the run end', () => {
  const layout = layoutOf(hall(1, 6, 3));
  assert.equal(layout.runs.length, 2);
  assert.deepEqual(newLoneSeats(layout, new Set(), ['A1', 'A2']), ['A3']);
  assert.deepEqual(newLoneSeats(layout, new Set(), ['A4', 'A5']), ['A6']);
});

test('the best block is in the middle of a row about two thirds back, and avoids lone seats when asked', () => {
  const layout = layoutOf(hall(7, 10));
  const block = bestBlock(layout, () => true, 2)!;
  assert.deepEqual(
    block.map((s) => s.id),
    ['E5', 'E6'],
  );
  assert.equal(zoneOf(layout, block), 'centre');
  assert.equal(zoneOf(layout, layout.runs[0]!.slice(0, 2)), 'side');
  const taken = new Set(['E1', 'E2', 'E3', 'E4', 'E7', 'E8', 'E9', 'E10']);
  assert.equal(bestBlock(layout, (id) => !taken.has(id), 3)?.[0]?.row !== 'E', true);
  assert.equal(
    bestBlock(layout, () => false, 1),
    null,
  );
  // No block of 3 free anywhere, but three single seats: bestSeats falls back to them.
  const free = new Set(['A1', 'C5', 'G10']);
  assert.deepEqual(
    bestSeats(layout, (id) => free.has(id), 3)
      ?.map((s) => s.id)
      .sort(),
    ['A1', 'C5', 'G10'],
  );
  assert.equal(
    bestSeats(layout, (id) => free.has(id), 4),
    null,
  );
});

/** Row A of `n` seats numbered right to left (seat 1 at the largest x); `aisleAfter` as in `hall`. */
function rtlRow(n: number, aisleAfter?: number): HallSeat[] {
  return hall(1, n, aisleAfter).map((s) => ({ ...s, x: -s.x }));
}

test('a hall numbered right to left: runs, lone seats and aisles as from the left', () => {
  const layout = layoutOf(rtlRow(6));
  assert.equal(layout.runs.length, 1);
  assert.deepEqual(newLoneSeats(layout, new Set(['A1']), ['A3', 'A4']), ['A2']);
  assert.deepEqual(newLoneSeats(layout, new Set(), ['A2', 'A3']), ['A1']);
  assert.deepEqual(newLoneSeats(layout, new Set(), ['A1', 'A2']), []);
  const aisle = layoutOf(rtlRow(6, 3));
  assert.equal(aisle.runs.length, 2);
  assert.deepEqual(newLoneSeats(aisle, new Set(), ['A1', 'A2']), ['A3']);
  assert.deepEqual(newLoneSeats(aisle, new Set(), ['A4', 'A5']), ['A6']);
});

test('right to left: the best block is found and sits in the middle of the row', () => {
  const seats = Array.from({ length: 7 }, (_, r) =>
    rtlRow(10).map((s) => ({
      ...s,
      id: `${String.fromCharCode(65 + r)}${s.number}`,
      row: String.fromCharCode(65 + r),
      y: r,
    })),
  ).flat();
  const block = bestBlock(layoutOf(seats), () => true, 2)!;
  assert.ok(block, 'a block of two fits');
  assert.deepEqual(
    block.map((s) => s.number).sort((a, b) => a - b),
    [5, 6],
  );
  assert.equal(block[0]!.row, 'E');
});

test('an aisle with numbers running on, and two blocks each numbered from 1, split the row', () => {
  // Numbers 1..8 without a skip, an aisle after 4: the wide gap alone splits it.
  const layout = layoutOf(hall(1, 8, 4));
  assert.deepEqual(
    layout.runs.map((r) => r.map((s) => s.number)),
    [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ],
  );
  // Two blocks each numbered 1..3 from the left, side by side with no wide gap: numbers restart.
  const twoBlocks = [...hall(1, 3), ...hall(1, 3).map((s) => ({ ...s, id: `B${s.number}`, x: s.x + 3 }))];
  assert.equal(layoutOf(twoBlocks).runs.length, 2);
});
