// The one catalog of the app's words, per language: the customer's (messages-*.ts, English on the
// first page, German and French fetched when the reader needs them: load.ts) and the staff
// console's under `staff.` (staff-*.ts, added when the console loads, so the customer's first page
// does not carry them). Typed from the English files: an unknown key, a German file missing a key,
// a German placeholder English does not have or one it drops, or a missing parameter is a type
// error; customer pages' `t` takes customer keys only. A message that counts something holds its
// plural forms, chosen by Intl.PluralRules from `count`.
import { LANGS, LOCALES, type Lang } from './format.ts';
import type { en } from './messages-en.ts';
import type { staffAuditEn } from './staff-audit-en.ts';
import type { staffSecurityEn } from './staff-security-en.ts';
import type { staffEn } from './staff-en.ts';
import type { staffFoodEn } from './staff-food-en.ts';
import type { staffMoneyEn } from './staff-money-en.ts';
import type { staffWaitingEn } from './staff-waiting-en.ts';
import type { staffWebhooksEn } from './staff-webhooks-en.ts';

/** Forms of a counted message by CLDR plural category; `other` is the one every language has. */
export type Plural = { readonly other: string } & { readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string };
export type Message = string | Plural;

type English = typeof en &
  typeof staffEn &
  typeof staffMoneyEn &
  typeof staffFoodEn &
  typeof staffWaitingEn &
  typeof staffAuditEn &
  typeof staffSecurityEn &
  typeof staffWebhooksEn;
export type MessageKey = keyof English;
/** The customer's keys: customer pages can only name these (staff words load with the console). */
export type CustomerKey = keyof typeof en;
/** Loose parameters, for code that passes them along. */
export type Params = Record<string, string | number>;

type Forms<M> = M extends string ? M : M[keyof M];
type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
/** The parameters a message needs: its placeholders, and a numeric `count` for plural forms. */
export type ParamsOf<K extends MessageKey> = (English[K] extends string ? unknown : { count: number }) & {
  [P in Placeholders<Forms<English[K]>>]: P extends 'count' ? number : string | number;
};
// Per key, so that a key only known as a union (a lookup table's value) is checked loosely.
type ArgsOf<K extends MessageKey> = K extends MessageKey
  ? keyof ParamsOf<K> extends never
    ? [params?: Params]
    : [params: ParamsOf<K>]
  : never;

/**
 * `t('seats.total', { count: 3 })`: the reader's words, parameters checked against English; `Keys`
 * narrows the keys it takes (CustomerKey on customer pages).
 */
export type Translate<Keys extends MessageKey = MessageKey> = <K extends Keys>(key: K, ...args: ArgsOf<K>) => string;

/** What a translation of `E` must hold: every key, plural where English is. */
export type Translation<E> = { readonly [K in keyof E]: E[K] extends string ? string : Plural };
/** Keys whose German text has a placeholder the English does not: must be `never`. */
export type UnknownPlaceholders<E, D> = {
  [K in keyof D & keyof E]: [Exclude<Placeholders<Forms<D[K]>>, Placeholders<Forms<E[K]>> | 'count'>] extends [never]
    ? never
    : K;
}[keyof D & keyof E];
type OtherForm<M> = M extends string ? M : M extends { readonly other: infer O } ? O : never;
/**
 * Keys whose German text drops a placeholder the English has (its `other` form, the one most
 * counts take, must hold every one; `one` may say "ein Platz"): must be `never`.
 */
export type DroppedPlaceholders<E, D> = {
  [K in keyof D & keyof E]: [Exclude<Placeholders<Forms<E[K]>>, Placeholders<OtherForm<D[K]>>>] extends [never]
    ? never
    : K;
}[keyof D & keyof E];
/** Compiles only when `T` is `never` (for the checks above). */
export type Checked<T extends never> = T;

const catalogs: Record<Lang, Map<string, Message>> = { en: new Map(), de: new Map(), fr: new Map() };

/**
 * Adds messages to the catalogs of the languages given (load.ts adds each language's part when it
 * arrives; the staff console adds its own when it loads).
 */
export function addMessages(messages: Partial<Record<Lang, Record<string, Message>>>): void {
  for (const lang of LANGS)
    for (const [key, message] of Object.entries(messages[lang] ?? {})) catalogs[lang].set(key, message);
}

const rules = new Map<Lang, Intl.PluralRules>();
const numbers = new Map<Lang, Intl.NumberFormat>();
function pluralRules(lang: Lang): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(LOCALES[lang])));
  return r;
}
function numberFormat(lang: Lang): Intl.NumberFormat {
  let f = numbers.get(lang);
  if (!f) numbers.set(lang, (f = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 20 })));
  return f;
}

/** The plural form for `count` in `lang`, `other` when the message lacks that category. */
export function pluralForm(lang: Lang, message: Plural, count: number): string {
  return message[pluralRules(lang).select(count)] ?? message.other;
}

/**
 * The message in `lang` (English when the language lacks it, the key itself when nobody has it),
 * its plural form picked by `count` and `{name}` placeholders filled; numbers are written the
 * language's way. A placeholder without a value stays visible rather than vanish.
 */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const message = catalogs[lang].get(key) ?? catalogs.en.get(key);
  if (message === undefined) return key;
  const text = typeof message === 'string' ? message : pluralForm(lang, message, Number(params.count));
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(lang).format(value) : value;
  });
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
const formsOf = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m));

/**
 * Keys whose translation has a placeholder English lacks (`count` aside), or drops one English has
 * from its only or `other` form: the runtime twin of UnknownPlaceholders and DroppedPlaceholders.
 */
export function placeholderMismatches(english: Record<string, Message>, other: Record<string, Message>): string[] {
  const out: string[] = [];
  for (const [key, message] of Object.entries(other)) {
    const reference = english[key];
    if (reference === undefined) continue;
    const wanted = new Set(formsOf(reference).flatMap((f) => [...placeholders(f)]));
    const main = placeholders(typeof message === 'string' ? message : message.other);
    const used = new Set(formsOf(message).flatMap((f) => [...placeholders(f)]));
    if ([...wanted].some((p) => !main.has(p)) || [...used].some((p) => p !== 'count' && !wanted.has(p))) out.push(key);
  }
  return out;
}

/** Per language, the keys another language has and it lacks (the types say so too; this checks what loaded). */
export function missingKeys(): Record<Lang, string[]> {
  const all = new Set(LANGS.flatMap((l) => [...catalogs[l].keys()]));
  const lacking = (lang: Lang) => [...all].filter((k) => !catalogs[lang].has(k));
  return { en: lacking('en'), de: lacking('de'), fr: lacking('fr') };
}
