// The endpoints the staff console calls beyond the customer app's (api/endpoints.ts): catalog
// admin writes, halls with layouts, scheduling, the sales module's staff reads, check-in, users.
// Paths, parameters and answers are checked against the generated API types.
import { catalog } from '../api/endpoints.ts';
import { client, data } from '../api/http.ts';
import type { Answer, Body, Page, Query, Role } from '../api/types.ts';

export type { HallLayout, MovieInput, Prices } from '../api/types.ts';
export type StaffHall = Answer<'/api/v1/halls/{id}', 'get'>;
export type StaffShowtime = Answer<'/api/v1/showtimes/{id}', 'get'>;
export type StaffSeat = Answer<'/api/v1/staff/showtimes/{id}/seats', 'get'>['seats'][number];
export type ShowtimeSummary = Answer<'/api/v1/staff/showtimes/{id}/summary', 'get'>;
export type SalesReport = Answer<'/api/v1/staff/sales', 'get'>;
export type CheckinAnswer = Answer<'/api/v1/checkins', 'post'>;
export type SeatBlock = Answer<'/api/v1/showtimes/{id}/blocks', 'get'>['items'][number];

type Paging = { limit?: number; cursor?: string };

export type TicketTypeInput = Body<'/api/v1/ticket-types/{id}', 'patch'> & { code?: string };
export type PriceList = Answer<'/api/v1/cinemas/{id}/price-list', 'get'>;
type SalesQuery = Query<'/api/v1/staff/sales', 'get'>;

/**
 * Sends an image as the raw body (the server decides the type by its bytes). The document lists no
 * request body for these routes (they read raw bytes, not JSON), hence the cast.
 */
