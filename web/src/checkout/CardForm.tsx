// The card form for the built-in test processor (the server's `test_card` provider). Checked as the customer goes; the server's
// answer decides. One Idempotency-Key per attempt: a retry after a lost answer reuses it, so a
// double submit can never pay twice; a changed card is a new attempt with a new key.
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../api/http.ts';
import type { Card, Outcome } from '../api/money-api.ts';
import type { Money } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import type { CustomerKey } from '../i18n/catalog.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import {
  type CardErrors,
  type CardInput,
  digitsOf,
  formatCardNumber,
  formatExpiry,
  parseExpiry,
  validateCard,
} from './card.ts';

const errorKeys: Record<keyof CardInput, Record<string, CustomerKey>> = {
  number: { required: 'card.numberRequired', invalid: 'card.numberInvalid' },
  expiry: { required: 'card.expiryRequired', invalid: 'card.expiryInvalid', expired: 'card.expired' },
  cvc: { required: 'card.cvcRequired', invalid: 'card.cvcInvalid' },
};

export interface CardFormProps<R> {
  total: Money;
  disabled: boolean;
  /** Pays with the card (a booking's, a guest's or a gift card order's call). */
  pay(card: Card, key: string): Promise<Outcome<R>>;
  onPaid(result: R): void;
  /** The provider has not finished (202): the caller waits for the settlement. */
  onPending?(): void;
  onExpired?(): void;
}

export function CardForm<R>({ total, disabled, onPaid, onPending, onExpired, pay }: CardFormProps<R>) {
  const { t, lang, money } = useI18n();
  const [input, setInput] = useState<CardInput>({ number: '', expiry: '', cvc: '' });
  const [touched, setTouched] = useState<Partial<Record<keyof CardInput, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<keyof CardInput, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const errors: CardErrors = validateCard(input, new Date());

  const errorFor = (field: keyof CardInput) => {
    if (serverErrors[field]) return serverErrors[field]!;
    const e = touched[field] ? errors[field] : undefined;
    return e ? t(errorKeys[field][e]!) : null;
  };

  function update(field: keyof CardInput, value: string) {
    setInput((prev) => ({
      ...prev,
      [field]:
        field === 'number'
          ? formatCardNumber(value)
          : field === 'expiry'
            ? formatExpiry(value, prev.expiry)
            : digitsOf(value).slice(0, 4),
    }));
    setServerErrors((s) => ({ ...s, [field]: undefined }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setTouched({ number: true, expiry: true, cvc: true });
    const first = (['number', 'expiry', 'cvc'] as const).find((f) => errors[f]);
    if (first) {
      document.getElementById(`card-${first}`)?.focus();
      return;
    }
    const exp = parseExpiry(input.expiry)!;
    const card = { number: digitsOf(input.number), expMonth: exp.month, expYear: exp.year, cvc: input.cvc.trim() };
    const body = JSON.stringify(card);
    if (!attempt.current || attempt.current.body !== body) attempt.current = { body, key: newIdempotencyKey() };
    setBusy(true);
    setFailure(null);
    try {
      const res = await pay(card, attempt.current.key);
      attempt.current = null;
      if ('done' in res) onPaid(res.done);
      else onPending?.();
    } catch (err) {
      // No answer at all: the same attempt may be retried with the same key. Any answer ends it.
      if (!(err instanceof ApiError && err.code === 'network_error')) attempt.current = null;
      setBusy(false);
      if (
        onExpired &&
        err instanceof ApiError &&
        (err.code === 'booking_expired' || err.code === 'booking_not_payable')
      ) {
        onExpired();
        return;
      }
      if (err instanceof ApiError && err.code === 'validation_failed' && err.problem.errors) {
        const byField: Partial<Record<keyof CardInput, string>> = {};
        for (const issue of err.problem.errors) {
          const field = /number/i.test(issue.path)
            ? 'number'
            : /exp/i.test(issue.path)
              ? 'expiry'
              : /cvc/i.test(issue.path)
                ? 'cvc'
                : null;
          if (field) byField[field] = t(errorKeys[field].invalid!);
        }
        if (Object.keys(byField).length > 0) {
          setServerErrors(byField);
          return;
        }
      }
      setFailure(errorText(err, t, lang));
      requestAnimationFrame(() => failureRef.current?.focus());
    }
  }

  return (
    <form className="card-form" onSubmit={submit} noValidate aria-labelledby="pay-title">
      <h2 id="pay-title">{t('checkout.payTitle')}</h2>
      <p className="muted small">{t('checkout.testCards')}</p>
      {failure && (
        <div ref={failureRef} tabIndex={-1} className="focus-target">
          <Notice tone="error" title={t('checkout.notPaid')}>
            {failure}
          </Notice>
        </div>
      )}
      <Field
        id="card-number"
        label={t('card.number')}
        inputMode="numeric"
        autoComplete="cc-number"
        placeholder="1234 1234 1234 1234"
        value={input.number}
        onChange={(e) => update('number', e.target.value)}
        onBlur={() => setTouched((s) => ({ ...s, number: true }))}
        error={errorFor('number')}
        disabled={disabled}
      />
      <div className="field-row">
        <Field
          id="card-expiry"
          label={t('card.expiry')}
          inputMode="numeric"
          autoComplete="cc-exp"
          placeholder={t('card.expiryPlaceholder')}
          value={input.expiry}
          onChange={(e) => update('expiry', e.target.value)}
          onBlur={() => setTouched((s) => ({ ...s, expiry: true }))}
          error={errorFor('expiry')}
          disabled={disabled}
        />
        <Field
          id="card-cvc"
          label={t('card.cvc')}
          inputMode="numeric"
          autoComplete="cc-csc"
          placeholder="123"
          value={input.cvc}
          onChange={(e) => update('cvc', e.target.value)}
          onBlur={() => setTouched((s) => ({ ...s, cvc: true }))}
          error={errorFor('cvc')}
          disabled={disabled}
        />
      </div>
      <Button type="submit" size="lg" className="block" busy={busy} disabled={disabled}>
        {busy ? t('checkout.paying') : t('checkout.pay', { amount: money(total) })}
      </Button>
    </form>
  );
}
