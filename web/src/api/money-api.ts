// Issue 16's calls from the customer's side: promo codes and gift cards on a held booking, the
// payment provider's settings and client-confirmed payments (Stripe's PaymentIntents), gift card
// orders and balances, receipts and credit notes. One set of booking calls per kind of owner: the
// signed-in customer (session cookie) or a guest (the booking's token, never in a URL).
import { guestToken } from './guest.ts';
import { client, data } from './http.ts';
import type { Answer, Body, Booking } from './types.ts';

export type PriceBreakdown = Booking['priceBreakdown'];
export type PaymentsConfig = Answer<'/api/v1/payments/config', 'get'>;
export type PaymentIntent = Answer<'/api/v1/bookings/{id}/payment-intents', 'post'>;
export type GiftCardOrder = Answer<'/api/v1/gift-cards/orders/{id}', 'get'>;
export type GiftCardOrderInput = Body<'/api/v1/gift-cards/orders', 'post'>;
export type GiftCardBalance = Answer<'/api/v1/gift-cards/balance', 'post'>;
export type CreditNote = Answer<'/api/v1/bookings/{id}/credit-notes', 'get'>['items'][number];
/** A booking answer, with its price breakdown. */
export type MoneyBooking = Booking;
export type Card = { number: string; expMonth: number; expYear: number; cvc: string };

/** A payment the provider has not finished yet (3-D Secure, a bank redirect): 202. */
export interface Pending {
  pending: true;
}
/** What paying answers: the settled booking (or order), or pending. */
export type Outcome<T> = { done: T } | Pending;

const v1 = '/api/v1';
const enc = encodeURIComponent;

/** The answer of a payment call, 201 (done) or 202 (pending, without the booking), as an Outcome. */
async function outcome<D, T>(
  call: Promise<{ data?: D; response: Response }>,
  pick: (d: D) => T | undefined,
): Promise<Outcome<T>> {
  const { data: body, response } = await call;
  const done = response.status === 202 || body === undefined ? undefined : pick(body);
  return done === undefined ? { pending: true } : { done };
}

export const payments = {
  config: (signal?: AbortSignal) => data(client.GET('/api/v1/payments/config', { signal })),
};

/** The money calls on one held booking, for its owner or for a guest with its token. */
export interface BookingMoney {
  get(): Promise<MoneyBooking>;
  applyPromo(code: string): Promise<MoneyBooking>;
  removePromo(): Promise<MoneyBooking>;
  applyGiftCard(code: string): Promise<MoneyBooking>;
  removeGiftCards(): Promise<MoneyBooking>;
  payCard(card: Card, idempotencyKey: string): Promise<Outcome<MoneyBooking>>;
  /** Settles a booking whose gift cards and discount cover it all. */
  payNothing(idempotencyKey: string): Promise<Outcome<MoneyBooking>>;
  startIntent(): Promise<PaymentIntent>;
  payIntent(paymentIntentId: string): Promise<Outcome<MoneyBooking>>;
}

type PayBody = Body<'/api/v1/bookings/{id}/payments', 'post'>;

export function customerMoney(id: string): BookingMoney {
  const params = { path: { id } };
  const pay = (body: PayBody, key?: string) =>
    outcome(
      client.POST('/api/v1/bookings/{id}/payments', {
        params: { path: { id }, header: key ? { 'idempotency-key': key } : undefined },
        body,
      }),
      (d) => ('booking' in d ? d.booking : undefined),
    );
  const get = () => data(client.GET('/api/v1/bookings/{id}', { params }));
  const startIntent = () => data(client.POST('/api/v1/bookings/{id}/payment-intents', { params }));
  return {
    get,
    applyPromo: (code) => data(client.POST('/api/v1/bookings/{id}/promo-code', { params, body: { code } })),
    removePromo: () => data(client.DELETE('/api/v1/bookings/{id}/promo-code', { params })),
    applyGiftCard: (code) => data(client.POST('/api/v1/bookings/{id}/gift-cards', { params, body: { code } })),
    removeGiftCards: () => data(client.DELETE('/api/v1/bookings/{id}/gift-cards', { params })),
    payCard: (card, key) => pay({ card }, key),
    payNothing: (key) => pay({}, key),
    startIntent,
    payIntent: (paymentIntentId) => pay({ paymentIntentId }),
  };
}

