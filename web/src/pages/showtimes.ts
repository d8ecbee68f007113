// Showtimes grouped the way people read a programme: by day (in the cinema's own time zone),
// then by cinema, each cinema's times in order.
import { catalog } from '../api/endpoints.ts';
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

/** Every showtime in a window, following cursors (a fortnight of one movie is a few pages at most). */
export async function loadShowtimes(
  filter: { movieId?: string; cinemaId?: string },
  days: number,
  signal: AbortSignal,
): Promise<Showtime[]> {
  const from = new Date();
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
