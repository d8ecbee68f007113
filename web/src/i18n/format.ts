// Dates, times and money through Intl: always in the cinema's time zone and currency, in the
// reader's language. Formatters are costly to build, so they are kept. A currency's digits are ISO
// 4217's, from the server's own table (one source, bundled), never ICU's.
import { decimalAmount, minorDigits } from '../../../src/platform/iso-4217.ts';
import type { Money } from '../api/types.ts';

export { decimalAmount, minorDigits };

export type Lang = 'en' | 'de' | 'fr';
/** Every language the app speaks, English (the reference and the fallback) first. */
export const LANGS: readonly Lang[] = ['en', 'de', 'fr'];
export const LOCALES: Record<Lang, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };
/** Each language's name in itself, for the language menu (read by whoever speaks it). */
export const NATIVE_NAMES: Record<Lang, string> = { en: 'English', de: 'Deutsch', fr: 'Français' };

/** A language code the app speaks, or null: for stored, typed or negotiated values. */
export function asLang(code: unknown): Lang | null {
  return LANGS.find((l) => l === code) ?? null;
}

/** The first of the browser's languages (navigator.languages) the app speaks ('fr-CA' → 'fr'), else English. */
export function browserLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const lang = asLang(tag.toLowerCase().split('-')[0]);
    if (lang) return lang;
  }
  return 'en';
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | undefined>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

export interface MoneyOptions {
  /** Whole amounts without their zero decimals (€1,200 rather than €1,200.00), for tight places such as chart labels. */
  short?: boolean;
  /**
   * For lists that mix cinemas (my bookings, staff sales): the symbol the reader's locale keeps apart
   * from other dollars and yens (US$16.00, CA$16.00, JP¥1,800 in English; 16,00 $ and 16,00 CA$ in
   * German) instead of the narrow one a cinema's own pages use.
   */
  mixed?: boolean;
}

function moneyFormat(locale: string, currency: string, short: boolean, mixed: boolean): Intl.NumberFormat | null {
  const key = `m|${locale}|${currency}|${short}|${mixed}`;
  if (cache.has(key)) return (cache.get(key) as Intl.NumberFormat | undefined) ?? null;
  let f: Intl.NumberFormat | undefined;
  try {
    // The digits given, or ICU would round HUF and IDR to whole units and show IQD without its three.
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      // "$" in a New York cinema rather than "US$": each cinema shows one currency, read by its locals.
      currencyDisplay: mixed ? 'symbol' : 'narrowSymbol',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(short ? { trailingZeroDisplay: 'stripIfInteger' as const } : {}),
    });
  } catch {
    // A code Intl refuses (a staff member still typing one): shown as a plain decimal and the code.
  }
  cache.set(key, f);
  return f ?? null;
}

/** Minor units to a display amount in the currency's own digits: €12.50, 12,50 €, ¥1,800, KWD 1.250. */
export function formatMoney(money: Money, lang: Lang, options: MoneyOptions = {}): string {
  const amount = decimalAmount(money.amount, money.currency);
  const f = moneyFormat(LOCALES[lang], money.currency, options.short ?? false, options.mixed ?? false);
  // The decimal string rather than a division: Intl formats it exactly.
  return f ? f.format(amount as `${number}`) : `${amount} ${money.currency}`;
}

/** `18:30` in the cinema's zone. */
export function formatTime(iso: string, timeZone: string | undefined, lang: Lang): string {
  return dateFormat(LOCALES[lang], { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** `Friday, 4 December` in the cinema's zone. */
export function formatDay(iso: string, timeZone: string | undefined, lang: Lang): string {
  return dateFormat(LOCALES[lang], { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
}

/** A day tab in the cinema's zone: `Fri` over `4 Dec` in English, `Fr.` over `04.12.` in German, `ven.` over `4 déc.` in French. */
export function formatDayTab(iso: string, timeZone: string | undefined, lang: Lang): { weekday: string; date: string } {
  const d = new Date(iso);
  const date =
    lang === 'de'
      ? { day: '2-digit' as const, month: '2-digit' as const }
      : { day: 'numeric' as const, month: 'short' as const };
  return {
    weekday: dateFormat(LOCALES[lang], { timeZone, weekday: 'short' }).format(d),
    date: dateFormat(LOCALES[lang], { timeZone, ...date }).format(d),
  };
}

/** `Fri 4 Dec, 18:30` in the cinema's zone. */
export function formatDateTime(iso: string, timeZone: string | undefined, lang: Lang): string {
  return dateFormat(LOCALES[lang], {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** `4 December 2026` for dates without a zone (release dates). */
export function formatDate(isoDate: string, lang: Lang): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? new Date(`${isoDate}T12:00:00Z`) : new Date(isoDate);
  return dateFormat(LOCALES[lang], { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone: the key showtimes are grouped by. */
export function dayKey(iso: string, timeZone: string | undefined): string {
  return dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** `2 h 5 min` / `2 Std. 5 Min.` / `2 h 5 min` (French writes it as English does). */
export function formatDuration(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const unit = lang === 'de' ? ['Std.', 'Min.'] : ['h', 'min'];
  return h > 0 ? `${h} ${unit[0]}${m > 0 ? ` ${m} ${unit[1]}` : ''}` : `${m} ${unit[1]}`;
}

/** A distance in km with one decimal in the reader's language: `2.5` / `2,5` (the unit is the message's). */
export function formatDistanceKm(km: number, lang: Lang): string {
  const key = `k|${lang}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    cache.set(key, f);
  }
  return f.format(km);
}

/** `mm:ss` for countdowns. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** `en` → `English` / `Englisch`; anything that is not a language code is shown as given. */
export function languageName(code: string, lang: Lang): string {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code)) return code;
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
