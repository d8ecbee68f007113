// The seat picker's pure logic without a browser: where the arrow keys go on a hall as the cinema
// drew it (aisles, curved rows, missing seats), where each seat is placed, and what picking a seat
// does to the selection (pure, so React StrictMode's double calls change nothing), including how
// the picks survive a detour through sign-in.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Seat } from '../../web/src/api/types.ts';
import { computeGeometry } from '../../web/src/seats/geometry.ts';
import { KEY_DIRECTIONS, nextSeat } from '../../web/src/seats/navigation.ts';
import {
  isSelectable,
  loadSelection,
  MAX_SEATS,
  saveSelection,
  takenFrom,
  toggleSeat,
  withoutTaken,
} from '../../web/src/seats/selection.ts';

// Two rows with an aisle after seat 2; row B curves (its ends sit lower) and lacks seat 3.
const hall = [
  { id: 'A1', row: 'A', x: 0, y: 0 },
  { id: 'A2', row: 'A', x: 1, y: 0 },
  { id: 'A3', row: 'A', x: 3, y: 0 },
  { id: 'A4', row: 'A', x: 4, y: 0 },
  { id: 'B1', row: 'B', x: 0, y: 1.3 },
  { id: 'B2', row: 'B', x: 1, y: 1 },
  { id: 'B4', row: 'B', x: 4, y: 1.3 },
];

describe('arrow keys on the seat map', () => {
  test('move by position: along the row, to the nearest seat of the next row, never off the map', () => {
    assert.equal(nextSeat(hall, 'A2', 'right'), 'A3', 'across the aisle');
    assert.equal(nextSeat(hall, 'A3', 'left'), 'A2', 'back across the aisle');
    assert.equal(nextSeat(hall, 'A4', 'right'), 'A4', 'the end of the row stays');
    assert.equal(nextSeat(hall, 'A1', 'left'), 'A1', 'the start of the row stays');
    assert.equal(nextSeat(hall, 'A3', 'down'), 'B4', 'B3 is missing: the nearest seat behind');
    assert.equal(nextSeat(hall, 'B2', 'up'), 'A2');
    assert.equal(nextSeat(hall, 'A1', 'up'), 'A1', 'no row in front of the front row');
    assert.equal(nextSeat(hall, 'B1', 'down'), 'B1', 'no row behind the back row');
    assert.equal(nextSeat(hall, 'B4', 'home'), 'B1');
    assert.equal(nextSeat(hall, 'B1', 'end'), 'B4');
  });

  test('rows go by where they are drawn, not by their labels or list order', () => {
    // The cinema labels the back row A; the list holds it last and its seats out of order.
    const reversed = [
      { id: 'B2', row: 'B', x: 1, y: 0 },
      { id: 'B1', row: 'B', x: 0, y: 0 },
      { id: 'A2', row: 'A', x: 1, y: 1 },
      { id: 'A1', row: 'A', x: 0, y: 1 },
    ];
    assert.equal(nextSeat(reversed, 'B1', 'down'), 'A1');
    assert.equal(nextSeat(reversed, 'A2', 'up'), 'B2');
    assert.equal(nextSeat(reversed, 'B1', 'right'), 'B2');
    assert.equal(nextSeat(reversed, 'A2', 'home'), 'A1');
  });

  test('a seat no longer on the map goes to the first seat; an empty map keeps what it had', () => {
    assert.equal(nextSeat(hall, 'Z9', 'right'), 'A1');
    assert.equal(nextSeat([], 'Z9', 'down'), 'Z9');
  });

  test('the keys the map answers to: the arrows, Home and End, one direction each', () => {
    const keys = Object.keys(KEY_DIRECTIONS);
    assert.equal(KEY_DIRECTIONS['ArrowUp'], 'up');
    assert.equal(KEY_DIRECTIONS['End'], 'end');
    assert.equal(new Set(Object.values(KEY_DIRECTIONS)).size, keys.length);
    assert.deepEqual(
      keys.filter((k) => !/^(Arrow(Left|Right|Up|Down)|Home|End)$/.test(k)),
      [],
    );
    assert.equal(KEY_DIRECTIONS['Tab'], undefined, 'Tab leaves the map');
  });
});

describe('seat map geometry', () => {
  test('keeps gaps and curves and puts every seat inside the drawing', () => {
    const g = computeGeometry(hall);
    const a2 = g.place.get('A2')!;
    const a3 = g.place.get('A3')!;
    const a1 = g.place.get('A1')!;
    assert.ok(Math.abs(a3.left - a2.left - 2 * (a2.left - a1.left)) < 1e-9, 'the aisle is one seat wide');
    assert.ok(g.place.get('B1')!.top > g.place.get('B2')!.top, 'the curved row bends');
    for (const p of g.place.values()) assert.ok(p.left > 0 && p.left < 100 && p.top > 0 && p.top < 100);
    assert.deepEqual(
      g.rows.map((r) => r.label),
      ['A', 'B'],
    );
    assert.ok(g.seatSize > 0 && g.aspect > 1);
  });

  test('the outer seats keep a gutter for the row labels on both sides', () => {
    const g = computeGeometry(hall);
    const half = g.seatSize / 2;
    const lefts = [...g.place.values()].map((p) => p.left);
    assert.ok(Math.min(...lefts) - half > g.seatSize, 'more than a seat clear on the left');
    assert.ok(100 - Math.max(...lefts) - half > g.seatSize, 'and on the right');
    assert.equal(g.columns, Math.ceil(100 / (g.seatSize / 0.84)), 'columns count seat pitches across the drawing');
  });

  test('an empty hall still has a shape', () => {
    const g = computeGeometry([]);
    assert.equal(g.place.size, 0);
    assert.equal(g.columns, 0);
    assert.ok(g.aspect > 0);
  });
});

