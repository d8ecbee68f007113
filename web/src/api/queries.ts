// What the app reads, as TanStack Query options: one key factory per resource beside its fetch, so
// a page, a route loader and an invalidation name the same entry. Keys are arrays of plain strings;
// a shorter key is a prefix that invalidates everything under it (`keys.bookings()` → every list).
import { queryOptions } from '@tanstack/react-query';
import { accounts, bookings, catalog } from './endpoints.ts';
import { loadShowtimes } from '../pages/showtimes.ts';
import type { Query } from './types.ts';

type MoviesQuery = Query<'/api/v1/movies', 'get'>;

export const keys = {
  movies: () => ['movies'] as const,
  movie: (id: string) => ['movie', id] as const,
  search: (q: string) => ['search', q] as const,
  person: (id: string) => ['person', id] as const,
  cinemas: () => ['cinemas'] as const,
  cinema: (id: string) => ['cinema', id] as const,
  cities: () => ['cities'] as const,
  hall: (id: string) => ['hall', id] as const,
  showtime: (id: string) => ['showtime', id] as const,
  /** Programmes (lists of showtimes over some days); `showtime(id)` is one showtime. */
  showtimes: () => ['showtimes'] as const,
  seats: (showtimeId: string) => ['seats', showtimeId] as const,
  ticketTypes: (cinemaId: string) => ['ticket-types', cinemaId] as const,
  bookings: () => ['bookings'] as const,
  booking: (id: string) => ['booking', id] as const,
  tickets: (bookingId: string) => ['booking', bookingId, 'tickets'] as const,
  sessions: () => ['sessions'] as const,
};

type Localized = { localized: { title: string; synopsis: string; genres: string[] } };
/**
 * A movie as its reader sees it: title, synopsis and genres in the language the call asked for
 * (Accept-Language), the original where no translation is given. Customer pages only: the staff
 * console edits the originals.
 */
export const inReadersLanguage = <M extends Localized>(m: M): M => {
  const { title, synopsis, genres } = m.localized;
  return { ...m, title, synopsis, genres };
};

export const queries = {
  movie: (id: string) =>
    queryOptions({
      queryKey: keys.movie(id),
      queryFn: ({ signal }) => catalog.movie(id, signal).then(inReadersLanguage),
    }),
  movies: (query: MoviesQuery) =>
    queryOptions({
      queryKey: [...keys.movies(), query.status ?? '', query.cinemaId ?? '', query.city ?? ''],
      queryFn: ({ signal }) =>
        catalog.movies(query, signal).then((page) => ({ ...page, items: page.items.map(inReadersLanguage) })),
    }),
  searchMovies: (q: string) =>
    queryOptions({
      queryKey: [...keys.search(q), 'movies'],
      queryFn: ({ signal }) =>
        catalog
          .movies({ q, limit: 24 }, signal)
          .then((page) => ({ ...page, items: page.items.map(inReadersLanguage) })),
    }),
  /** People are a bonus: a server without the people search still finds movies. */
  searchPeople: (q: string) =>
    queryOptions({
      queryKey: [...keys.search(q), 'people'],
      queryFn: ({ signal }) => catalog.people(q, signal).catch(() => ({ items: [], nextCursor: null })),
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
  /** Every showtime from now for `days` days, cancelled ones left out. */
  showtimeList: (filter: { movieId?: string; cinemaId?: string }, days: number) =>
    queryOptions({
      queryKey: [...keys.showtimes(), String(days), filter.movieId ?? '', filter.cinemaId ?? ''],
      queryFn: ({ signal }) => loadShowtimes(filter, days, signal),
    }),
  seats: (showtimeId: string) =>
    queryOptions({ queryKey: keys.seats(showtimeId), queryFn: ({ signal }) => catalog.seats(showtimeId, signal) }),
  /** A cinema's ticket types on sale. */
  ticketTypes: (cinemaId: string) =>
    queryOptions({
      queryKey: keys.ticketTypes(cinemaId),
      queryFn: ({ signal }) => catalog.ticketTypes(cinemaId, signal),
    }),
  booking: (id: string) =>
    queryOptions({ queryKey: keys.booking(id), queryFn: ({ signal }) => bookings.get(id, signal) }),
  bookingList: () =>
    queryOptions({
      queryKey: [...keys.bookings(), 'list'],
      queryFn: ({ signal }) => bookings.list({ limit: 50 }, signal),
    }),
  tickets: (bookingId: string) =>
    queryOptions({ queryKey: keys.tickets(bookingId), queryFn: ({ signal }) => bookings.tickets(bookingId, signal) }),
  sessions: () => queryOptions({ queryKey: keys.sessions(), queryFn: ({ signal }) => accounts.sessions(signal) }),
};
