// The staff console's pure models without a browser: the hall editor's layout (grid, rows, seats,
// moves, aisles, curves, numbering, selection, the API shape both ways, what the server would
// refuse) and the schedule's arithmetic (ends, overlaps, lanes, business days, default start,
// usual prices).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as M from '../../web/src/staff/halls/layout-model.ts';
import {
  businessDay,
  DAY_END,
  DAY_START,
  defaultStart,
  endOf,
  hallSeatTypes,
  overlaps,
  place,
  usualPrices,
} from '../../web/src/staff/schedule/schedule-model.ts';
import type { StaffHall, StaffShowtime } from '../../web/src/staff/staff-api.ts';
import { fromWall } from '../../web/src/staff/zoned.ts';

const names = (l: M.EdLayout, ids: Iterable<string>) => {
  const rows = new Map(l.rows.map((r) => [r.id, r.label]));
  const set = new Set(ids);
  return l.seats
    .filter((s) => set.has(s.id))
    .map((s) => `${rows.get(s.rowId)}${s.number}`)
    .sort();
};
const seat = (l: M.EdLayout, name: string) => {
  const row = l.rows.find((r) => r.label === name[0])!;
  return l.seats.find((s) => s.rowId === row.id && s.number === Number(name.slice(1)))!;
};

describe('hall editor layout model', () => {
  test('a grid is rows × seats, labelled A, B, … and numbered from 1; its shape reads back', () => {
    const l = M.grid(3, 4);
    assert.deepEqual(
      l.rows.map((r) => [r.label, r.y]),
      [
        ['A', 0],
        ['B', 1],
        ['C', 2],
      ],
    );
    assert.equal(l.seats.length, 12);
    assert.deepEqual(M.gridShape(l), { rows: 3, perRow: 4 });
    assert.deepEqual(M.gridShape({ rows: [], seats: [] }), { rows: 0, perRow: 0 });
    assert.deepEqual(
      M.toApi(l).rows[0]!.seats.map((s) => [s.number, s.x]),
      [
        [1, 0],
        [2, 1],
        [3, 2],
        [4, 3],
      ],
    );
    assert.deepEqual([M.labelAt(0), M.labelAt(25), M.labelAt(26), M.labelAt(27)], ['A', 'Z', 'AA', 'AB']);
  });

  test('the shape follows edits: a longer row, a removed row, an added row', () => {
    let l = M.grid(2, 3);
    l = M.addSeat(l, [l.rows[0]!.id]);
    assert.deepEqual(M.gridShape(l), { rows: 2, perRow: 4 });
    assert.equal(seat(l, 'A4').x, 3, 'the new seat sits at the right end');
    l = M.removeSeats(l, new Set(l.seats.filter((s) => s.rowId === l.rows[1]!.id).map((s) => s.id)));
    assert.deepEqual(M.gridShape(l), { rows: 1, perRow: 4 }, 'an emptied row is gone');
    l = M.addRow(l, 2);
    assert.deepEqual(M.gridShape(l), { rows: 2, perRow: 4 });
    assert.equal(l.rows[1]!.label, 'B', 'the free label comes back');
  });

  test('moving a whole row moves its line; moving some seats offsets them', () => {
    const l = M.grid(2, 3);
    const rowA = new Set(l.seats.filter((s) => s.rowId === l.rows[0]!.id).map((s) => s.id));
    const moved = M.moveSeats(l, rowA, 1, 0.5);
    assert.equal(moved.rows[0]!.y, 0.5);
    assert.equal(seat(moved, 'A1').dy, 0);
    assert.equal(seat(moved, 'A1').x, 1);
    const one = M.moveSeats(l, new Set([seat(l, 'B2').id]), 0, 0.25);
    assert.equal(one.rows[1]!.y, 1, 'the row stays');
    assert.equal(M.positions(one).get(seat(one, 'B2').id)!.y, 1.25);
  });

  test('an aisle shifts every seat to its right; a curve bows the row ends towards the screen', () => {
    const l = M.insertAisle(M.grid(2, 4), 1);
    assert.deepEqual(
      M.toApi(l).rows[1]!.seats.map((s) => s.x),
      [0, 1, 3, 4],
    );
    const curved = M.setCurve(l, new Set([l.rows[0]!.id]), 1);
    const ys = M.toApi(curved).rows[0]!.seats.map((s) => s.y);
    assert.deepEqual(ys, [-1, -0.25, -0.25, -1], 'the ends sit a whole curve nearer the screen');
    assert.equal(ys[0], ys[3], 'symmetric');
  });

  test('renumbering runs from the left or the right; renaming keeps the seats', () => {
    let l = M.grid(1, 3);
    l = M.renumberRow(l, l.rows[0]!.id, true);
    assert.deepEqual(
      M.toApi(l).rows[0]!.seats.map((s) => s.number),
      [3, 2, 1],
    );
    l = M.renameRow(l, l.rows[0]!.id, 'Z');
    assert.equal(M.toApi(l).rows[0]!.label, 'Z');
  });

  test('selection: a box takes the seats whose centres it covers; shift-click takes a range', () => {
    const l = M.grid(3, 5);
    assert.deepEqual(names(l, M.seatsInBox(l, { x1: 0.5, y1: -0.2, x2: 2.2, y2: 1.1 })), ['A2', 'A3', 'B2', 'B3']);
    assert.deepEqual(names(l, M.rangeBetween(l, seat(l, 'A4').id, seat(l, 'A2').id)), ['A2', 'A3', 'A4']);
    assert.deepEqual(names(l, M.rangeBetween(l, seat(l, 'A1').id, seat(l, 'B2').id)), ['A1', 'A2', 'B1', 'B2']);
  });

  test('the API layout round-trips through the editor model', () => {
    const g = M.grid(2, 3);
    const l = M.setType(g, new Set([g.seats[0]!.id]), 'vip');
    const api = M.toApi(M.setCurve(l, new Set([l.rows[1]!.id]), 0.5));
    assert.equal(api.rows[0]!.seats[0]!.type, 'vip');
    assert.deepEqual(M.toApi(M.fromApi(api)), api);
  });

  test('problems the server would refuse are found before saving', () => {
    const empty: M.EdLayout = { rows: [], seats: [] };
    assert.deepEqual(
      M.problems(empty).map((p) => p.key),
      ['noSeats'],
    );
    let l = M.grid(2, 2);
    l = M.setType(l, new Set(l.seats.map((s) => s.id)), 'blocked');
    assert.deepEqual(
      M.problems(l).map((p) => p.key),
      ['allBlocked'],
    );
    l = M.grid(2, 2);
    const twins = M.renameRow(l, l.rows[1]!.id, 'A');
    assert.deepEqual(M.problems(twins), [{ key: 'duplicateRow', params: { row: 'A' } }]);
    const blank = M.renameRow(l, l.rows[0]!.id, ' ');
    assert.deepEqual(
      M.problems(blank).map((p) => p.key),
      ['blankRow'],
    );
    const same = { ...l, seats: l.seats.map((s) => (s.rowId === l.rows[0]!.id ? { ...s, number: 1 } : s)) };
    assert.deepEqual(M.problems(same), [{ key: 'duplicateSeat', params: { row: 'A', number: 1 } }]);
  });
});

