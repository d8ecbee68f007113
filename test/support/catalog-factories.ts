// Catalog rows made directly with Kysely, so booking suites need not wait for the catalog API:
// a cinema, a hall with its seats, a movie and a showtime.
import { randomBytes } from 'node:crypto';
import type { HallLayout, SeatType } from '../../src/modules/catalog/catalog.tables.ts';
import type { TestApp } from './test-app.ts';

export interface TestSeat {
  id: string;
  row: string;
  number: number;
  type: SeatType;
}

export interface TestShowtime {
  showtimeId: string;
  hallId: string;
  cinemaId: string;
  movieId: string;
  startsAt: Date;
  seats: TestSeat[];
  /** The seat at row label and number (throws when there is none). */
  seat(row: string, number: number): TestSeat;
}

/** Rows A, B, … of `perRow` standard seats; `types` overrides single seats, e.g. `{ 'A1': 'accessible' }`. */
export function gridLayout(rows: number, perRow: number, types: Record<string, SeatType> = {}): HallLayout {
  return {
    rows: Array.from({ length: rows }, (_, r) => {
      const label = String.fromCharCode(65 + (r % 26)) + (r >= 26 ? String(Math.floor(r / 26)) : '');
      return {
        label,
        seats: Array.from({ length: perRow }, (_, i) => ({
          number: i + 1,
          type: types[`${label}${i + 1}`] ?? 'standard',
          x: i,
        })),
      };
    }),
  };
}

export interface ShowtimeOptions {
  seats?: HallLayout;
  startsAt?: Date;
  prices?: Partial<Record<SeatType, number>>;
  currency?: string;
  status?: 'scheduled' | 'cancelled';
}

/** A scheduled showtime two days from the test clock's now, in a fresh hall (3 × 10 standard seats by default). */
export async function makeShowtime(t: TestApp, options: ShowtimeOptions = {}): Promise<TestShowtime> {
  const db = t.app.platform.database.db;
  const layout = options.seats ?? gridLayout(3, 10);
  const tag = randomBytes(4).toString('hex');
  const startsAt = options.startsAt ?? new Date(t.clock.now().getTime() + 2 * 24 * 3600_000);
  const cinema = await db
    .insertInto('cinemas')
    .values({ name: `Cinema ${tag}`, city: 'Testville', timezone: 'Europe/Berlin' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const capacity = layout.rows.reduce((n, r) => n + r.seats.filter((s) => s.type !== 'blocked').length, 0);
  const hall = await db
    .insertInto('halls')
    .values({ cinema_id: cinema.id, name: `Hall ${tag}`, layout: JSON.stringify(layout) as never, capacity })
    .returning('id')
    .executeTakeFirstOrThrow();
  const seatRows = layout.rows.flatMap((r, rowIndex) =>
    r.seats.map((s) => ({
      hall_id: hall.id,
      row_label: r.label,
      number: s.number,
      type: s.type,
      x: s.x,
      y: s.y ?? r.y ?? rowIndex,
      row_index: rowIndex,
    })),
  );
  const inserted = await db
    .insertInto('seats')
    .values(seatRows)
    .returning(['id', 'row_label', 'number', 'type'])
    .execute();
  const movie = await db
    .insertInto('movies')
    .values({ title: `Movie ${tag}`, duration_minutes: 100 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const showtime = await db
    .insertInto('showtimes')
    .values({
      movie_id: movie.id,
      hall_id: hall.id,
      cinema_id: cinema.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 120 * 60_000),
      prices: JSON.stringify(options.prices ?? { standard: 1200, vip: 1800 }) as never,
      currency: options.currency ?? 'EUR',
      status: options.status ?? 'scheduled',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const seats = inserted.map((s) => ({ id: s.id, row: s.row_label, number: s.number, type: s.type }));
  return {
    showtimeId: showtime.id,
    hallId: hall.id,
    cinemaId: cinema.id,
    movieId: movie.id,
    startsAt,
    seats,
    seat(row, number) {
      const s = seats.find((x) => x.row === row && x.number === number);
      if (!s) throw new Error(`no seat ${row}${number}`);
      return s;
    },
  };
}
