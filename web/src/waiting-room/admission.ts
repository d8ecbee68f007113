// The waiting room on the customer's side (issue 18): whether a showtime is guarded, joining, one's
// place, and the admission token kept for this tab until it expires; holds send it as the
// Waiting-Room-Token header (api/endpoints.ts, api/guest.ts).
import { client, data, serverNow } from '../api/http.ts';
import type { Answer } from '../api/types.ts';

export type Visit = Answer<'/api/v1/showtimes/{id}/waiting-room/visits/current', 'get'>;
const key = (showtimeId: string) => `marquee.wr.${showtimeId}`;
const path = (id: string) => ({ path: { id } });

export const waitingRoom = {
  status: (showtimeId: string) => data(client.GET('/api/v1/showtimes/{id}/waiting-room', { params: path(showtimeId) })),
  join: (showtimeId: string, email?: string) =>
    data(
      client.POST('/api/v1/showtimes/{id}/waiting-room/visits', {
        params: path(showtimeId),
        body: email ? { email } : {},
      }),
    ),
  current: (showtimeId: string) =>
    data(client.GET('/api/v1/showtimes/{id}/waiting-room/visits/current', { params: path(showtimeId) })),
  eventsUrl: (showtimeId: string) => `/api/v1/showtimes/${encodeURIComponent(showtimeId)}/waiting-room/events`,
};

/** Keeps an admitted visit's token for this tab. */
export function rememberAdmission(visit: Visit): void {
  if (visit.admission) sessionStorage.setItem(key(visit.showtimeId), JSON.stringify(visit.admission));
}

/** The admission token of this showtime while it lasts, else null. */
export function admissionToken(showtimeId: string): string | null {
  try {
    const raw = sessionStorage.getItem(key(showtimeId));
    const a = raw ? (JSON.parse(raw) as { token: string; expiresAt: string }) : null;
    return a && Date.parse(a.expiresAt) > serverNow() ? a.token : null;
  } catch {
    return null;
  }
}

/** The header a hold of this showtime sends (none without a token). */
export function admissionHeaders(showtimeId: string): { 'waiting-room-token'?: string } {
  const token = admissionToken(showtimeId);
  return token ? { 'waiting-room-token': token } : {};
}
