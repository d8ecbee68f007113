// The demo chain's cinemas and halls: five seat layouts that exercise what a seat map must draw
// (curved rows, aisles, VIP rows, wheelchair places with companion seats, one big IMAX hall).
import type { HallLayout, SeatType } from '../catalog.tables.ts';

export interface DemoHall {
  key: string;
  name: string;
  cleaningMinutes: number;
  layout: HallLayout;
  /** Films in rotation, by demo movie key. */
  programme: string[];
  format: string;
  /** Minor units per seat type. */
  prices: Partial<Record<SeatType, number>>;
  eveningSurcharge: number;
}

export interface DemoCinema {
  key: string;
  name: string;
  city: string;
  address: string;
  timezone: string;
  /** Where it is (WGS 84 degrees), for "cinemas near me" and wallet passes. */
  latitude: number;
  longitude: number;
  currency: string;
  /** Original-language showings carry subtitles in this language. */
  subtitles: string;
  halls: DemoHall[];
}

type Row = HallLayout['rows'][number];
type Seat = Row['seats'][number];
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A row of blocks separated by aisles; `curve` bends it towards the screen at both ends. */
function row(
  index: number,
  blocks: number[],
  opts: { type?: (seat: number, of: number) => SeatType; curve?: number; aisle?: number; shift?: number } = {},
): Row {
  const total = blocks.reduce((a, b) => a + b, 0);
  const aisle = opts.aisle ?? 1;
  const width = total + aisle * (blocks.length - 1);
  const seats: Seat[] = [];
  let x = (opts.shift ?? 0) - width / 2;
  let number = 1;
  blocks.forEach((count, b) => {
    for (let i = 0; i < count; i++) {
      const centre = x + 0.5;
      const seat: Seat = { number, type: opts.type?.(number, total) ?? 'standard', x: round2(centre) };
      if (opts.curve) seat.y = round2(index - opts.curve * centre * centre);
      seats.push(seat);
      number++;
      x += 1;
    }
    if (b < blocks.length - 1) x += aisle;
  });
  return { label: letters[index] ?? `R${index}`, y: index, seats };
}

const ends = (n: number, of: number, k = 2) => n <= k || n > of - k;

function imaxLayout(): HallLayout {
  // 16 rows, 4 | 14 | 4 up front growing to 5 | 16 | 5: 358 seats; the back two rows are VIP,
  // row H (the cross aisle) has wheelchair places with companions on its outer ends.
  const rows = Array.from({ length: 16 }, (_, i) => {
    const side = i < 8 ? 4 : 5;
    const middle = i < 8 ? 14 : 16;
    return row(i, [side, middle, side], {
      curve: 0.007,
      type: (n, of) => {
        if (i >= 14) return 'vip';
        if (i === 7 && (n === 1 || n === of)) return 'accessible';
        if (i === 7 && (n === 2 || n === of - 1)) return 'companion';
        return 'standard';
      },
    });
  });
  // Two places behind the projection booth's pillar are never sold.
  const pillar = rows[10]?.seats;
  if (pillar) for (const s of pillar.slice(4, 6)) s.type = 'blocked';
  return { rows };
}

function straightWithCentreAisle(): HallLayout {
  return {
    rows: Array.from({ length: 10 }, (_, i) =>
      row(i, [8, 8], {
        type: (n, of) =>
          i >= 7
            ? 'vip'
            : i === 0 && ends(n, of, 1)
              ? 'accessible'
              : i === 0 && (n === 2 || n === of - 1)
                ? 'companion'
                : 'standard',
      }),
    ),
  };
}

function gentleCurve(): HallLayout {
  return {
    rows: Array.from({ length: 12 }, (_, i) =>
      row(i, [3, 12, 3], {
        curve: 0.005,
        type: (n, of) => (i >= 5 && i <= 7 && n > 3 && n <= of - 3 ? 'vip' : 'standard'),
      }),
    ),
  };
}