const TZ = 'Europe/Berlin';
const show = (over: Partial<StaffShowtime>): StaffShowtime =>
  ({
    id: 'x',
    hallId: 'h1',
    startsAt: '2030-03-10T18:00:00.000Z',
    endsAt: '2030-03-10T20:15:00.000Z',
    status: 'scheduled',
    prices: { standard: 1200 },
    currency: 'EUR',
    ...over,
  }) as StaffShowtime;

describe('schedule model', () => {
  test('a showtime ends after running time plus cleaning; overlaps are the same hall’s live ones', () => {
    assert.equal(endOf('2030-03-10T18:00:00.000Z', 120, 15), '2030-03-10T20:15:00.000Z');
    const schedule = [
      show({ id: 'a' }),
      show({ id: 'b', hallId: 'h2' }),
      show({ id: 'c', status: 'cancelled' }),
      show({ id: 'd', startsAt: '2030-03-10T20:15:00.000Z', endsAt: '2030-03-10T22:00:00.000Z' }),
    ];
    assert.deepEqual(
      overlaps(schedule, 'h1', '2030-03-10T20:00:00.000Z', '2030-03-10T21:00:00.000Z').map((x) => x.id),
      ['a', 'd'],
    );
    assert.deepEqual(
      overlaps(schedule, 'h1', '2030-03-10T20:15:00.000Z', '2030-03-10T20:15:00.000Z').map((x) => x.id),
      [],
      'touching ends do not overlap',
    );
  });

  test('blocks sit on the 08:00–02:00 lane; early-morning starts belong to the evening before', () => {
    assert.equal(DAY_END - DAY_START, 18 * 60);
    const at = (time: string, minutes: number, day = '2030-03-10') => {
      const start = fromWall(day, time, TZ);
      return { startsAt: start, endsAt: new Date(Date.parse(start) + minutes * 60_000).toISOString() };
    };
    assert.deepEqual(place(at('08:00', 108), '2030-03-10', TZ), { left: 0, width: 10 });
    assert.deepEqual(place(at('17:00', 54), '2030-03-10', TZ), { left: 50, width: 5 });
    assert.deepEqual(place(at('01:00', 120, '2030-03-11'), '2030-03-10', TZ), {
      left: (17 / 18) * 100,
      width: (1 / 18) * 100,
    });
    assert.equal(businessDay(fromWall('2030-03-11', '01:30', TZ), TZ), '2030-03-10');
    assert.equal(businessDay(fromWall('2030-03-11', '05:00', TZ), TZ), '2030-03-11');
  });

  test('a new showtime starts at 20:00 while that is 15 minutes ahead, else the first quarter hour that is', () => {
    const now = (day: string, time: string) => Date.parse(fromWall(day, time, TZ));
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '10:00'), TZ), { day: '2030-03-10', start: '20:00' });
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '19:45'), TZ), { day: '2030-03-10', start: '20:00' });
    // 20:00 one minute ahead would be refused as past by the time the form is sent.
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '19:59'), TZ), { day: '2030-03-10', start: '20:15' });
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '19:46'), TZ), { day: '2030-03-10', start: '20:15' });
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '21:37'), TZ), { day: '2030-03-10', start: '22:00' });
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '21:30'), TZ), { day: '2030-03-10', start: '21:45' });
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '20:00'), TZ), { day: '2030-03-10', start: '20:15' });
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '23:40'), TZ), { day: '2030-03-11', start: '00:00' });
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '23:50'), TZ), { day: '2030-03-11', start: '00:15' });
    assert.deepEqual(defaultStart('2030-03-12', now('2030-03-10', '23:50'), TZ), { day: '2030-03-12', start: '20:00' });
    assert.deepEqual(
      defaultStart('2030-03-01', now('2030-03-10', '21:00'), TZ),
      { day: '2030-03-10', start: '21:15' },
      'a past day gives the next slot today',
    );
    // The cinema's zone decides, not the browser's: 21:37 in Berlin is 16:37 in New York.
    assert.deepEqual(defaultStart('2030-03-10', now('2030-03-10', '21:37'), 'America/New_York'), {
      day: '2030-03-10',
      start: '20:00',
    });
  });

  test('usual prices: the hall’s latest live showtime, else the cinema’s, else none', () => {
    const schedule = [
      show({ id: 'old', startsAt: '2030-03-09T18:00:00.000Z', prices: { standard: 900 } }),
      show({ id: 'new', startsAt: '2030-03-10T18:00:00.000Z', prices: { standard: 1100 } }),
      show({ id: 'gone', startsAt: '2030-03-11T18:00:00.000Z', status: 'cancelled', prices: { standard: 1 } }),
      show({ id: 'other', hallId: 'h2', startsAt: '2030-03-12T18:00:00.000Z', prices: { vip: 2000 }, currency: 'USD' }),
    ];
    assert.deepEqual(usualPrices(schedule, 'h1'), { prices: { standard: 1100 }, currency: 'EUR' });
    assert.deepEqual(usualPrices(schedule, 'h3'), { prices: { vip: 2000 }, currency: 'USD' });
    assert.equal(usualPrices([], 'h1'), null);
  });

  test('a hall’s seat types in a stable order, blocked seats left out', () => {
    const hall = {
      layout: {
        rows: [
          {
            label: 'A',
            seats: [
              { number: 1, type: 'companion', x: 0 },
              { number: 2, type: 'blocked', x: 1 },
              { number: 3, type: 'standard', x: 2 },
            ],
          },
        ],
      },
    } as unknown as StaffHall;
    assert.deepEqual(hallSeatTypes(hall), ['standard', 'companion']);
    assert.deepEqual(hallSeatTypes(undefined), ['standard']);
  });
});
