// How to pay, as the server's provider says (GET /payments/config): the built-in test processor's
// card form, or Stripe's Payment Element. Nothing left to pay (gift cards and discounts cover it):
// one button confirms without any card.
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../api/http.ts';
import { type Card, type Outcome, type PaymentIntent, payments } from '../api/money-api.ts';
import type { Money } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { CardForm } from './CardForm.tsx';
import { StripeForm } from './StripeForm.tsx';

export interface PayMethods<R> {
  card(card: Card, key: string): Promise<Outcome<R>>;
  startIntent(): Promise<PaymentIntent>;
  payIntent(paymentIntentId: string): Promise<Outcome<R>>;
  /** Settles when nothing is left to pay (bookings paid in full by gift cards or a discount). */
  nothing?(key: string): Promise<Outcome<R>>;
}

export interface PaymentPanelProps<R> {
  amount: Money;
  disabled: boolean;
  methods: PayMethods<R>;
  /** Where Stripe brings the customer back after 3-D Secure or a bank's page. */
  returnUrl: string;
  onPaid(result: R): void;
  onPending?(): void;
  onExpired?(): void;
}

export const paymentsConfigQuery = {
  queryKey: ['payments-config'],
  queryFn: () => payments.config(),
  staleTime: 10 * 60_000,
  retry: 1,
};

export function PaymentPanel<R>({
  amount,
  disabled,
  methods,
  returnUrl,
  onPaid,
  onPending,
  onExpired,
}: PaymentPanelProps<R>) {
  const { t } = useI18n();
  const config = useQuery(paymentsConfigQuery);
  if (amount.amount === 0 && methods.nothing)
    return (
      <ConfirmFree
        pay={methods.nothing}
        disabled={disabled}
        onPaid={onPaid}
        onPending={onPending}
        onExpired={onExpired}
      />
    );
  if (config.isPending) return <p className="muted">{t('common.loading')}</p>;
  // A server that does not name its provider has the built-in test processor.
  if (config.data?.provider === 'stripe')
    return (
      <StripeForm
        key={`${amount.amount}${amount.currency}`}
        config={config.data}
        total={amount}
        disabled={disabled}
        startIntent={methods.startIntent}
        payIntent={methods.payIntent}
        returnUrl={returnUrl}
        onPaid={onPaid}
        onPending={onPending}
        onExpired={onExpired}
      />
    );
  return (
    <CardForm
      total={amount}
      disabled={disabled}
      pay={methods.card}
      onPaid={onPaid}
      onPending={onPending}
      onExpired={onExpired}
    />
  );
}

function ConfirmFree<R>({
  pay,
  disabled,
  onPaid,
  onPending,
  onExpired,
}: {
  pay(key: string): Promise<Outcome<R>>;
  disabled: boolean;
  onPaid(result: R): void;
  onPending?(): void;
  onExpired?(): void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());

  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      const res = await pay(key.current);
      if ('done' in res) onPaid(res.done);
      else onPending?.();
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'network_error')) key.current = newIdempotencyKey();
      if (
        onExpired &&
        err instanceof ApiError &&
        (err.code === 'booking_expired' || err.code === 'booking_not_payable')
      )
        onExpired();
      else setFailure(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card-form">
      <h2 id="pay-title">{t('pay.nothingDueTitle')}</h2>
      <p>{t('pay.nothingDue')}</p>
      {failure && <Notice tone="error">{failure}</Notice>}
      <Button size="lg" className="block" busy={busy} disabled={disabled} onClick={confirm}>
        {t('pay.confirm')}
      </Button>
    </div>
  );
}
