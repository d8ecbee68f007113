// Shared steps of the payment suites: hold seats, pay with a test card, sign webhook bodies.
import type { TestUser } from '../support/factories.ts';
import type { TestApp, TestResponse } from '../support/test-app.ts';

export const CARDS = {
  ok: '4242424242424242',
  declined: '4000000000000002',
  insufficient: '4000000000009995',
  otherValid: '5555555555554444',
  luhnBad: '4242424242424241',
} as const;

export const card = (number: string = CARDS.ok) => ({
  number,
  expMonth: 12,
  expYear: new Date().getUTCFullYear() + 3,
  cvc: '123',
});

export async function hold(t: TestApp, user: TestUser, showtimeId: string, seatIds: string[]): Promise<any> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/bookings',
    token: user.token,
    payload: { showtimeId, seatIds },
  });
  if (res.status !== 201) throw new Error(`hold failed: ${res.status} ${res.text}`);
  return res.body;
}

export function pay(
  t: TestApp,
  user: TestUser,
  bookingId: string,
  options: { number?: string; key?: string } = {},
): Promise<TestResponse> {
  return t.request({
    method: 'POST',
    url: `/api/v1/bookings/${bookingId}/payments`,
    token: user.token,
    payload: { card: card(options.number) },
    headers: options.key ? { 'idempotency-key': options.key } : {},
  });
}

/** Holds the seats and pays; the 201 body. */
export async function buy(t: TestApp, user: TestUser, showtimeId: string, seatIds: string[]): Promise<any> {
  const booking = await hold(t, user, showtimeId, seatIds);
  const res = await pay(t, user, booking.id);
  if (res.status !== 201) throw new Error(`payment failed: ${res.status} ${res.text}`);
  return res.body;
}

export function cancel(t: TestApp, user: TestUser, bookingId: string, ticketIds?: string[]): Promise<TestResponse> {
  return t.request({
    method: 'POST',
    url: `/api/v1/bookings/${bookingId}/cancel`,
    token: user.token,
    payload: ticketIds ? { ticketIds } : {},
  });
}

export function checkIn(t: TestApp, staff: TestUser, code: string): Promise<TestResponse> {
  return t.request({ method: 'POST', url: '/api/v1/checkins', token: staff.token, payload: { code } });
}

/** The charges the test processor holds, by our payment id. */
export async function processorCharges(t: TestApp) {
  return t.app.platform.database.db.selectFrom('test_processor_charges').selectAll().execute();
}
