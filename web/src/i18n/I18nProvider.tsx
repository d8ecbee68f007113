// The reader's language: English or German, remembered, with `t()` for the catalog's messages
// (catalog.ts) and Intl formatting helpers bound to the language. The one hook of the whole app.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Money } from '../api/types.ts';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDuration,
  formatMoney,
  formatTime,
  languageName,
  type Lang,
  type MoneyOptions,
} from './format.ts';
import { addMessages, type CustomerKey, type MessageKey, type Params, type Translate, translate } from './catalog.ts';
import { de } from './messages-de.ts';
import { en } from './messages-en.ts';

addMessages({ en, de });
const STORAGE_KEY = 'marquee.lang';

/** The language and its helpers; `t` takes customer keys unless the staff words are loaded (staff.ts). */
export interface I18n<Keys extends MessageKey = CustomerKey> {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate<Keys>;
  money(m: Money, options?: MoneyOptions): string;
  time(iso: string, timeZone?: string): string;
  day(iso: string, timeZone?: string): string;
  dateTime(iso: string, timeZone?: string): string;
  date(isoDate: string): string;
  duration(minutes: number): string;
  language(code: string): string;
}

const Ctx = createContext<I18n<MessageKey> | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'de') return saved;
  } catch {}
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {}
  }, []);
  const value = useMemo<I18n<MessageKey>>(
    () => ({
      lang,
      setLang,
      t: ((key: string, params?: Params) => translate(lang, key, params)) as Translate,
      money: (m, options) => formatMoney(m, lang, options),
      time: (iso, tz) => formatTime(iso, tz, lang),
      day: (iso, tz) => formatDay(iso, tz, lang),
      dateTime: (iso, tz) => formatDateTime(iso, tz, lang),
      date: (d) => formatDate(d, lang),
      duration: (m) => formatDuration(m, lang),
      language: (code) => languageName(code, lang),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
