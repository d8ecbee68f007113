// A promo code and gift cards on a held booking, before paying: each applied at once on the server
// (a promo code counts one use, a gift card's amount is taken off its balance and held), each
// removable (the use and the balance go back). The booking's answer carries the new breakdown.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/http.ts';
import type { BookingMoney, MoneyBooking } from '../api/money-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import './money.css';

interface CodeFormsProps {
  booking: MoneyBooking;
  api: BookingMoney;
  disabled: boolean;
  onChange(booking: MoneyBooking): void;
  onExpired(): void;
}

export function CodeForms({ booking, api, disabled, onChange, onExpired }: CodeFormsProps) {
  const { t, money } = useI18n();
  const breakdown = booking.priceBreakdown;
  const discount = breakdown?.discount ?? null;
  const giftCards = breakdown?.giftCards.amount ?? 0;
  const due = breakdown?.due.amount ?? booking.total.amount;
  return (
    <div className="code-forms">
      {discount ? (
        <Applied
          text={t('promo.applied', { code: discount.code, amount: money(discount.amount) })}
          removeLabel={t('promo.remove')}
          remove={api.removePromo}
          onChange={onChange}
          onExpired={onExpired}
          disabled={disabled}
        />
      ) : (
        <CodeField
          id="promo-code"
          label={t('promo.label')}
          submit={t('promo.apply')}
          apply={api.applyPromo}
          onChange={onChange}
          onExpired={onExpired}
          disabled={disabled}
        />
      )}
      {giftCards > 0 && (
        <Applied
          text={t('giftPay.applied', { amount: money({ amount: giftCards, currency: booking.total.currency }) })}
          removeLabel={t('giftPay.remove')}
          remove={api.removeGiftCards}
          onChange={onChange}
          onExpired={onExpired}
          disabled={disabled}
        />
      )}
      {/* Another card only while something is left to pay. */}
      {due > 0 && (
        <CodeField
          id="gift-card-code"
          label={t(giftCards > 0 ? 'giftPay.another' : 'giftPay.label')}
          hint={t('giftPay.hint')}
          submit={t('giftPay.apply')}
          apply={api.applyGiftCard}
          onChange={onChange}
          onExpired={onExpired}
          disabled={disabled}
        />
      )}
    </div>
  );
}

const EXPIRED = new Set(['booking_expired', 'booking_not_payable']);

function CodeField(props: {
  id: string;
  label: string;
  hint?: string;
  submit: string;
  apply(code: string): Promise<MoneyBooking>;
  onChange(booking: MoneyBooking): void;
  onExpired(): void;
  disabled: boolean;
}) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!code.trim()) {
      setError(t('promo.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onChange(await props.apply(code.trim()));
      setCode('');
    } catch (err) {
      if (err instanceof ApiError && EXPIRED.has(err.code)) props.onExpired();
      else setError(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="code-field" onSubmit={submit} noValidate>
      <Field
        id={props.id}
        label={props.label}
        hint={props.hint}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
          setError(null);
        }}
        error={error}
        disabled={props.disabled}
      />
      <Button type="submit" variant="secondary" busy={busy} disabled={props.disabled}>
        {props.submit}
      </Button>
    </form>
  );
}

function Applied(props: {
  text: string;
  removeLabel: string;
  remove(): Promise<MoneyBooking>;
  onChange(booking: MoneyBooking): void;
  onExpired(): void;
  disabled: boolean;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      props.onChange(await props.remove());
    } catch (err) {
      if (err instanceof ApiError && EXPIRED.has(err.code)) props.onExpired();
      else setError(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="code-applied">
      <p role="status">{props.text}</p>
      <Button variant="ghost" busy={busy} disabled={props.disabled} onClick={remove}>
        {props.removeLabel}
      </Button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
