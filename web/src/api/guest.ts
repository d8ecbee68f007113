// Guest checkout's calls: a booking made with an email address and a name, then managed with its
// management token (sent as the Booking-Token header, never in a URL). The token is kept for this tab
// only (sessionStorage), so it leaves no trace in history, logs or Referer headers.
import { admissionHeaders } from '../waiting-room/admission.ts';
import { client, data, languageHeader, problemOf } from './http.ts';
import type { Booking } from './types.ts';

const storageKey = (bookingId: string) => `marquee.guest.${bookingId}`;

/** The token of a guest booking this tab knows, if any. */
export const guestToken = (bookingId: string): string | null => sessionStorage.getItem(storageKey(bookingId));
export const rememberGuestToken = (bookingId: string, token: string) =>
  sessionStorage.setItem(storageKey(bookingId), token);

const auth = (bookingId: string) => ({ 'booking-token': guestToken(bookingId) ?? '' });
const path = (id: string) => ({ path: { id } });

export const guest = {
  /**
   * Holds the seats as a guest (bare seat ids: the default ticket type; else each with its type);
   * remembers the management token the answer shows once.
   */
  async hold(
    showtimeId: string,
    seats: { seatIds: string[] } | { seats: { seatId: string; ticketType: string }[] },
    email: string,
    name: string,
  ): Promise<Booking> {
    const created = await data(
      client.POST('/api/v1/guest/bookings', {
        body: { showtimeId, ...seats, email, name },
        headers: admissionHeaders(showtimeId),
      }),
    );
    const { managementToken, ...booking } = created;
    rememberGuestToken(booking.id, managementToken);
    return booking as Booking;
  },
  get: (id: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/guest/bookings/{id}', { params: path(id), headers: auth(id), signal })),
  pay: (id: string, card: { number: string; expMonth: number; expYear: number; cvc: string }) =>
    data(client.POST('/api/v1/guest/bookings/{id}/payments', { params: path(id), headers: auth(id), body: { card } })),
  cancel: (id: string) =>
    data(client.POST('/api/v1/guest/bookings/{id}/cancel', { params: path(id), headers: auth(id), body: {} })),
  release: (id: string) => data(client.DELETE('/api/v1/guest/bookings/{id}', { params: path(id), headers: auth(id) })),
  /** A file of the booking (PDF, QR code) fetched with the token, as an object URL for a link or image. */
  async fileUrl(id: string, rest: string): Promise<string> {
    const res = await fetch(`/api/v1/guest/bookings/${encodeURIComponent(id)}/${rest}`, {
      headers: { ...auth(id), ...languageHeader() },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (!res.ok) throw await problemOf(res);
    return URL.createObjectURL(await res.blob());
  },
};
