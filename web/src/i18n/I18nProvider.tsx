// The reader's language: English, German or French, with `t()` for the catalog's messages
// (catalog.ts) and Intl formatting helpers bound to the language. The one hook of the whole app.
// A visitor starts in the language last chosen on this device, else the browser's first supported
// one; a signed-in customer's stored language wins (LanguageSync in app/language.tsx). Every API
// call carries the language (Accept-Language), and a change refetches what is on screen so catalog
// texts follow. Only English's words are in the first page's code: German and French are fetched
// (load.ts) before the page shows them, so a French first page shows nothing rather than English
// until its words are in, and a switch keeps the old language on screen until the new one's are.
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
import type { CustomerKey, MessageKey, Params, Translate } from './catalog.ts';
import { translate } from './catalog.ts';
import { addCatalog, isLoaded, loadLanguage, setWantedLanguage } from './load.ts';
import { en } from './messages-en.ts';

addCatalog({
  en,
  de: () => import('./messages-de.ts').then((m) => m.de),
  fr: () => import('./messages-fr.ts').then((m) => m.fr),
});
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
  setWantedLanguage(lang);
  // The page's language from the start, though its words may still be on their way (nothing shows till then).
  document.documentElement.lang = lang;
  return lang;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [first] = useState(initialLang);
  // The language on screen: null until the first one's words are in (nothing is shown till then).
  const [lang, setShown] = useState<Lang | null>(() => (isLoaded(first) ? first : null));
  const shown = useRef(lang);
  const wanted = useRef(first);
  useEffect(() => {
    if (lang) document.documentElement.lang = lang;
  }, [lang]);

  /** Fetches `next`'s words, then shows it unless another language was asked for meanwhile. */
  const show = useCallback(
    (next: Lang) => {
      wanted.current = next;
      setWantedLanguage(next);
      // Calls from now on ask for the new language (storing it on the account among them).
      setRequestLanguage(next);
      const apply = (to: Lang) => {
        if (wanted.current !== next) return;
        wanted.current = to;
        setWantedLanguage(to);
        setRequestLanguage(to);
        if (to === shown.current) return;
        const switching = shown.current !== null;
        shown.current = to;
        setShown(to);
        // Titles, synopses, ticket types and server texts on screen are in the old language.
        if (switching) void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      };
      // Words that cannot be fetched leave the language on screen (English on a first page).
      loadLanguage(next).then(
        () => apply(next),
        () => apply(shown.current ?? 'en'),
      );
    },
    [queryClient],
  );
  useEffect(() => {
    if (shown.current === null) show(first);
  }, [first, show]);

  const setLang = useCallback(
    (next: Lang) => {
      if (!LANGS.includes(next)) return;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {}
      if (next !== wanted.current) show(next);
    },
    [show],
  );
  const value = useMemo<I18n<MessageKey> | null>(
    () =>
      lang && {
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
      },
    [lang, setLang],
  );
  return value && <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
