// The reader's language and the account's (issue 20). A signed-in customer's stored language
// (`language` of /session and /me) is the one every page shows, on every device; choosing another
// in the header's menu or the profile switches the page at once and stores it with PATCH /me. A
// visitor's choice is remembered on this device only (I18nProvider).
import { useCallback, useEffect } from 'react';
import { accounts } from '../api/endpoints.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { type Lang, LANGS, NATIVE_NAMES } from '../i18n/format.ts';
import { useSession } from './session.tsx';

/** Follows the signed-in user's stored language whenever who is signed in, or their language, changes. */
export function LanguageSync() {
  const { user } = useSession();
  const { setLang } = useI18n();
  const stored = user?.language;
  useEffect(() => {
    if (stored) setLang(stored);
  }, [user?.id, stored, setLang]);
  return null;
}

/**
 * Switches the page to `lang` at once; for a signed-in user also stores it (the answer replaces the
 * session's user). When the server refuses, the page goes back to the stored language and the
 * refusal is thrown.
 */
export function useChooseLanguage(): (lang: Lang) => Promise<void> {
  const { user, setUser } = useSession();
  const { setLang } = useI18n();
  return useCallback(
    async (lang: Lang) => {
      setLang(lang);
      if (!user || user.language === lang) return;
      try {
        setUser(await accounts.updateMe({ language: lang }));
      } catch (err) {
        setLang(user.language);
        throw err;
      }
    },
    [user, setUser, setLang],
  );
}

/** The header's menu: one button per language, named in that language (a refusal leaves the stored one). */
export function LanguageMenu({ label }: { label: string }) {
  const { lang } = useI18n();
  const choose = useChooseLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={label}>
      {LANGS.map((l) => (
        <button key={l} type="button" aria-pressed={lang === l} onClick={() => void choose(l).catch(() => {})} lang={l}>
          {l.toUpperCase()}
          <span className="visually-hidden"> {NATIVE_NAMES[l]}</span>
        </button>
      ))}
    </div>
  );
}