export function guestMoney(id: string): BookingMoney {
  const params = { path: { id } };
  const headers = () => ({ 'booking-token': guestToken(id) ?? '' });
  const pay = (body: PayBody, key?: string) =>
    outcome(
      client.POST('/api/v1/guest/bookings/{id}/payments', {
        params,
        headers: { ...headers(), ...(key && { 'idempotency-key': key }) },
        body,
      }),
      (d) => ('booking' in d ? d.booking : undefined),
    );
  const get = () =>
    data(client.GET('/api/v1/guest/bookings/{id}', { params, headers: headers() })) as Promise<MoneyBooking>;
  const startIntent = () =>
    data(client.POST('/api/v1/guest/bookings/{id}/payment-intents', { params, headers: headers() }));
  return {
    get,
    applyPromo: (code) =>
      data(client.POST('/api/v1/guest/bookings/{id}/promo-code', { params, headers: headers(), body: { code } })),
    removePromo: () => data(client.DELETE('/api/v1/guest/bookings/{id}/promo-code', { params, headers: headers() })),
    applyGiftCard: (code) =>
      data(client.POST('/api/v1/guest/bookings/{id}/gift-cards', { params, headers: headers(), body: { code } })),
    removeGiftCards: () =>
      data(client.DELETE('/api/v1/guest/bookings/{id}/gift-cards', { params, headers: headers() })),
    payCard: (card, key) => pay({ card }, key),
    payNothing: (key) => pay({}, key),
    startIntent,
    payIntent: (paymentIntentId) => pay({ paymentIntentId }),
  };
}

const order = (id: string) => ({ path: { id } });

export const giftCards = {
  order: (body: GiftCardOrderInput) => data(client.POST('/api/v1/gift-cards/orders', { body })),
  get: (id: string) => data(client.GET('/api/v1/gift-cards/orders/{id}', { params: order(id) })),
  payCard: (id: string, card: Card, key: string) =>
    outcome(
      client.POST('/api/v1/gift-cards/orders/{id}/payments', {
        params: { ...order(id), header: { 'idempotency-key': key } },
        body: { card },
      }),
      (d) => d.order,
    ),
  /** The order's PaymentIntent (the same answer as a booking's). */
  startIntent: (id: string) =>
    data(
      client.POST('/api/v1/gift-cards/orders/{id}/payment-intents', { params: order(id) }),
    ) as Promise<PaymentIntent>,
  payIntent: (id: string, paymentIntentId: string) =>
    outcome(
      client.POST('/api/v1/gift-cards/orders/{id}/payments', { params: order(id), body: { paymentIntentId } }),
      (d) => d.order,
    ),
  balance: (code: string) => data(client.POST('/api/v1/gift-cards/balance', { body: { code } })),
};

export const receipts = {
  pdfUrl: (bookingId: string) => `${v1}/bookings/${enc(bookingId)}/receipt.pdf`,
  /** A booking's credit notes (one per refund); a guest's with the booking's token. */
  creditNotes: async (bookingId: string, asGuest = false): Promise<CreditNote[]> => {
    const params = { path: { id: bookingId } };
    const page = asGuest
      ? await data(
          client.GET('/api/v1/guest/bookings/{id}/credit-notes', {
            params,
            headers: { 'booking-token': guestToken(bookingId) ?? '' },
          }),
        )
      : await data(client.GET('/api/v1/bookings/{id}/credit-notes', { params }));
    return page.items;
  },
  creditNotePdfUrl: (id: string) => `${v1}/credit-notes/${enc(id)}.pdf`,
  /** A guest's credit note, under its booking (for guest.fileUrl, which sends the booking's token). */
  guestCreditNoteFile: (id: string) => `credit-notes/${enc(id)}.pdf`,
  /** A paid gift card order's receipt (the order's own access: its buyer, or anyone with its id as a guest). */
  giftOrderPdfUrl: (orderId: string) => `${v1}/gift-cards/orders/${enc(orderId)}/receipt.pdf`,
};
