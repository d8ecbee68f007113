// The endpoints the staff console calls beyond the customer app's (api/endpoints.ts): catalog
// admin writes, halls with layouts, scheduling, the sales module's staff reads, check-in, users.
import { catalog } from '../api/endpoints.ts';
import { api, ApiError, type Problem, qs } from '../api/http.ts';
import type { Cinema, Money, Movie, Page, Person, Role, SeatType, Showtime, User } from '../api/types.ts';

const v1 = '/api/v1';
const enc = encodeURIComponent;

export interface LayoutSeat {
  id?: string;
  number: number;
  type: SeatType;
  x: number;
  y?: number;
}
export interface LayoutRow {
  label: string;
  y?: number;
  seats: LayoutSeat[];
}
export interface HallLayout {
  rows: LayoutRow[];
}
export interface StaffHall {
  id: string;
  cinemaId: string;
  name: string;
  capacity: number;
  cleaningMinutes: number;
  layout: HallLayout;
}
export type Prices = Partial<Record<Exclude<SeatType, 'blocked'>, number>>;

export interface StaffShowtime extends Showtime {
  currency: string;
  movieTitle?: string;
  hallName?: string;
  timezone?: string;
}

export interface StaffSeat {
  seatId: string;
  row: string;
  number: number;
  status: 'held' | 'sold';
  expiresAt: string | null;
  bookingId: string;
  bookingStatus: string;
  customer: { id: string; name: string | null; email: string | null };
  ticket: { id: string; status: string; checkedInAt: string | null } | null;
}

export interface ShowtimeSummary {
  showtimeId: string;
  status: string;
  capacity: number;
  tickets: number;
  checkedIn: number;
  gross: Money;
  refunded: Money;
  net: Money;
  refundOnCancel: { bookings: number; customers: number; tickets: number; amount: Money };
}

export interface Report {
  capacity: number;
  sold: number;
  held: number;
  available: number;
  revenue: Money;
  checkedIn: number;
}

interface Totals {
  showtimes: number;
  tickets: number;
  checkedIn: number;
  gross: Money;
  refunded: Money;
  net: Money;
}
export interface SalesReport {
  from: string;
  to: string;
  days: (Totals & { date: string })[];
  movies: (Totals & { movieId: string; title: string })[];
  totals: Totals[];
  showtimes: (Omit<Totals, 'showtimes'> & {
    showtimeId: string;
    startsAt: string;
    date: string;
    localTime: string;
    status: string;
    movieTitle: string;
    hallName: string;
    cinemaName: string;
    capacity: number;
  })[];
}

export interface PriceDefaults {
  hallId: string;
  prices: Prices;
  currency: string | null;
}

export interface CheckinAnswer {
  ticket: { id: string; status: string; checkedInAt: string | null };
  showtime: { id: string; startsAt: string; hall: { name: string }; cinema: { name: string; timezone: string } };
  movie: { id: string; title: string };
  seat: { row: string; number: number; type: string };
}

export type MovieInput = Partial<Omit<Movie, 'id' | 'posterUrl' | 'backdropUrl' | 'people'>>;

/** Sends an image as the raw body (the server decides the type by its bytes). */
async function upload<T>(path: string, image: Blob): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'PUT', body: image, headers: { 'content-type': image.type || 'application/octet-stream', accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    const problem = (body && typeof body === 'object' && 'code' in body ? body : { code: `http_${res.status}` }) as Problem;
    problem.status = res.status;
    throw new ApiError(problem);
  }
  return body as T;
}

/** Every page of a list, up to `max` items (schedules, movie pickers). */
export async function allPages<T>(load: (cursor: string | undefined) => Promise<Page<T>>, max = 1000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out;
}

