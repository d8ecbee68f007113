// The till's endpoints (box office counter) and their TanStack Query options, checked against the
// generated API types: tills per cinema, the caller's sessions (an admin's: every till's), sales,
// refunds and the close.
import { queryOptions } from '@tanstack/react-query';
import { client, data } from '../../api/http.ts';
import type { Answer, Body } from '../../api/types.ts';

export type Till = Answer<'/api/v1/cinemas/{id}/tills', 'get'>['items'][number];
export type TillSession = Answer<'/api/v1/till-sessions/{id}', 'get'>;
export type TillReport = TillSession['report'];
export type TillSale = Answer<'/api/v1/till-sessions/{id}/sales', 'post'>;
type SaleInput = Body<'/api/v1/till-sessions/{id}/sales', 'post'>;
const path = (id: string) => ({ params: { path: { id } } });

export const tillApi = {
  tills: (cinemaId: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/cinemas/{id}/tills', { ...path(cinemaId), signal })),
  createTill: (cinemaId: string, name: string) =>
    data(client.POST('/api/v1/cinemas/{id}/tills', { ...path(cinemaId), body: { name } })),
  sessions: (query: { status?: 'open' | 'closed'; tillId?: string }, signal?: AbortSignal) =>
    data(client.GET('/api/v1/till-sessions', { params: { query }, signal })),
  session: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/till-sessions/{id}', { ...path(id), signal })),
  open: (tillId: string, float: number) => data(client.POST('/api/v1/till-sessions', { body: { tillId, float } })),
  sell: (sessionId: string, body: SaleInput) =>
    data(client.POST('/api/v1/till-sessions/{id}/sales', { ...path(sessionId), body })),
  refund: (sessionId: string, bookingId: string) =>
    data(client.POST('/api/v1/till-sessions/{id}/refunds', { ...path(sessionId), body: { bookingId } })),
  close: (sessionId: string, countedCash: number) =>
    data(client.POST('/api/v1/till-sessions/{id}/close', { ...path(sessionId), body: { countedCash } })),
  receiptUrl: (saleId: string) => `/api/v1/till-sales/${encodeURIComponent(saleId)}/receipt.pdf`,
  thermalTicketsUrl: (bookingId: string) =>
    `/api/v1/bookings/${encodeURIComponent(bookingId)}/tickets.pdf?format=thermal`,
};

export const tillKeys = {
  all: () => ['staff', 'till'] as const,
  tills: (cinemaId: string) => ['staff', 'till', 'tills', cinemaId] as const,
  sessions: (status?: string) => ['staff', 'till', 'sessions', status ?? 'all'] as const,
  session: (id: string) => ['staff', 'till', 'session', id] as const,
};

export const tillQueries = {
  tills: (cinemaId: string) =>
    queryOptions({ queryKey: tillKeys.tills(cinemaId), queryFn: ({ signal }) => tillApi.tills(cinemaId, signal) }),
  /** The caller's open session, if any (staff have one at most). */
  openSessions: () =>
    queryOptions({
      queryKey: tillKeys.sessions('open'),
      queryFn: ({ signal }) => tillApi.sessions({ status: 'open' }, signal),
      staleTime: 0,
    }),
  history: () =>
    queryOptions({
      queryKey: tillKeys.sessions(),
      queryFn: ({ signal }) => tillApi.sessions({}, signal),
      staleTime: 0,
    }),
  session: (id: string) =>
    queryOptions({
      queryKey: tillKeys.session(id),
      queryFn: ({ signal }) => tillApi.session(id, signal),
      staleTime: 0,
    }),
};
