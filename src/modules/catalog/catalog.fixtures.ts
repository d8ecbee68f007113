// Catalog test data made through the admin API (so the tests exercise it), for the catalog suites.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../../test/support/test-app.ts';
import type { HallLayout, SeatType } from './catalog.tables.ts';

export const tag = () => randomBytes(4).toString('hex');

/** Rows A, B, … of `perRow` seats; `types` overrides single seats, e.g. `{ A1: 'vip' }`. */
export function grid(rows: number, perRow: number, types: Record<string, SeatType> = {}): HallLayout {
  return {
    rows: Array.from({ length: rows }, (_, r) => {
      const label = String.fromCharCode(65 + r);
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

export interface Admin {
  token: string;
}

async function created(t: TestApp, admin: Admin, url: string, payload: object): Promise<any> {
  const res = await t.request({ method: 'POST', url, payload, token: admin.token });
  assert.equal(res.status, 201, `${url}: ${res.text}`);
  return res.body;
}

export const createCinema = (t: TestApp, admin: Admin, over: object = {}) =>
  created(t, admin, '/api/v1/cinemas', { name: `Cinema ${tag()}`, city: 'Berlin', timezone: 'Europe/Berlin', ...over });

export const createHall = (t: TestApp, admin: Admin, cinemaId: string, over: object = {}) =>
  created(t, admin, `/api/v1/cinemas/${cinemaId}/halls`, { name: `Hall ${tag()}`, layout: grid(2, 5), ...over });

export const createMovie = (t: TestApp, admin: Admin, over: object = {}) =>
  created(t, admin, '/api/v1/movies', { title: `Movie ${tag()}`, durationMinutes: 100, ...over });

/** A showtime `hoursAhead` of the test clock in a hall (standard seats priced 1000 EUR cents). */
export function createShowtime(
  t: TestApp,
  admin: Admin,
  movieId: string,
  hallId: string,
  hoursAhead: number,
  over: object = {},
): Promise<any> {
  const startsAt = new Date(t.clock.now().getTime() + hoursAhead * 3_600_000).toISOString();
  return created(t, admin, '/api/v1/showtimes', {
    movieId,
    hallId,
    startsAt,
    format: '2D',
    language: 'en',
    subtitles: null,
    prices: { standard: 1000 },
    currency: 'EUR',
    ...over,
  });
}

/** A cinema, a 2×5 hall and a 100-minute movie, ready for showtimes. */
export async function venue(t: TestApp, admin: Admin, options: { timezone?: string; layout?: HallLayout } = {}) {
  const cinema = await createCinema(t, admin, options.timezone ? { timezone: options.timezone } : {});
  const hall = await createHall(t, admin, cinema.id, options.layout ? { layout: options.layout } : {});
  const movie = await createMovie(t, admin);
  return { cinema, hall, movie };
}

/** Puts claims on seats directly (booking's table), as a sold or held booking would. */
export async function claimSeats(
  t: TestApp,
  showtimeId: string,
  seatIds: string[],
  state: 'sold' | 'held',
  expiresAt?: Date,
): Promise<void> {
  const db = t.app.platform.database.db;
  const user = await db
    .insertInto('users')
    .values({ email: `c-${tag()}@example.test`, name: 'Claimant', role: 'customer', email_verified: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const booking = await db
    .insertInto('bookings')
    .values({
      user_id: user.id,
      showtime_id: showtimeId,
      status: state === 'sold' ? 'confirmed' : 'held',
      total_amount: 0,
      currency: 'EUR',
      seat_count: seatIds.length,
      expires_at: expiresAt ?? new Date(t.clock.now().getTime() + 600_000),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('seat_claims')
    .values(
      seatIds.map((seatId) => ({
        showtime_id: showtimeId,
        seat_id: seatId,
        booking_id: booking.id,
        state,
        expires_at: state === 'held' ? (expiresAt ?? new Date(t.clock.now().getTime() + 600_000)) : null,
      })) as never,
    )
    .execute();
}