function boutique(): HallLayout {
  // Recliners: wider spacing, all VIP, two wheelchair places with companions in the front row.
  const rows = Array.from({ length: 6 }, (_, i) => row(i, [4, 4], { aisle: 2, type: () => 'vip' }));
  for (const r of rows) for (const s of r.seats) s.x = round2(s.x * 1.6);
  const front = rows[0]?.seats ?? [];
  front.forEach((s, k) => {
    if (k === 0 || k === front.length - 1) s.type = 'accessible';
    if (k === 1 || k === front.length - 2) s.type = 'companion';
  });
  return { rows };
}

function stadium(): HallLayout {
  // Staggered rows (every other one shifted half a seat) so heads do not line up.
  return {
    rows: Array.from({ length: 14 }, (_, i) =>
      row(i, [4, 12, 4], {
        shift: i % 2 === 0 ? 0 : 0.5,
        type: (n, of) =>
          i === 6 && ends(n, of, 1)
            ? 'accessible'
            : i === 6 && (n === 2 || n === of - 1)
              ? 'companion'
              : i >= 11
                ? 'vip'
                : 'standard',
      }),
    ),
  };
}

export function demoCinemas(): DemoCinema[] {
  return [
    {
      key: 'berlin',
      name: 'Marquee Spreeufer',
      city: 'Berlin',
      address: 'Holzmarktstraße 25, 10243 Berlin',
      latitude: 52.5113,
      longitude: 13.4223,
      timezone: 'Europe/Berlin',
      currency: 'EUR',
      subtitles: 'de',
      halls: [
        {
          key: 'berlin-imax',
          name: 'IMAX Saal',
          cleaningMinutes: 20,
          layout: imaxLayout(),
          programme: ['orbit', 'ironwood', 'orbit', 'cartographer'],
          format: 'IMAX',
          prices: { standard: 1590, vip: 2190, accessible: 1290, companion: 900 },
          eveningSurcharge: 200,
        },
        {
          key: 'berlin-2',
          name: 'Saal 2',
          cleaningMinutes: 15,
          layout: straightWithCentreAisle(),
          programme: ['lighthouse', 'lanterns', 'atlas', 'salt', 'frequencies'],
          format: '2D',
          prices: { standard: 1090, vip: 1490, accessible: 890, companion: 650 },
          eveningSurcharge: 150,
        },
      ],
    },
    {
      key: 'lisbon',
      name: 'Marquee Alfama',
      city: 'Lisbon',
      address: 'Rua dos Remédios 42, 1100-441 Lisboa',
      latitude: 38.7118,
      longitude: -9.1276,
      timezone: 'Europe/Lisbon',
      currency: 'EUR',
      subtitles: 'pt',
      halls: [
        {
          key: 'lisbon-1',
          name: 'Sala 1',
          cleaningMinutes: 15,
          layout: gentleCurve(),
          programme: ['tram', 'elodie', 'orbit', 'small-hours', 'cartographer'],
          format: '2D',
          prices: { standard: 850, vip: 1150 },
          eveningSurcharge: 100,
        },
        {
          key: 'lisbon-2',
          name: 'Sala 2 Lounge',
          cleaningMinutes: 25,
          layout: boutique(),
          programme: ['tram', 'lighthouse', 'atlas'],
          format: '2D',
          prices: { vip: 1650, accessible: 1250, companion: 800 },
          eveningSurcharge: 150,
        },
      ],
    },
    {
      key: 'new-york',
      name: 'Marquee Bowery',
      city: 'New York',
      address: '215 Bowery, New York, NY 10002',
      latitude: 40.7217,
      longitude: -73.993,
      timezone: 'America/New_York',
      currency: 'USD',
      subtitles: 'en',
      halls: [
        {
          key: 'ny-1',
          name: 'Screen 1',
          cleaningMinutes: 15,
          layout: stadium(),
          programme: ['atlas', 'lanterns', 'ironwood', 'salt', 'elodie', 'cartographer'],
          format: '2D',
          prices: { standard: 1600, vip: 2200, accessible: 1200, companion: 1200 },
          eveningSurcharge: 200,
        },
      ],
    },
  ];
}
