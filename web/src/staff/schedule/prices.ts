// Prices typed as amounts ("12.50", "12,50") and kept as minor units in the currency's digits.
import { decimalAmount, minorDigits } from '../../i18n/format.ts';

/**
 * "12,50" → 1250 (EUR), "1800" → 1800 (JPY); null when it is not an amount, or has more decimals
 * than the currency (¥12.50 is no price: it would be rounded to ¥13 without anyone seeing it).
 */
export function toMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!m || (m[2] ?? '').length > digits) return null;
  const minor = Number(`${m[1]}${(m[2] ?? '').padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

export function fromMinor(minor: number | undefined, currency: string): string {
  return minor === undefined ? '' : decimalAmount(minor, currency);
}

/** A price grid as typed: ticket type code → seat type → the amount's text. */
export type PriceGridText = Record<string, Record<string, string>>;

/** A price list (minor units per ticket type × seat type) as the grid shows it. */
export function gridText(prices: Record<string, Partial<Record<string, number>>>, currency: string): PriceGridText {
  const out: PriceGridText = {};
  for (const [code, bySeat] of Object.entries(prices))
    out[code] = Object.fromEntries(Object.entries(bySeat).map(([seat, minor]) => [seat, fromMinor(minor, currency)]));
  return out;
}

/**
 * The grid as a price list: empty cells are left out (that type is not sold on that seat type);
 * `bad` names the cells (`code/seatType`) whose text is not an amount.
 */
export function gridPrices(
  text: PriceGridText,
  currency: string,
): { prices: Record<string, Record<string, number>>; bad: string[] } {
  const prices: Record<string, Record<string, number>> = {};
  const bad: string[] = [];
  for (const [code, bySeat] of Object.entries(text))
    for (const [seat, value] of Object.entries(bySeat)) {
      if (!value.trim()) continue;
      const minor = toMinor(value, currency);
      if (minor === null) bad.push(`${code}/${seat}`);
      else (prices[code] ??= {})[seat] = minor;
    }
  return { prices, bad };
}
