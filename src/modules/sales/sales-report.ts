// Sums per-showtime sales rows into days, movies and totals, each per currency so that amounts in
// different currencies are never added together.
import type { SalesReportQueryInput } from './sales.schemas.ts';
import type { SalesRow } from './sales.store.ts';

interface Money {
  amount: number;
  currency: string;
}

interface Totals {
  showtimes: number;
  tickets: number;
  checkedIn: number;
  gross: Money;
  refunded: Money;
  net: Money;
}

export interface SalesReportView {
  /** Filled by the service: live tickets and their prices per ticket type (one entry per currency). */
  byTicketType?: { ticketType: string; name: string; sold: number; revenue: { amount: number; currency: string } }[];
  from: string;
  to: string;
  cinemaId: string | null;
  days: (Totals & { date: string })[];
  movies: (Totals & { movieId: string; title: string })[];
  totals: Totals[];
  showtimeCount: number;
  showtimes: (Omit<Totals, 'showtimes'> & {
    showtimeId: string;
    startsAt: string;
    date: string;
    localTime: string;
    status: string;
    movieId: string;
    movieTitle: string;
    hallName: string;
    cinemaId: string;
    cinemaName: string;
    capacity: number;
  })[];
}

const empty = (currency: string): Totals => ({
  showtimes: 0,
  tickets: 0,
  checkedIn: 0,
  gross: { amount: 0, currency },
  refunded: { amount: 0, currency },
  net: { amount: 0, currency },
});

function add(t: Totals, r: SalesRow): void {
  t.showtimes += 1;
  t.tickets += r.tickets;
  t.checkedIn += r.checked_in;
  t.gross.amount += r.gross;
  t.refunded.amount += r.refunded;
  t.net.amount += r.gross - r.refunded;
}

function group<K>(rows: SalesRow[], keyOf: (r: SalesRow) => string, extra: (r: SalesRow) => K): (Totals & K)[] {
  const out = new Map<string, Totals & K>();
  for (const r of rows) {
    const key = `${keyOf(r)}\u0000${r.currency}`;
    let t = out.get(key);
    if (!t) out.set(key, (t = { ...empty(r.currency), ...extra(r) }));
    add(t, r);
  }
  return [...out.values()];
}

/** The report of API shape from the rows of salesByShowtime. */
export function buildReport(q: SalesReportQueryInput, rows: SalesRow[]): SalesReportView {
  const days = group(
    rows,
    (r) => r.day,
    (r) => ({ date: r.day }),
  ).sort((a, b) => a.date.localeCompare(b.date));
  const movies = group(
    rows,
    (r) => r.movie_id,
    (r) => ({ movieId: r.movie_id, title: r.movie_title }),
  ).sort((a, b) => b.net.amount - a.net.amount || a.title.localeCompare(b.title));
  const totals = group(
    rows,
    () => '',
    () => ({}),
  );
  return {
    from: q.from,
    to: q.to,
    cinemaId: q.cinemaId ?? null,
    days,
    movies,
    totals,
    showtimeCount: rows.length,
    showtimes: rows.slice(q.offset ?? 0, q.limit === undefined ? undefined : (q.offset ?? 0) + q.limit).map((r) => {
      const m = (amount: number) => ({ amount, currency: r.currency });
      return {
        showtimeId: r.showtime_id,
        startsAt: r.starts_at.toISOString(),
        date: r.day,
        localTime: r.local_time,
        status: r.status,
        movieId: r.movie_id,
        movieTitle: r.movie_title,
        hallName: r.hall_name,
        cinemaId: r.cinema_id,
        cinemaName: r.cinema_name,
        capacity: r.capacity,
        tickets: r.tickets,
        checkedIn: r.checked_in,
        gross: m(r.gross),
        refunded: m(r.refunded),
        net: m(r.gross - r.refunded),
      };
    }),
  };
}
