// Issue 18's calls from the customer's side: best available seats, and the waiting list of a
// sold-out showtime (join, own entries with their offers, leave; a guest's entry by its token).
import { client, data } from './http.ts';
import type { Answer } from './types.ts';

export type WaitlistEntry = Answer<'/api/v1/waitlist', 'get'>['items'][number];

export const waitlistApi = {
  bestSeats: (showtimeId: string, count: number) =>
    data(
      client.GET('/api/v1/showtimes/{id}/best-seats', {
        params: { path: { id: showtimeId }, query: { count } },
      }),
    ),
  join: (showtimeId: string, body: { seats: number; email?: string; name?: string }) =>
    data(client.POST('/api/v1/showtimes/{id}/waitlist', { params: { path: { id: showtimeId } }, body })),
  mine: (signal?: AbortSignal) => data(client.GET('/api/v1/waitlist', { signal })).then((a) => a.items),
  leave: (id: string) => data(client.DELETE('/api/v1/waitlist/{id}', { params: { path: { id } } })),
  /** A guest's entry by the token its join answered. */
  guestEntry: (id: string, token: string, signal?: AbortSignal) =>
    data(
      client.GET('/api/v1/guest/waitlist/{id}', {
        params: { path: { id } },
        headers: { authorization: `Waitlist ${token}` },
        signal,
      }),
    ),
  guestLeave: (id: string, token: string) =>
    data(
      client.DELETE('/api/v1/guest/waitlist/{id}', {
        params: { path: { id } },
        headers: { authorization: `Waitlist ${token}` },
      }),
    ),
};
