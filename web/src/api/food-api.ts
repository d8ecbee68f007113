// Issue 17's calls from the customer's side: a cinema's public menu, the food basket of a held
// booking (PUT …/food, for its owner or a guest with the booking's token) and the pickup QR code of
// a paid food order (a guest's is GET /guest/bookings/{id}/food/pickup.svg, through guest.fileUrl).
import { guestToken } from './guest.ts';
import { ApiError, problemOf } from './http.ts';
import type { Booking, Money } from './types.ts';

/** One size of a menu item at this cinema, with its price there. */
export interface MenuVariant {
  variantId: string;
  code: string;
  name: string;
  price: Money;
  available: boolean;
}
export interface MenuChoice {
  variantId: string;
  productId: string;
  name: string;
  surcharge: Money;
  available: boolean;
}
export interface MenuSlot {
  slotId: string;
  name: string;
  quantity: number;
  choices: MenuChoice[];
}
/** A product on a cinema's menu (GET /cinemas/{id}/menu). */
export interface MenuItem {
  productId: string;
  kind: 'item' | 'combo';
  category: string;
  name: string;
  description?: string | null;
  imageUrl: string | null;
  allergens: string[];
  dietary: string[];
  variants: MenuVariant[];
  slots: MenuSlot[];
}
export interface Menu {
  cinemaId: string;
  currency: string;
  items: MenuItem[];
}

/** One line of the basket as PUT …/food takes it. */
export interface FoodLineInput {
  variantId: string;
  quantity: number;
  choices?: { slotId: string; variantId: string }[];
}

/** A line of a booking's food order; collected and refunded may be counts or flags. */
export interface FoodOrderItem {
  lineId: string;
  productId: string;
  variantId: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
  choices: { slotId: string; variantId: string; name: string }[];
  collected: number | boolean;
  refunded: number | boolean;
}
export interface FoodOrder {
  id: string;
  status: 'held' | 'paid' | 'cancelled' | 'refunded';
  cinemaId: string;
  pickupCode: string | null;
  pickupQrUrl: string | null;
  items: FoodOrderItem[];
  total: Money;
  collectedAt: string | null;
}

/** A booking answer with issue 17's additions (until the generated types carry them). */
export type FoodBooking = Booking & {
  food?: FoodOrder | null;
  priceBreakdown: Booking['priceBreakdown'] & { tickets?: Money; food?: Money };
};

async function json<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch(() => null);
  if (!res) throw new ApiError({ status: 0, code: 'network_error' });
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as T;
}

const enc = encodeURIComponent;

export const food = {
  /** The public menu of a cinema, names in `lang`. */
  menu: (cinemaId: string, lang: string) => json<Menu>('GET', `/api/v1/cinemas/${enc(cinemaId)}/menu?lang=${lang}`),
  /** Sets the whole food basket of a held booking (`[]` empties it); answers the booking. */
  setForCustomer: (bookingId: string, items: FoodLineInput[]) =>
    json<FoodBooking>('PUT', `/api/v1/bookings/${enc(bookingId)}/food`, { items }),
  setForGuest: (bookingId: string, items: FoodLineInput[]) =>
    json<FoodBooking>(
      'PUT',
      `/api/v1/guest/bookings/${enc(bookingId)}/food`,
      { items },
      {
        'booking-token': guestToken(bookingId) ?? '',
      },
    ),
};
