// Showtimes grouped the way people read a programme: by day (in the cinema's own time zone),
// then by cinema, each cinema's times in order.
import { catalog } from '../api/endpoints.ts';
import { serverNow } from '../api/http.ts';
import type { Cinema, Showtime } from '../api/types.ts';
import { dayKey } from '../i18n/format.ts';

export interface CinemaShowtimes {
  cinema: Cinema | undefined;
  cinemaId: string;
  showtimes: Showtime[];
}

export interface DayShowtimes {
  day: string;
  /** A showtime of the day, to print the day's name in its zone. */
  sample: { iso: string; timeZone: string | undefined };
  cinemas: CinemaShowtimes[];
}

export function groupShowtimes(showtimes: Showtime[], cinemas: Cinema[]): DayShowtimes[] {
  const byId = new Map(cinemas.map((c) => [c.id, c]));
  const days = new Map<string, DayShowtimes>();
  const sorted = [...showtimes].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const s of sorted) {
    const cinema = byId.get(s.cinemaId);
    const day = dayKey(s.startsAt, cinema?.timezone);
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, sample: { iso: s.startsAt, timeZone: cinema?.timezone }, cinemas: [] }));
    let c = d.cinemas.find((x) => x.cinemaId === s.cinemaId);
    if (!c) d.cinemas.push((c = { cinema, cinemaId: s.cinemaId, showtimes: [] }));
    c.showtimes.push(s);
  }
  const out = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  for (const d of out) d.cinemas.sort((a, b) => (a.cinema?.name ?? '').localeCompare(b.cinema?.name ?? ''));
  return out;
}

// Seats anyone may buy. Accessible seats are for wheelchair users and companion seats go only with
// the accessible seat beside them, so their prices count for "from" only in a hall without these.
const GENERAL_SEATS = new Set(['standard', 'vip']);

/** The cheapest seat most customers can buy: what "from" means on a showtime's button. */
export function priceFrom(prices: Record<string, number>): number | null {
  const priced = Object.entries(prices).filter(([, p]) => p > 0);
  const general = priced.filter(([type]) => GENERAL_SEATS.has(type));
  const counted = (general.length > 0 ? general : priced).map(([, p]) => p);
  return counted.length > 0 ? Math.min(...counted) : null;
}

/**
 * Whether a showtime is filling up: at most 10 seats or a tenth of the hall left, whichever is more.
 * Ten seats is where a group starts to struggle to sit together in a small hall; a tenth keeps the
 * warning meaningful in a 400-seat one. An empty 20-seat hall is not "few left".
 */
export function fewSeatsLeft(available: number, capacity: number): boolean {
  return available > 0 && available <= Math.max(10, Math.ceil(capacity / 10));
}

/** Every showtime in a window, following cursors (a fortnight of one movie is a few pages at most). */
export async function loadShowtimes(
  filter: { movieId?: string; cinemaId?: string },
  days: number,
  signal: AbortSignal,
): Promise<Showtime[]> {
  // The server's clock, not the device's: a phone set a day off still lists what is on.
  const from = new Date(serverNow());
  const to = new Date(from.getTime() + days * 86_400_000);
  const out: Showtime[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const res = await catalog.showtimes(
      { ...filter, from: from.toISOString(), to: to.toISOString(), limit: 100, cursor },
      signal,
    );
    out.push(...res.items);
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return out.filter((s) => s.status !== 'cancelled');
}
