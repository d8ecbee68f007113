// Every endpoint the customer app calls, named for what it does; paths, parameters and answers are
// checked against the generated API types.
import type { Lang } from '../i18n/format.ts';
import { admissionHeaders } from '../waiting-room/admission.ts';
import { client, data } from './http.ts';
import type { Query } from './types.ts';

const v1 = '/api/v1';

const enc = encodeURIComponent;

export const catalog = {
  movies: (query: Query<'/api/v1/movies', 'get'>, signal?: AbortSignal) =>
    data(client.GET('/api/v1/movies', { params: { query }, signal })),
  movie: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/movies/{id}', { params: { path: { id } }, signal })),
  person: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/people/{id}', { params: { path: { id } }, signal })),
  people: (q: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/people', { params: { query: { q, limit: 12 } }, signal })),
  cities: (signal?: AbortSignal) => data(client.GET('/api/v1/cities', { signal })),
  cinemas: (city?: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/cinemas', { params: { query: { city, limit: 100 } }, signal })).then((page) => page.items),
  cinema: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/cinemas/{id}', { params: { path: { id } }, signal })),
  /** The nearest cinemas to a point, each with its distance (issue 20). */
  cinemasNear: (lat: number, lng: number, signal?: AbortSignal) =>
    data(
      client.GET('/api/v1/cinemas', {
        params: { query: { near: `${lat.toFixed(5)},${lng.toFixed(5)}`, limit: 5 } },
        signal,
      }),
    ).then((page) => page.items),
  hall: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/halls/{id}', { params: { path: { id } }, signal })),
  showtimes: (query: Query<'/api/v1/showtimes', 'get'>, signal?: AbortSignal) =>
    data(client.GET('/api/v1/showtimes', { params: { query }, signal })),
  showtime: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/showtimes/{id}', { params: { path: { id } }, signal })),
  seats: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/showtimes/{id}/seats', { params: { path: { id } }, signal })),
  /** The active ticket types (`includeInactive`: the deactivated ones too, for the console). */
  ticketTypes: (cinemaId: string, signal?: AbortSignal, includeInactive?: boolean) =>
    data(
      client.GET('/api/v1/cinemas/{id}/ticket-types', {
        params: { path: { id: cinemaId }, query: { includeInactive } },
        signal,
      }),
    ).then((answer) => answer.items),
  /** The seat map's own address, for conditional polls (seat-events.ts). */
  seatsUrl: (id: string) => `${v1}/showtimes/${enc(id)}/seats`,
  seatEventsUrl: (id: string) => `${v1}/showtimes/${enc(id)}/seats/events`,
};

const isIds = (seats: string[] | object[]): seats is string[] => seats.every((s) => typeof s === 'string');

export const bookings = {
  /** Seats by id (the default ticket type), or each seat with its ticket type. */
  hold: (showtimeId: string, seats: string[] | { seatId: string; ticketType?: string }[]) =>
    data(
      client.POST('/api/v1/bookings', {
        body: isIds(seats) ? { showtimeId, seatIds: seats } : { showtimeId, seats },
        // A showtime behind a waiting room (issue 18) needs this tab's admission.
        headers: admissionHeaders(showtimeId),
      }),
    ),
  list: (query: Query<'/api/v1/bookings', 'get'> = {}, signal?: AbortSignal) =>
    data(client.GET('/api/v1/bookings', { params: { query }, signal })),
  get: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/bookings/{id}', { params: { path: { id } }, signal })),
  release: (id: string) => data(client.DELETE('/api/v1/bookings/{id}', { params: { path: { id } } })),
  /** Keeps a hold HOLD_EXTENSION_MINUTES longer, once. */
  extend: (id: string) => data(client.POST('/api/v1/bookings/{id}/extend', { params: { path: { id } } })),
  pay: (id: string, card: { number: string; expMonth: number; expYear: number; cvc: string }, idempotencyKey: string) =>
    data(
      client.POST('/api/v1/bookings/{id}/payments', {
        params: { path: { id }, header: { 'idempotency-key': idempotencyKey } },
        body: { card },
      }),
    ),
  cancel: (id: string, ticketIds?: string[]) =>
    data(
      client.POST('/api/v1/bookings/{id}/cancel', { params: { path: { id } }, body: ticketIds ? { ticketIds } : {} }),
    ),
  tickets: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/bookings/{id}/tickets', { params: { path: { id } }, signal })),
  qrUrl: (ticketId: string) => `${v1}/tickets/${enc(ticketId)}/qr.svg`,
  pdfUrl: (bookingId: string) => `${v1}/bookings/${enc(bookingId)}/tickets.pdf`,
};

export const accounts = {
  register: (body: { email: string; password: string; name: string; language?: Lang }) =>
    data(client.POST('/api/v1/auth/register', { body })),
  login: (body: { email: string; password: string }) => data(client.POST('/api/v1/auth/login', { body })),
  logout: () => data(client.POST('/api/v1/auth/logout')),
  sessions: (signal?: AbortSignal) => data(client.GET('/api/v1/auth/sessions', { signal })).then((page) => page.items),
  revokeSession: (id: string) => data(client.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
  verifyEmail: (token: string) => data(client.POST('/api/v1/auth/verify-email', { body: { token } })),
  requestReset: (email: string) => data(client.POST('/api/v1/auth/password-reset', { body: { email } })),
  confirmReset: (token: string, password: string) =>
    data(client.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })),
  me: (signal?: AbortSignal) => data(client.GET('/api/v1/me', { signal })),
  /** Who is signed in (null: nobody); 200 either way, unlike `/me`. */
  session: (signal?: AbortSignal) => data(client.GET('/api/v1/session', { signal })).then((answer) => answer.user),
  updateMe: (body: { name?: string; phone?: string | null; language?: Lang }) =>
    data(client.PATCH('/api/v1/me', { body })),
  /** The picture as the raw body: the server decides its type by the bytes (issue 20). */
  uploadAvatar: (file: Blob) =>
    data(
      client.PUT('/api/v1/me/avatar', {
        body: file as never,
        bodySerializer: (body: unknown) => body,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      }),
    ),
  removeAvatar: () => data(client.DELETE('/api/v1/me/avatar')),
  changePassword: (currentPassword: string, newPassword: string) =>
    data(client.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
  deleteMe: (password: string) => data(client.DELETE('/api/v1/me', { body: { password } })),
};
