// What the staff console reads, as TanStack Query options: keys under ['staff', …] so a page, a
// save's invalidation and a live update name the same entry; a shorter key is a prefix (saving a
// movie invalidates `staffKeys.movies()`: the paged list and the schedule's movie picker alike).
// Lists staff work on (and the live showtime) are stale at once, so a return visit reloads them.
import { queryOptions } from '@tanstack/react-query';
import { catalog } from '../api/endpoints.ts';
import type { Role } from '../api/types.ts';
import { allPages, staff } from './staff-api.ts';

type Search = { q: string; cursor: string | undefined };
type SalesFilter = { from: string; to: string; cinemaId?: string; limit: number; offset: number };
type Range = { cinemaId: string; first: string; days: number; from: string; to: string };

export const staffKeys = {
  cinemas: () => ['staff', 'cinemas'] as const,
  movies: () => ['staff', 'movies'] as const,
  people: () => ['staff', 'people'] as const,
  users: () => ['staff', 'users'] as const,
  /** Halls of one cinema; without an id, every cinema's (a saved hall reaches the schedule form). */
  halls: (cinemaId?: string) => (cinemaId === undefined ? ['staff', 'halls'] : ['staff', 'halls', cinemaId]),
  schedule: (cinemaId: string) => ['staff', 'schedule', cinemaId] as const,
  sales: () => ['staff', 'sales'] as const,
  seatMap: (showtimeId: string) => ['staff', 'seatmap', showtimeId] as const,
  ticketTypes: (cinemaId: string) => ['staff', 'ticket-types', cinemaId] as const,
  priceList: (cinemaId: string) => ['staff', 'price-list', cinemaId] as const,
};

