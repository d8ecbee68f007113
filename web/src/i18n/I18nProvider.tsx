// The reader's language: English, German or French, with `t()` for the catalog's messages
// (catalog.ts) and Intl formatting helpers bound to the language. The one hook of the whole app.
// A visitor starts in the language last chosen on this device, else the browser's first supported
// one; a signed-in customer's stored language wins (LanguageSync in app/language.tsx). Every API
// call carries the language (Accept-Language), and a change refetches what is on screen so catalog
// texts follow.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { setRequestLanguage } from '../api/http.ts';
import type { Money } from '../api/types.ts';
import {
  formatDate,
  formatDateTime,
  formatDay,
  formatDuration,
  formatMoney,
  formatTime,
  LANGS,
  languageName,
  asLang,
  browserLang,
  type Lang,
  type MoneyOptions,
} from './format.ts';
import { addMessages, type CustomerKey, type MessageKey, type Params, type Translate, translate } from './catalog.ts';
import { de } from './messages-de.ts';
import { en } from './messages-en.ts';
import { fr } from './messages-fr.ts';

addMessages({ en, de, fr });
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
  let lang: Lang | null = null;
  try {
    lang = asLang(localStorage.getItem(STORAGE_KEY));
  } catch {}
  lang ??= browserLang(navigator.languages?.length ? navigator.languages : [navigator.language]);
  setRequestLanguage(lang);
  return lang;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [lang, setLangState] = useState<Lang>(initialLang);
  const current = useRef(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback(
    (next: Lang) => {
      if (!LANGS.includes(next)) return;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {}
      if (next === current.current) return;
      current.current = next;
      setRequestLanguage(next);
      setLangState(next);
      // Titles, synopses, ticket types and server texts on screen are in the old language.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
    [queryClient],
  );
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