const seat = (id: string, status: Seat['status'] = 'available', type: Seat['type'] = 'standard') =>
  ({ id, row: id[0]!, number: Number(id.slice(1)), x: 0, y: 0, type, status }) as Seat;

describe('the selection', () => {
  test('a seat is picked, picked again to let it go, and refused past the limit', () => {
    assert.deepEqual(toggleSeat([], 'A1'), { outcome: 'selected', selected: ['A1'] });
    assert.deepEqual(toggleSeat(['A1', 'A2'], 'A1'), { outcome: 'deselected', selected: ['A2'] });
    const full = Array.from({ length: MAX_SEATS }, (_, i) => `A${i + 1}`);
    assert.deepEqual(toggleSeat(full, 'B1'), { outcome: 'full', selected: full });
    assert.deepEqual(toggleSeat(full, 'A3').outcome, 'deselected', 'a full selection still lets a seat go');
    assert.deepEqual(toggleSeat(['A1'], 'A2', 1).outcome, 'full');
  });

  test('toggling is pure: called twice, as StrictMode does, it gives the same answer and changes nothing', () => {
    const before = Object.freeze(['A1', 'A2']);
    for (const id of ['A1', 'A3']) {
      const first = toggleSeat(before, id);
      const second = toggleSeat(before, id);
      assert.deepEqual(first, second);
      assert.notEqual(first.selected, before, 'a new list, not the old one changed');
    }
    assert.deepEqual(before, ['A1', 'A2']);
    const taken = [seat('A2', 'held')];
    assert.deepEqual(withoutTaken(withoutTaken(before, taken), taken), ['A1'], 'pruning twice prunes once');
  });

  test('only available seats the cinema sells can be picked; picked seats someone took are found', () => {
    assert.equal(isSelectable(seat('A1')), true);
    assert.equal(isSelectable(seat('A1', 'held')), false);
    assert.equal(isSelectable(seat('A1', 'sold')), false);
    assert.equal(isSelectable(seat('A1', 'available', 'blocked')), false);
    assert.equal(isSelectable(seat('A1', 'available', 'vip')), true);
    const byId = new Map([seat('A1'), seat('A2', 'held'), seat('A3', 'sold')].map((s) => [s.id, s]));
    assert.deepEqual(
      takenFrom(['A1', 'A2', 'A3', 'gone'], byId).map((s) => s.id),
      ['A2', 'A3'],
      'a seat missing from the map is not called taken',
    );
    assert.deepEqual(withoutTaken(['A1', 'A2', 'A3'], takenFrom(['A1', 'A2', 'A3'], byId)), ['A1']);
  });
});

describe('the selection across sign-in', () => {
  const store = new Map<string, string>();
  const fake = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  const g = globalThis as { sessionStorage?: unknown };
  let had: PropertyDescriptor | undefined;
  beforeEach(() => {
    had = Object.getOwnPropertyDescriptor(g, 'sessionStorage');
    Object.defineProperty(g, 'sessionStorage', { value: fake, configurable: true, writable: true });
    store.clear();
  });
  afterEach(() => {
    if (had) Object.defineProperty(g, 'sessionStorage', had);
    else delete g.sessionStorage;
  });

  test('is kept per showtime and dropped once empty', () => {
    saveSelection('s1', ['A1', 'A2']);
    saveSelection('s2', ['B1']);
    assert.deepEqual(loadSelection('s1'), ['A1', 'A2']);
    assert.deepEqual(loadSelection('s2'), ['B1']);
    saveSelection('s1', []);
    assert.deepEqual(loadSelection('s1'), []);
    assert.equal(store.size, 1, 'nothing left behind for s1');
  });

  test('a damaged or tampered entry gives at most MAX_SEATS ids, never an error', () => {
    store.set('marquee.selection.s1', 'not json');
    assert.deepEqual(loadSelection('s1'), []);
    store.set('marquee.selection.s1', '{"A1":true}');
    assert.deepEqual(loadSelection('s1'), []);
    store.set(
      'marquee.selection.s1',
      JSON.stringify(['A1', 2, null, ...Array.from({ length: 20 }, (_, i) => `B${i}`)]),
    );
    const ids = loadSelection('s1');
    assert.equal(ids.length, MAX_SEATS);
    assert.ok(ids.every((x) => typeof x === 'string'));
  });

  test('without storage (private mode, a blocked cookie policy) picking still works', () => {
    delete g.sessionStorage;
    assert.deepEqual(loadSelection('s1'), []);
    assert.doesNotThrow(() => saveSelection('s1', ['A1']));
  });
});
