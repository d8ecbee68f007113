// Money for people. Amounts travel as integers in the currency's minor units; how many digits a
// currency has is ISO 4217's answer as the runtime's ICU knows it (0 for JPY and KRW, 2 for EUR and
// USD, 3 for KWD and BHD), never an assumed 2. Emails, PDFs and CSV exports all format through here.

const DEFAULT_LOCALE = 'en';
const digitsByCurrency = new Map<string, number>();
// Building an Intl.NumberFormat costs far more than formatting with one: one per shape, kept.
const formats = new Map<string, Intl.NumberFormat | null>();

/** Digits after the decimal point in a currency's amounts: JPY 0, EUR 2, KWD 3 (2 for a code Intl refuses). */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Minor units as a plain decimal in the currency's own digits: 1250 EUR → "12.50", 1250 JPY → "1250", 1250 KWD → "1.250". */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(digits, '0')}`;
}

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
      f = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display });
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
