// Prices arrive as Money or as minor units next to a currency; the app always works with Money.
import type { Money, Seat, Showtime } from './types.ts';

export function toMoney(value: Money | number | null | undefined, currency: string): Money | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? { amount: value, currency } : value;
}

export function sumMoney(values: Money[], currency: string): Money {
  return { amount: values.reduce((s, v) => s + v.amount, 0), currency: values[0]?.currency ?? currency };
}

/** The showtime's currency, however the server spells it. */
export function currencyOf(showtime: Showtime | undefined, fallback = 'EUR'): string {
  if (!showtime) return fallback;
  if (showtime.currency) return showtime.currency;
  const first = Object.values(showtime.prices ?? {})[0];
  return first && typeof first === 'object' ? first.currency : fallback;
}

/** A seat's price: its own when the seat map gives one, else the showtime's price for its type. */
export function seatPrice(seat: Pick<Seat, 'price' | 'type'>, showtime: Showtime | undefined): Money | null {
  const currency = currencyOf(showtime);
  return toMoney(seat.price, currency) ?? toMoney(showtime?.prices?.[seat.type], currency);
}
