// Money for people. Amounts travel as integers in the currency's minor units; how many digits a
// currency has is ISO 4217's answer (iso-4217.ts: 0 for JPY and KRW, 2 for EUR, USD and HUF, 3 for
// KWD and BHD), never an assumed 2 nor ICU's own idea. Emails, PDFs and CSV exports all format
// through here.
import { decimalAmount, minorDigits } from './iso-4217.ts';

export { decimalAmount, minorDigits };

const DEFAULT_LOCALE = 'en';
// Building an Intl.NumberFormat costs far more than formatting with one: one per shape, kept.
const formats = new Map<string, Intl.NumberFormat | null>();

export interface MoneyFormatOptions {
  /** BCP 47 locale of the reader; English when not given. */
  locale?: string;
  /** `symbol` (€12.50, ¥1,800) or `code` (EUR 12.50, JPY 1,800), for places that cannot draw every symbol. */
  display?: 'symbol' | 'code';
}

function numberFormat(locale: string, currency: string, display: 'symbol' | 'code'): Intl.NumberFormat | null {
  const key = `${locale}|${currency}|${display}`;
  let f = formats.get(key);
  if (f === undefined) {
    try {
      // The digits given, or ICU would round HUF and IDR to whole units and show IQD without its three.
      const digits = minorDigits(currency);
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        currencyDisplay: display,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      f = null;
    }
    formats.set(key, f);
  }
  return f;
}

/** Minor units for people, in the currency's own digits: 1250 EUR → "€12.50", 1800 JPY → "¥1,800", 1250 KWD → "KWD 1.250". */
export function formatMoney(minor: number, currency: string, options: MoneyFormatOptions = {}): string {
  const amount = decimalAmount(minor, currency);
  const f = numberFormat(options.locale ?? DEFAULT_LOCALE, currency, options.display ?? 'symbol');
  // The decimal string, not minor / 10^digits: Intl formats it exactly, with no float in between.
  return f ? f.format(amount as `${number}`) : `${amount} ${currency}`;
}
