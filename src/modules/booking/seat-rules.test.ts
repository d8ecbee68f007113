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
