// Prices arrive as Money (seats, bookings) or as minor units next to a currency (a showtime's
// prices by seat type); the app always works with Money.
import type { Money, Seat, Showtime } from './types.ts';

export function toMoney(value: Money | number | null | undefined, currency: string): Money | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? { amount: value, currency } : value;
}

export function sumMoney(values: Money[], currency: string): Money {
  return { amount: values.reduce((s, v) => s + v.amount, 0), currency: values[0]?.currency ?? currency };
}

/** The showtime's currency (its prices are minor units in it). */
export function currencyOf(showtime: Showtime | undefined, fallback = 'EUR'): string {
  return showtime?.currency ?? fallback;
}

/** A seat's price: its own when the seat map gives one, else the showtime's price for its type. */
export function seatPrice(seat: Pick<Seat, 'price' | 'type'>, showtime: Showtime | undefined): Money | null {
  const currency = currencyOf(showtime);
  return toMoney(seat.price, currency) ?? toMoney(showtime?.prices?.[seat.type], currency);
}
