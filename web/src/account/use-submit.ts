import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText, fieldErrors } from '../i18n/errors.ts';

/** Busy flag, a sentence for the error and the server's field errors for one form. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  async function run(...args: A): Promise<boolean> {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await action(...args);
      return true;
    } catch (err) {
      const byField = fieldErrors(err);
      setFields(byField);
      setError(errorText(err, t, lang));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, fields, run, setError };
}
