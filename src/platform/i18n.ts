// The server's languages (issue 20): which ones a customer may choose, how a request names one, and
// how a module's own words, dates and money come out in it. Each module keeps its message catalog
// beside the code that uses it (`*.messages.ts`, made with `defineMessages`); test/i18n-catalogs.test.ts
// checks that every language has every key with the same placeholders. Messages use the web app's
// format: `{name}` placeholders, and a counted message holds its plural forms, picked by
// Intl.PluralRules from `count`.
import { formatMoney } from './money.ts';

export const LANGUAGES = ['en', 'de', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];
/** The locale each language formats dates and money with. */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };
export const DEFAULT_LANG: Lang = 'en';

export const isLang = (value: unknown): value is Lang => LANGUAGES.includes(value as Lang);

/** A stored or sent language as one we speak: English for anything else (an old row, a typo). */
export const langOf = (value: unknown): Lang => (isLang(value) ? value : DEFAULT_LANG);

/**
 * The supported language an Accept-Language header prefers most (`fr-CH;q=0.9, de;q=0.8` → fr), by
 * quality and then order; English when it names none we speak.
 */
export function bestLanguage(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { lang: Lang; q: number } | null = null;
  for (const part of value.split(',').slice(0, 50)) {
    const [tag = '', ...params] = part.trim().split(';');
    const base = tag.trim().slice(0, 2).toLowerCase();
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!isLang(base) || !(q > 0)) continue;
    if (!best || q > best.q) best = { lang: base, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}

/** Forms of a counted message by CLDR plural category; `other` is the one every language has. */
export type Plural = { readonly other: string } & { readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string };
export type Message = string | Plural;
export type Params = Record<string, string | number>;
/** What a translation of the English messages `E` must hold: every key, plural where English is. */
export type Translation<E> = { readonly [K in keyof E]: E[K] extends string ? string : Plural };

/** A piece of a said message: its own words, or a placeholder's value (HTML emails mark some up). */
export type Part = { text: string } | { param: string; text: string };

/** A module's words in every language, and the functions that say one of them. */
export interface Catalog<K extends string> {
  readonly name: string;
  readonly messages: Record<Lang, Record<string, Message>>;
  t(lang: Lang, key: K, params?: Params): string;
  /** The message as pieces, so that a caller can escape the words and mark up the values. */
  parts(lang: Lang, key: K, params?: Params): Part[];
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
const numberFormats = new Map<Lang, Intl.NumberFormat>();

function pluralForm(lang: Lang, message: Plural, count: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
  return message[rules.select(count)] ?? message.other;
}

function numberText(lang: Lang, value: number): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 20 })));
  return f.format(value);
}

/** The message with its plural form picked and `{name}` placeholders filled; a missing value stays visible. */
function sayParts(lang: Lang, message: Message, params: Params): Part[] {
  const text = typeof message === 'string' ? message : pluralForm(lang, message, Number(params.count));
  return text.split(/(\{\w+\})/).flatMap((piece): Part[] => {
    if (piece === '') return [];
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    const value = name === undefined ? undefined : params[name];
    if (name === undefined || value === undefined) return [{ text: piece }];
    return [{ param: name, text: typeof value === 'number' ? numberText(lang, value) : value }];
  });
}

/** A module's catalog: English defines the keys; German and French must have each (the type checks it). */
export function defineMessages<E extends Record<string, Message>>(
  name: string,
  en: E,
  others: { de: Translation<E>; fr: Translation<E> },
): Catalog<Extract<keyof E, string>> {
  const messages: Record<Lang, Record<string, Message>> = { en, de: others.de, fr: others.fr };
  const parts = (lang: Lang, key: string, params: Params = {}) =>
    sayParts(lang, messages[lang][key] ?? (en[key] as Message), params);
  return {
    name,
    messages,
    parts,
    t: (lang, key, params) =>
      parts(lang, key, params)
        .map((p) => p.text)
        .join(''),
  };
}

// Building an Intl formatter costs far more than formatting with one: one per shape, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone });
    } catch {
      // A zone this runtime does not know: UTC, said as such by the zone name.
      f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' });
    }
    dateFormats.set(key, f);
  }
  return f;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};
const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** An instant as the cinema's clock shows it, in the language: "Freitag, 18. Dezember 2026 um 20:30 MEZ". */
export function formatDateTime(at: Date, timeZone: string, lang: Lang): string {
  return dateFormat(lang, timeZone, DATE_TIME).format(at);
}

/** The day an instant falls on in the zone, in the language: "18 December 2026", "18. Dezember 2026". */
export function formatDate(at: Date, timeZone: string, lang: Lang): string {
  return dateFormat(lang, timeZone, DATE).format(at);
}

/** Minor units in the language's way: €12.50, 12,50 €, 12,50 € (platform/money.ts does the digits). */
export function formatMoneyIn(
  money: { amount: number; currency: string },
  lang: Lang,
  display: 'symbol' | 'code' = 'symbol',
): string {
  // English keeps money.ts's plain 'en' ($16.00, ¥1,800), which en-GB would write US$16.00, JP¥1,800.
  return formatMoney(money.amount, money.currency, { locale: lang === 'en' ? 'en' : LOCALES[lang], display });
}
