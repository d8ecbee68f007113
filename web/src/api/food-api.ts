// Issue 17's calls from the customer's side: a cinema's public menu and the food basket of a held
// booking (PUT …/food, for its owner or a guest with the booking's token). A paid order's pickup QR
// is an image at `food.pickupQrUrl` (a guest's: GET /guest/bookings/{id}/food/pickup.svg with the
// token, as a data URL). Shapes from the generated types (schema.d.ts).
import { guestToken } from './guest.ts';
import { client, data, problemOf } from './http.ts';
import type { Answer, Body, Booking } from './types.ts';

export type Menu = Answer<'/api/v1/cinemas/{id}/menu', 'get'>;
/** A product on a cinema's menu, with its sizes and a combo's slots priced there. */
export type MenuItem = Menu['items'][number];
/** One line of the basket as PUT …/food takes it. */
export type FoodLineInput = Body<'/api/v1/bookings/{id}/food', 'put'>['items'][number];
/** A booking's food order: its lines with what was collected and refunded, the pickup code once paid. */
export type FoodOrder = NonNullable<Booking['food']>;
export type FoodOrderItem = FoodOrder['items'][number];
/** A booking answer, with its food and the breakdown's tickets and food. */
export type FoodBooking = Booking;

export const food = {
  /** The public menu of a cinema, names in `lang`. */
  menu: (cinemaId: string, lang: string, signal?: AbortSignal) =>
    data(client.GET('/api/v1/cinemas/{id}/menu', { params: { path: { id: cinemaId }, query: { lang } }, signal })),
  /** Sets the whole food basket of a held booking (`[]` empties it); answers the booking. */
  setForCustomer: (bookingId: string, items: FoodLineInput[]) =>
    data(client.PUT('/api/v1/bookings/{id}/food', { params: { path: { id: bookingId } }, body: { items } })),
  setForGuest: (bookingId: string, items: FoodLineInput[]) =>
    data(
      client.PUT('/api/v1/guest/bookings/{id}/food', {
        params: { path: { id: bookingId } },
        headers: { 'booking-token': guestToken(bookingId) ?? '' },
        body: { items },
      }),
    ) as Promise<FoodBooking>,
  /** A guest's pickup QR fetched with the booking's token, as a data URL (nothing to revoke). */
  async guestPickupQr(bookingId: string): Promise<string> {
    const res = await fetch(`/api/v1/guest/bookings/${encodeURIComponent(bookingId)}/food/pickup.svg`, {
      headers: { 'booking-token': guestToken(bookingId) ?? '' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    if (!res.ok) throw await problemOf(res);
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(await res.text())}`;
  },
};