export const staff = {
  movies: (p: { q?: string; limit?: number; cursor?: string }, signal?: AbortSignal) => catalog.movies(p, signal),
  createMovie: (body: MovieInput & { title: string; durationMinutes: number }) => api<Movie>(`${v1}/movies`, { method: 'POST', body }),
  updateMovie: (id: string, body: MovieInput) => api<Movie>(`${v1}/movies/${enc(id)}`, { method: 'PATCH', body }),
  deleteMovie: (id: string) => api<void>(`${v1}/movies/${enc(id)}`, { method: 'DELETE' }),
  uploadMovieImage: (id: string, kind: 'poster' | 'backdrop', image: Blob) => upload<Movie>(`${v1}/movies/${enc(id)}/${kind}`, image),

  people: (p: { q?: string; limit?: number; cursor?: string }, signal?: AbortSignal) => api<Page<Person>>(`${v1}/people${qs(p)}`, { signal }),
  person: (id: string, signal?: AbortSignal) => api<Person>(`${v1}/people/${enc(id)}`, { signal }),
  createPerson: (body: { name: string; bio?: string }) => api<Person>(`${v1}/people`, { method: 'POST', body }),
  updatePerson: (id: string, body: { name?: string; bio?: string }) => api<Person>(`${v1}/people/${enc(id)}`, { method: 'PATCH', body }),
  deletePerson: (id: string) => api<void>(`${v1}/people/${enc(id)}`, { method: 'DELETE' }),
  uploadPersonPhoto: (id: string, image: Blob) => upload<Person>(`${v1}/people/${enc(id)}/photo`, image),

  cinemas: (p: { limit?: number; cursor?: string } = {}, signal?: AbortSignal) => api<Page<Cinema>>(`${v1}/cinemas${qs({ limit: 100, ...p })}`, { signal }),
  createCinema: (body: Omit<Cinema, 'id'>) => api<Cinema>(`${v1}/cinemas`, { method: 'POST', body }),
  updateCinema: (id: string, body: Partial<Omit<Cinema, 'id'>>) => api<Cinema>(`${v1}/cinemas/${enc(id)}`, { method: 'PATCH', body }),

  halls: (cinemaId: string, signal?: AbortSignal) => api<Page<StaffHall>>(`${v1}/cinemas/${enc(cinemaId)}/halls`, { signal }).then((p) => p.items),
  hall: (id: string, signal?: AbortSignal) => api<StaffHall>(`${v1}/halls/${enc(id)}`, { signal }),
  createHall: (cinemaId: string, body: { name: string; layout: HallLayout; cleaningMinutes?: number }) =>
    api<StaffHall>(`${v1}/cinemas/${enc(cinemaId)}/halls`, { method: 'POST', body }),
  updateHall: (id: string, body: { name?: string; layout?: HallLayout; cleaningMinutes?: number }) => api<StaffHall>(`${v1}/halls/${enc(id)}`, { method: 'PATCH', body }),

  showtimes: (p: { cinemaId: string; from: string; to: string; status?: 'all' | 'scheduled' }, signal?: AbortSignal) =>
    allPages((cursor) => api<Page<StaffShowtime>>(`${v1}/showtimes${qs({ ...p, limit: 100, cursor })}`, { signal })),
  createShowtime: (body: { movieId: string; hallId: string; startsAt: string; format?: string; language?: string | null; subtitles?: string | null; prices: Prices; currency: string }) =>
    api<StaffShowtime>(`${v1}/showtimes`, { method: 'POST', body }),
  cancelShowtime: (id: string) => api<StaffShowtime>(`${v1}/showtimes/${enc(id)}/cancel`, { method: 'POST' }),
  report: (id: string, signal?: AbortSignal) => api<Report>(`${v1}/showtimes/${enc(id)}/report`, { signal }),

  seats: (id: string, signal?: AbortSignal) => api<{ showtimeId: string; seats: StaffSeat[] }>(`${v1}/staff/showtimes/${enc(id)}/seats`, { signal }),
  summary: (id: string, signal?: AbortSignal) => api<ShowtimeSummary>(`${v1}/staff/showtimes/${enc(id)}/summary`, { signal }),
  sales: (p: { from: string; to: string; cinemaId?: string }, signal?: AbortSignal) => api<SalesReport>(`${v1}/staff/sales${qs(p)}`, { signal }),
  salesCsvUrl: (p: { from: string; to: string; cinemaId?: string }) => `${v1}/staff/sales.csv${qs(p)}`,
  priceDefaults: (hallId: string, signal?: AbortSignal) => api<PriceDefaults>(`${v1}/staff/halls/${enc(hallId)}/price-defaults`, { signal }),
  setPriceDefaults: (hallId: string, body: { prices: Prices; currency: string }) =>
    api<PriceDefaults>(`${v1}/staff/halls/${enc(hallId)}/price-defaults`, { method: 'PUT', body }),

  checkin: (code: string) => api<CheckinAnswer>(`${v1}/checkins`, { method: 'POST', body: { code } }),

  users: (p: { q?: string; role?: Role; limit?: number; cursor?: string }, signal?: AbortSignal) => api<Page<User>>(`${v1}/users${qs(p)}`, { signal }),
  setRole: (id: string, role: Role) => api<User>(`${v1}/users/${enc(id)}`, { method: 'PATCH', body: { role } }),
};