const image = (blob: Blob) => ({
  body: blob as never,
  bodySerializer: (body: unknown) => body,
  headers: { 'content-type': blob.type || 'application/octet-stream' },
});

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
  movies: (p: { q?: string } & Paging, signal?: AbortSignal) => catalog.movies(p, signal),
  createMovie: (body: Body<'/api/v1/movies', 'post'>) => data(client.POST('/api/v1/movies', { body })),
  updateMovie: (id: string, body: Body<'/api/v1/movies/{id}', 'patch'>) =>
    data(client.PATCH('/api/v1/movies/{id}', { params: { path: { id } }, body })),
  deleteMovie: (id: string) => data(client.DELETE('/api/v1/movies/{id}', { params: { path: { id } } })),
  uploadMovieImage: (id: string, kind: 'poster' | 'backdrop', blob: Blob) =>
    kind === 'poster'
      ? data(client.PUT('/api/v1/movies/{id}/poster', { params: { path: { id } }, ...image(blob) }))
      : data(client.PUT('/api/v1/movies/{id}/backdrop', { params: { path: { id } }, ...image(blob) })),

  people: (query: { q?: string } & Paging, signal?: AbortSignal) =>
    data(client.GET('/api/v1/people', { params: { query }, signal })),
  person: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/people/{id}', { params: { path: { id } }, signal })),
  createPerson: (body: Body<'/api/v1/people', 'post'>) => data(client.POST('/api/v1/people', { body })),
  updatePerson: (id: string, body: Body<'/api/v1/people/{id}', 'patch'>) =>
    data(client.PATCH('/api/v1/people/{id}', { params: { path: { id } }, body })),
  deletePerson: (id: string) => data(client.DELETE('/api/v1/people/{id}', { params: { path: { id } } })),
  uploadPersonPhoto: (id: string, blob: Blob) =>
    data(client.PUT('/api/v1/people/{id}/photo', { params: { path: { id } }, ...image(blob) })),

  cinemas: (p: Paging = {}, signal?: AbortSignal) =>
    data(client.GET('/api/v1/cinemas', { params: { query: { limit: 100, ...p } }, signal })),
  createCinema: (body: Body<'/api/v1/cinemas', 'post'>) => data(client.POST('/api/v1/cinemas', { body })),
  updateCinema: (id: string, body: Body<'/api/v1/cinemas/{id}', 'patch'>) =>
    data(client.PATCH('/api/v1/cinemas/{id}', { params: { path: { id } }, body })),

  halls: (cinemaId: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/cinemas/{id}/halls', { params: { path: { id: cinemaId } }, signal })).then(
      (page) => page.items,
    ),
  hall: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/halls/{id}', { params: { path: { id } }, signal })),
  createHall: (cinemaId: string, body: Body<'/api/v1/cinemas/{id}/halls', 'post'>) =>
    data(client.POST('/api/v1/cinemas/{id}/halls', { params: { path: { id: cinemaId } }, body })),
  updateHall: (id: string, body: Body<'/api/v1/halls/{id}', 'patch'>) =>
    data(client.PATCH('/api/v1/halls/{id}', { params: { path: { id } }, body })),

  showtimes: (p: { cinemaId: string; from: string; to: string; status?: 'all' | 'scheduled' }, signal?: AbortSignal) =>
    allPages((cursor) =>
      data(client.GET('/api/v1/showtimes', { params: { query: { ...p, limit: 100, cursor } }, signal })),
    ),
  createShowtime: (body: Body<'/api/v1/showtimes', 'post'>) => data(client.POST('/api/v1/showtimes', { body })),
  moveShowtime: (id: string, body: Body<'/api/v1/showtimes/{id}', 'patch'>) =>
    data(client.PATCH('/api/v1/showtimes/{id}', { params: { path: { id } }, body })),
  cancelShowtime: (id: string) => data(client.POST('/api/v1/showtimes/{id}/cancel', { params: { path: { id } } })),
  report: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/showtimes/{id}/report', { params: { path: { id } }, signal })),
  blocks: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/showtimes/{id}/blocks', { params: { path: { id } }, signal })),
  block: (id: string, body: Body<'/api/v1/showtimes/{id}/blocks', 'post'>) =>
    data(client.POST('/api/v1/showtimes/{id}/blocks', { params: { path: { id } }, body })),
  unblock: (id: string, seatId: string) =>
    data(client.DELETE('/api/v1/showtimes/{id}/blocks/{seatId}', { params: { path: { id, seatId } } })),

  seats: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/staff/showtimes/{id}/seats', { params: { path: { id } }, signal })),
  summary: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/staff/showtimes/{id}/summary', { params: { path: { id } }, signal })),
  sales: (query: SalesQuery, signal?: AbortSignal) =>
    data(client.GET('/api/v1/staff/sales', { params: { query }, signal })),
  salesCsvUrl: (query: Query<'/api/v1/staff/sales.csv', 'get'>) =>
    `/api/v1/staff/sales.csv?${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])))}`,
  priceDefaults: (hallId: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/staff/halls/{id}/price-defaults', { params: { path: { id: hallId } }, signal })),
  setPriceDefaults: (hallId: string, body: Body<'/api/v1/staff/halls/{id}/price-defaults', 'put'>) =>
    data(client.PUT('/api/v1/staff/halls/{id}/price-defaults', { params: { path: { id: hallId } }, body })),

  ticketTypes: (cinemaId: string, signal?: AbortSignal) => catalog.ticketTypes(cinemaId, signal, true),
  createTicketType: (cinemaId: string, body: Body<'/api/v1/cinemas/{id}/ticket-types', 'post'>) =>
    data(client.POST('/api/v1/cinemas/{id}/ticket-types', { params: { path: { id: cinemaId } }, body })),
  updateTicketType: (id: string, body: Body<'/api/v1/ticket-types/{id}', 'patch'>) =>
    data(client.PATCH('/api/v1/ticket-types/{id}', { params: { path: { id } }, body })),
  /** Deactivates it (the cinema's default cannot be: 409). */
  deactivateTicketType: (id: string) => data(client.DELETE('/api/v1/ticket-types/{id}', { params: { path: { id } } })),
  priceList: (cinemaId: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/cinemas/{id}/price-list', { params: { path: { id: cinemaId } }, signal })),
  setPriceList: (cinemaId: string, body: Body<'/api/v1/cinemas/{id}/price-list', 'put'>) =>
    data(client.PUT('/api/v1/cinemas/{id}/price-list', { params: { path: { id: cinemaId } }, body })),
  setShowtimePrices: (id: string, body: Body<'/api/v1/showtimes/{id}/prices', 'put'>) =>
    data(client.PUT('/api/v1/showtimes/{id}/prices', { params: { path: { id } }, body })),

  checkin: (code: string) => data(client.POST('/api/v1/checkins', { body: { code } })),

  users: (query: { q?: string; role?: Role } & Paging, signal?: AbortSignal) =>
    data(client.GET('/api/v1/users', { params: { query }, signal })),
  setRole: (id: string, role: Role) =>
    data(client.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { role } })),
};
