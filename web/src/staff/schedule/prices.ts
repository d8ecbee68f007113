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
