// Issue 20's calls: which wallets are offered, and a ticket's Apple Wallet pass (a plain link for a
// signed-in customer; fetched with the token for a guest) and Google Wallet save link.
import { guest, guestToken } from './guest.ts';
import { client, data } from './http.ts';

export const walletApi = {
  offers: (signal?: AbortSignal) => data(client.GET('/api/v1/wallet', { signal })),
  /** The .pkpass of a signed-in customer's ticket (the session cookie opens it). */
  appleUrl: (ticketId: string) => `/api/v1/tickets/${encodeURIComponent(ticketId)}/wallet/apple`,
  googleUrl: (ticketId: string) =>
    data(client.GET('/api/v1/tickets/{id}/wallet/google', { params: { path: { id: ticketId } } })).then((a) => a.url),
  /** A guest's pass, fetched with the booking's token, as an object URL to download. */
  guestAppleUrl: (bookingId: string, ticketId: string) => guest.fileUrl(bookingId, `tickets/${ticketId}/wallet/apple`),
  guestGoogleUrl: (bookingId: string, ticketId: string) =>
    data(
      client.GET('/api/v1/guest/bookings/{id}/tickets/{ticketId}/wallet/google', {
        params: { path: { id: bookingId, ticketId } },
        headers: { 'booking-token': guestToken(bookingId) ?? '' },
      }),
    ).then((a) => a.url),
};
