// What is left on a gift card: the code in, the last four characters, the balance and the end of
// its validity out (the server limits how often one may ask).
import { type FormEvent, useState } from 'react';
import { giftCards, type GiftCardBalance } from '../api/money-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';

export function BalanceCheck() {
  const { t, lang, money, date } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<GiftCardBalance | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!code.trim()) return setError(t('promo.required'));
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await giftCards.balance(code.trim()));
    } catch (err) {
      setError(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="balance-title">
      <h2 id="balance-title">{t('giftShop.balanceTitle')}</h2>
      <form className="code-field" onSubmit={submit} noValidate>
        <Field
          id="balance-code"
          label={t('giftShop.code')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error}
        />
        <Button type="submit" variant="secondary" busy={busy}>
          {t('giftShop.check')}
        </Button>
      </form>
      {result && (
        <div role="status" data-testid="gift-card-balance">
          <p>
            {result.status === 'active'
              ? t('giftShop.balance', { last4: result.last4, amount: money(result.balance) })
              : t('giftShop.void')}
          </p>
          {result.status === 'active' && result.expiresAt && (
            <p className="muted">{t('giftShop.balanceExpires', { date: date(result.expiresAt) })}</p>
          )}
        </div>
      )}
    </section>
  );
}
