// Issue 16's calls from the customer's side: promo codes and gift cards on a held booking, the
// payment provider's settings and client-confirmed payments (Stripe's PaymentIntents), gift card
// orders and balances, receipts and credit notes. One set of booking calls per kind of owner: the
// signed-in customer (session cookie) or a guest (the booking's token, never in a URL).
import { guestToken } from './guest.ts';
import { ApiError, problemOf } from './http.ts';
import type { Booking, Money } from './types.ts';

// The shapes of /work/agents/api-16.md until the server's schemas land in schema.d.ts.
export type PriceBreakdown = Booking['priceBreakdown'];
export interface PaymentsConfig {
  provider: 'test_card' | 'stripe';
  publishableKey: string | null;
  stripeJsUrl: string | null;
}
export interface PaymentIntent {
  paymentId: string;
  provider: string;
  clientSecret: string;
  publishableKey: string | null;
  amount: Money;
  status: string;
}
export interface GiftCardOrder {
  id: string;
  status: 'pending' | 'paid' | 'issued';
  amount: Money;
  recipientEmail: string;
  recipientName?: string | null;
  giftCard?: { id: string; last4: string; balance: Money } | null;
}
export interface GiftCardBalance {
  last4: string;
  balance: Money;
  expiresAt: string | null;
  status: string;
}
export interface CreditNote {
  id: string;
  number: string;
  receiptNumber: string;
  issuedAt: string;
  totals: { gross: Money };
}
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

interface Sent {
  status: number;
  body: unknown;
}

/** One call: JSON in and out, a refusal thrown as ApiError with the server's code. */
async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Sent> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  if (!res.ok) throw await problemOf(res);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

const json = async <T>(call: Promise<Sent>): Promise<T> => (await call).body as T;

/** The answer of a payment call, 201 (done) or 202 (pending), as an Outcome. */
async function outcome<T>(call: Promise<Sent>, pick: (body: never) => T): Promise<Outcome<T>> {
  const { status, body } = await call;
  return status === 202 ? { pending: true } : { done: pick(body as never) };
}

export const payments = {
  config: () => json<PaymentsConfig>(send('GET', `${v1}/payments/config`)),
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

function bookingMoney(base: string, auth: () => Record<string, string>): BookingMoney {
  const booking = (method: string, rest = '', body?: unknown) =>
    json<MoneyBooking>(send(method, `${base}${rest}`, body, auth()));
  const pay = (body: object, key?: string) =>
    outcome(
      send('POST', `${base}/payments`, body, { ...auth(), ...(key && { 'idempotency-key': key }) }),
      (d: { booking: MoneyBooking }) => d.booking,
    );
  return {
    get: () => booking('GET'),
    applyPromo: (code) => booking('POST', '/promo-code', { code }),
    removePromo: () => booking('DELETE', '/promo-code'),
    applyGiftCard: (code) => booking('POST', '/gift-cards', { code }),
    removeGiftCards: () => booking('DELETE', '/gift-cards'),
    payCard: (card, key) => pay({ card }, key),
    async payNothing(key) {
      try {
        return await pay({}, key);
      } catch (err) {
        // A server that wants a method: a client-confirmed provider settles nothing due on its intent.
        if (!(err instanceof ApiError && err.status === 422)) throw err;
        await send('POST', `${base}/payment-intents`, undefined, auth());
        const now = await booking('GET');
        return now.status === 'confirmed' ? { done: now } : { pending: true };
      }
    },
    startIntent: () => json<PaymentIntent>(send('POST', `${base}/payment-intents`, undefined, auth())),
    payIntent: (paymentIntentId) => pay({ paymentIntentId }),
  };
}

export const customerMoney = (id: string) => bookingMoney(`${v1}/bookings/${enc(id)}`, () => ({}));
export const guestMoney = (id: string) =>
  bookingMoney(`${v1}/guest/bookings/${enc(id)}`, () => ({ 'booking-token': guestToken(id) ?? '' }));

export interface GiftCardOrderInput {
  amount: Money;
  recipientEmail: string;
  recipientName?: string;
  message?: string;
  buyerEmail?: string;
}

export const giftCards = {
  order: (body: GiftCardOrderInput) => json<GiftCardOrder>(send('POST', `${v1}/gift-cards/orders`, body)),
  get: (orderId: string) => json<GiftCardOrder>(send('GET', `${v1}/gift-cards/orders/${enc(orderId)}`)),
  payCard: (orderId: string, card: Card, key: string) =>
    outcome(
      send('POST', `${v1}/gift-cards/orders/${enc(orderId)}/payments`, { card }, { 'idempotency-key': key }),
      orderOf,
    ),
  startIntent: (orderId: string) =>
    json<PaymentIntent>(send('POST', `${v1}/gift-cards/orders/${enc(orderId)}/payment-intents`)),
  payIntent: (orderId: string, paymentIntentId: string) =>
    outcome(send('POST', `${v1}/gift-cards/orders/${enc(orderId)}/payments`, { paymentIntentId }), orderOf),
  balance: (code: string) => json<GiftCardBalance>(send('POST', `${v1}/gift-cards/balance`, { code })),
};

/** A paid order's answer: the order itself, or wrapped as `{order}`. */
function orderOf(body: GiftCardOrder | { order: GiftCardOrder }): GiftCardOrder {
  return 'order' in body ? body.order : body;
}

export const receipts = {
  pdfUrl: (bookingId: string) => `${v1}/bookings/${enc(bookingId)}/receipt.pdf`,
  /** A booking's credit notes (one per refund); a guest's with the booking's token. */
  creditNotes: async (bookingId: string, asGuest = false): Promise<CreditNote[]> => {
    const base = asGuest ? `${v1}/guest/bookings` : `${v1}/bookings`;
    const headers: Record<string, string> = asGuest ? { 'booking-token': guestToken(bookingId) ?? '' } : {};
    const body = await json<{ items: CreditNote[] }>(
      send('GET', `${base}/${enc(bookingId)}/credit-notes`, undefined, headers),
    );
    return body.items;
  },
  creditNotePdfUrl: (id: string) => `${v1}/credit-notes/${enc(id)}.pdf`,
};
