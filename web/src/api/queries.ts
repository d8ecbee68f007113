// What the app reads, as TanStack Query options: one key factory per resource beside its fetch, so
// a page, a route loader and an invalidation name the same entry. Keys are arrays of plain strings;
// a shorter key is a prefix that invalidates everything under it (`keys.bookings()` → every list).
import { queryOptions } from '@tanstack/react-query';
import { accounts, bookings, catalog } from './endpoints.ts';
import type { Query } from './types.ts';

type MoviesQuery = Query<'/api/v1/movies', 'get'>;

export const keys = {
  movies: () => ['movies'] as const,
  movie: (id: string) => ['movie', id] as const,
  person: (id: string) => ['person', id] as const,
  cinemas: () => ['cinemas'] as const,
  cinema: (id: string) => ['cinema', id] as const,
  cities: () => ['cities'] as const,
  hall: (id: string) => ['hall', id] as const,
  showtime: (id: string) => ['showtime', id] as const,
  seats: (showtimeId: string) => ['seats', showtimeId] as const,
  bookings: () => ['bookings'] as const,
  booking: (id: string) => ['booking', id] as const,
  sessions: () => ['sessions'] as const,
  /** The staff console's reads (staff/staff-api.ts); halls of one cinema under `staffHalls(id)`. */
  staffHalls: (cinemaId?: string) => (cinemaId === undefined ? ['staff', 'halls'] : ['staff', 'halls', cinemaId]),
};

export const queries = {
  movie: (id: string) => queryOptions({ queryKey: keys.movie(id), queryFn: ({ signal }) => catalog.movie(id, signal) }),
  movies: (query: MoviesQuery) =>
    queryOptions({
      queryKey: [...keys.movies(), query.status ?? '', query.cinemaId ?? '', query.city ?? ''],
      queryFn: ({ signal }) => catalog.movies(query, signal),
    }),
  person: (id: string) =>
    queryOptions({ queryKey: keys.person(id), queryFn: ({ signal }) => catalog.person(id, signal) }),
  cinema: (id: string) =>
    queryOptions({ queryKey: keys.cinema(id), queryFn: ({ signal }) => catalog.cinema(id, signal) }),
  cinemas: () =>
    queryOptions({ queryKey: keys.cinemas(), queryFn: ({ signal }) => catalog.cinemas(undefined, signal) }),
  cities: () => queryOptions({ queryKey: keys.cities(), queryFn: ({ signal }) => catalog.cities(signal) }),
  hall: (id: string) => queryOptions({ queryKey: keys.hall(id), queryFn: ({ signal }) => catalog.hall(id, signal) }),
  showtime: (id: string) =>
    queryOptions({ queryKey: keys.showtime(id), queryFn: ({ signal }) => catalog.showtime(id, signal) }),
  seats: (showtimeId: string) =>
    queryOptions({ queryKey: keys.seats(showtimeId), queryFn: ({ signal }) => catalog.seats(showtimeId, signal) }),
  booking: (id: string) =>
    queryOptions({ queryKey: keys.booking(id), queryFn: ({ signal }) => bookings.get(id, signal) }),
  bookingList: () =>
    queryOptions({ queryKey: [...keys.bookings(), 'list'], queryFn: ({ signal }) => bookings.list({}, signal) }),
  sessions: () => queryOptions({ queryKey: keys.sessions(), queryFn: ({ signal }) => accounts.sessions(signal) }),
};