export const staffQueries = {
  /** One record an edit page is about; under its list's key, so a save there reaches it too. */
  movie: (id: string) =>
    queryOptions({ queryKey: [...staffKeys.movies(), 'one', id], queryFn: ({ signal }) => catalog.movie(id, signal) }),
  person: (id: string) =>
    queryOptions({ queryKey: [...staffKeys.people(), 'one', id], queryFn: ({ signal }) => staff.person(id, signal) }),
  cinema: (id: string) =>
    queryOptions({
      queryKey: [...staffKeys.cinemas(), 'one', id],
      queryFn: ({ signal }) => catalog.cinema(id, signal),
    }),
  hall: (id: string) =>
    queryOptions({ queryKey: [...staffKeys.halls(), 'one', id], queryFn: ({ signal }) => staff.hall(id, signal) }),
  /** A cinema's ticket types, inactive ones too. */
  ticketTypes: (cinemaId: string) =>
    queryOptions({
      queryKey: staffKeys.ticketTypes(cinemaId),
      queryFn: ({ signal }) => staff.ticketTypes(cinemaId, signal),
      staleTime: 0,
    }),
  /** A cinema's default price list per ticket type × seat type. */
  priceList: (cinemaId: string) =>
    queryOptions({
      queryKey: staffKeys.priceList(cinemaId),
      queryFn: ({ signal }) => staff.priceList(cinemaId, signal),
      staleTime: 0,
    }),
  /** A hall's saved default prices (none: null); read anew each time the form asks. */
  priceDefaults: (hallId: string) =>
    queryOptions({
      queryKey: ['staff', 'price-defaults', hallId],
      queryFn: ({ signal }) => staff.priceDefaults(hallId, signal),
      staleTime: 0,
    }),
  /** Every cinema (the cinema picker). */
  allCinemas: () =>
    queryOptions({
      queryKey: [...staffKeys.cinemas(), 'all'],
      queryFn: ({ signal }) => allPages((cursor) => staff.cinemas({ cursor }, signal)),
    }),
  cinemaPage: (cursor: string | undefined) =>
    queryOptions({
      queryKey: [...staffKeys.cinemas(), 'page', cursor ?? ''],
      queryFn: ({ signal }) => staff.cinemas({ limit: 25, cursor }, signal),
      staleTime: 0,
    }),
  /** Every movie, up to 500 (the schedule's movie picker). */
  allMovies: () =>
    queryOptions({
      queryKey: [...staffKeys.movies(), 'all'],
      queryFn: ({ signal }) => allPages((cursor) => staff.movies({ limit: 100, cursor }, signal), 500),
    }),
  moviePage: ({ q, cursor }: Search) =>
    queryOptions({
      queryKey: [...staffKeys.movies(), 'page', q, cursor ?? ''],
      queryFn: ({ signal }) => staff.movies({ q: q || undefined, limit: 20, cursor }, signal),
      staleTime: 0,
    }),
  peoplePage: ({ q, cursor }: Search) =>
    queryOptions({
      queryKey: [...staffKeys.people(), 'page', q, cursor ?? ''],
      queryFn: ({ signal }) => staff.people({ q: q || undefined, limit: 24, cursor }, signal),
      staleTime: 0,
    }),
  userPage: ({ q, cursor, role }: Search & { role: Role | '' }) =>
    queryOptions({
      queryKey: [...staffKeys.users(), 'page', q, role, cursor ?? ''],
      queryFn: ({ signal }) => staff.users({ q: q || undefined, role: role || undefined, limit: 25, cursor }, signal),
      staleTime: 0,
    }),
  halls: (cinemaId: string, options: { fresh?: boolean } = {}) =>
    queryOptions({
      queryKey: staffKeys.halls(cinemaId),
      queryFn: ({ signal }) => staff.halls(cinemaId, signal),
      ...(options.fresh && { staleTime: 0 }),
    }),
  /** A cinema's showtimes of `days` business days from `first` (`from`/`to`: their instants). */
  schedule: ({ cinemaId, first, days, from, to }: Range) =>
    queryOptions({
      queryKey: [...staffKeys.schedule(cinemaId), first, String(days)],
      queryFn: ({ signal }) => staff.showtimes({ cinemaId, from, to, status: 'all' }, signal),
      staleTime: 0,
    }),
  /**
   * One page of the sales report, with the offset it lists from. A page turn keeps the page shown
   * until the next one arrives (same range and cinema only: another filter's sums never stand in).
   */
  sales: (filter: SalesFilter) =>
    queryOptions({
      queryKey: [...staffKeys.sales(), filter.from, filter.to, filter.cinemaId ?? '', String(filter.offset)],
      queryFn: async ({ signal }) => ({ ...(await staff.sales(filter, signal)), offset: filter.offset }),
      placeholderData: (previous, query) => {
        const [, , from, to, cinemaId] = query?.queryKey ?? [];
        return from === filter.from && to === filter.to && cinemaId === (filter.cinemaId ?? '') ? previous : undefined;
      },
      staleTime: 0,
    }),
  /** The seat map as customers see it, kept live by the page (setQueryData). */
  seatMap: (showtimeId: string) =>
    queryOptions({
      queryKey: staffKeys.seatMap(showtimeId),
      queryFn: ({ signal }) => catalog.seats(showtimeId, signal),
      staleTime: 0,
    }),
  holders: (showtimeId: string) =>
    queryOptions({
      queryKey: ['staff', 'holders', showtimeId],
      queryFn: ({ signal }) => staff.seats(showtimeId, signal),
      staleTime: 0,
    }),
  report: (showtimeId: string) =>
    queryOptions({
      queryKey: ['staff', 'report', showtimeId],
      queryFn: ({ signal }) => staff.report(showtimeId, signal),
      staleTime: 0,
    }),
  /** The showtime's blocked seats (reason, who, when). */
  blocks: (showtimeId: string) =>
    queryOptions({
      queryKey: ['staff', 'blocks', showtimeId],
      queryFn: ({ signal }) => staff.blocks(showtimeId, signal),
      staleTime: 0,
    }),
  summary: (showtimeId: string) =>
    queryOptions({
      queryKey: ['staff', 'summary', showtimeId],
      queryFn: ({ signal }) => staff.summary(showtimeId, signal),
      staleTime: 0,
    }),
};
