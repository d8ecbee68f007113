// Every endpoint the customer app calls, named for what it does.
import { api, qs } from './http.ts';
import type { Booking, Cinema, City, Hall, Movie, Page, Payment, Person, PersonSummary, SeatMap, Session, Showtime, Ticket, User } from './types.ts';

const v1 = '/api/v1';

export const catalog = {
  movies: (p: { q?: string; status?: 'now_showing' | 'coming_soon'; cinemaId?: string; city?: string; genre?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api<Page<Movie>>(`${v1}/movies${qs(p)}`, { signal }),
  movie: (id: string, signal?: AbortSignal) => api<Movie>(`${v1}/movies/${encodeURIComponent(id)}`, { signal }),
  person: (id: string, signal?: AbortSignal) => api<Person>(`${v1}/people/${encodeURIComponent(id)}`, { signal }),
  people: (q: string, signal?: AbortSignal) => api<Page<PersonSummary>>(`${v1}/people${qs({ q, limit: 12 })}`, { signal }),
  cities: (signal?: AbortSignal) => api<City[] | Page<City>>(`${v1}/cities`, { signal }).then(itemsOf),
  cinemas: (city?: string, signal?: AbortSignal) => api<Cinema[] | Page<Cinema>>(`${v1}/cinemas${qs({ city, limit: 100 })}`, { signal }).then(itemsOf),
  cinema: (id: string, signal?: AbortSignal) => api<Cinema>(`${v1}/cinemas/${encodeURIComponent(id)}`, { signal }),
  hall: (id: string, signal?: AbortSignal) => api<Hall>(`${v1}/halls/${encodeURIComponent(id)}`, { signal }),
  showtimes: (p: { movieId?: string; cinemaId?: string; date?: string; from?: string; to?: string; limit?: number; cursor?: string }, signal?: AbortSignal) =>
    api<Page<Showtime>>(`${v1}/showtimes${qs(p)}`, { signal }),
  showtime: (id: string, signal?: AbortSignal) => api<Showtime>(`${v1}/showtimes/${encodeURIComponent(id)}`, { signal }),
  seats: (id: string, signal?: AbortSignal) => api<SeatMap>(`${v1}/showtimes/${encodeURIComponent(id)}/seats`, { signal }),
  seatEventsUrl: (id: string) => `${v1}/showtimes/${encodeURIComponent(id)}/seats/events`,
};

export const bookings = {
  hold: (showtimeId: string, seatIds: string[]) => api<Booking>(`${v1}/bookings`, { method: 'POST', body: { showtimeId, seatIds } }),
  list: (p: { limit?: number; cursor?: string } = {}, signal?: AbortSignal) => api<Page<Booking>>(`${v1}/bookings${qs(p)}`, { signal }),
  get: (id: string, signal?: AbortSignal) => api<Booking>(`${v1}/bookings/${encodeURIComponent(id)}`, { signal }),
  release: (id: string) => api<void>(`${v1}/bookings/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  pay: (id: string, card: { number: string; expMonth: number; expYear: number; cvc: string }, idempotencyKey: string) =>
    api<{ payment: Payment; booking: Booking }>(`${v1}/bookings/${encodeURIComponent(id)}/payments`, { method: 'POST', body: { card }, idempotencyKey }),
  cancel: (id: string, ticketIds?: string[]) =>
    api<Booking>(`${v1}/bookings/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: ticketIds ? { ticketIds } : {} }),
  tickets: (id: string, signal?: AbortSignal) =>
    api<Ticket[] | Page<Ticket>>(`${v1}/bookings/${encodeURIComponent(id)}/tickets`, { signal }).then(itemsOf),
  qrUrl: (ticketId: string) => `${v1}/tickets/${encodeURIComponent(ticketId)}/qr.svg`,
  pdfUrl: (bookingId: string) => `${v1}/bookings/${encodeURIComponent(bookingId)}/tickets.pdf`,
};

export const accounts = {
  register: (body: { email: string; password: string; name: string }) => api<{ user: User }>(`${v1}/auth/register`, { method: 'POST', body }),
  login: (body: { email: string; password: string }) => api<{ token: string; expiresAt: string; user: User }>(`${v1}/auth/login`, { method: 'POST', body }),
  logout: () => api<void>(`${v1}/auth/logout`, { method: 'POST' }),
  sessions: (signal?: AbortSignal) => api<Session[] | Page<Session>>(`${v1}/auth/sessions`, { signal }).then(itemsOf),
  revokeSession: (id: string) => api<void>(`${v1}/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  verifyEmail: (token: string) => api<void>(`${v1}/auth/verify-email`, { method: 'POST', body: { token } }),
  requestReset: (email: string) => api<void>(`${v1}/auth/password-reset`, { method: 'POST', body: { email } }),
  confirmReset: (token: string, password: string) => api<void>(`${v1}/auth/password-reset/confirm`, { method: 'POST', body: { token, password } }),
  me: (signal?: AbortSignal) => api<User>(`${v1}/me`, { signal }),
  updateMe: (body: { name?: string; phone?: string | null }) => api<User>(`${v1}/me`, { method: 'PATCH', body }),
  changePassword: (currentPassword: string, newPassword: string) => api<void>(`${v1}/me/password`, { method: 'POST', body: { currentPassword, newPassword } }),
  deleteMe: (password: string) => api<void>(`${v1}/me`, { method: 'DELETE', body: { password } }),
};

/** Lists come as `{items}` pages or bare arrays; the app wants the items. */
function itemsOf<T>(body: T[] | Page<T>): T[] {
  return Array.isArray(body) ? body : body.items;
}
