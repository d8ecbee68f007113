// Paying through Stripe's Payment Element: the server makes a PaymentIntent for the amount due and
// answers its client secret; Stripe.js shows the payment fields (card data never reaches our server)
// and confirms; then the server reads the PaymentIntent and settles. 3-D Secure either finishes in
// Stripe's own dialog or leaves the page and comes back to `returnUrl` (handled by the page there).
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http.ts';
import type { Outcome, PaymentIntent, PaymentsConfig } from '../api/money-api.ts';
import type { Money } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { loadStripe, type StripeElements, type StripeInstance } from './stripe.ts';

export interface StripeFormProps<R> {
  config: PaymentsConfig;
  total: Money;
  disabled: boolean;
  startIntent(): Promise<PaymentIntent>;
  payIntent(paymentIntentId: string): Promise<Outcome<R>>;
  returnUrl: string;
  onPaid(result: R): void;
  onPending?(): void;
  onExpired?(): void;
}

export function StripeForm<R>(props: StripeFormProps<R>) {
  const { config, total, disabled, returnUrl, onPaid, onPending, onExpired } = props;
  const { t, lang, money } = useI18n();
  const mountRef = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ instance: StripeInstance; elements: StripeElements } | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'broken'>('loading');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const calls = useRef(props);
  calls.current = props;

  // One PaymentIntent per amount: the parent remounts this form when the amount due changes.
  useEffect(() => {
    let gone = false;
    let element: { destroy?(): void; unmount?(): void } | null = null;
    void (async () => {
      try {
        const [Stripe, intent] = await Promise.all([
          loadStripe(config.stripeJsUrl ?? 'https://js.stripe.com/v3/'),
          calls.current.startIntent(),
        ]);
        if (gone || !mountRef.current) return;
        // Only a payment of nothing due has no secret, and that one is confirmed without a form.
        if (!intent.clientSecret) throw new Error('no client secret');
        const instance = Stripe(intent.publishableKey ?? config.publishableKey ?? '', { locale: lang });
        const elements = instance.elements({ clientSecret: intent.clientSecret, locale: lang });
        const payment = elements.create('payment');
        payment.mount(mountRef.current);
        element = payment;
        stripe.current = { instance, elements };
        setState('ready');
      } catch (err) {
        if (gone) return;
        if (err instanceof ApiError && (err.code === 'booking_expired' || err.code === 'booking_not_payable'))
          calls.current.onExpired?.();
        setFailure(err instanceof ApiError ? errorText(err, t, lang) : t('pay.stripeUnavailable'));
        setState('broken');
      }
    })();
    return () => {
      gone = true;
      stripe.current = null;
      (element?.destroy ?? element?.unmount)?.call(element);
    };
    // A new intent only for a new amount (the parent's key) or provider settings.
  }, [config.stripeJsUrl, config.publishableKey]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !stripe.current) return;
    setBusy(true);
    setFailure(null);
    try {
      const { instance, elements } = stripe.current;
      const result = await instance.confirmPayment({
        elements,
        confirmParams: { return_url: returnUrl },
        redirect: 'if_required',
      });
      if (result.error) {
        setFailure(result.error.message ?? t('error.cardDeclined'));
        return;
      }
      // No redirect was needed (or it happened in Stripe's own dialog): settle now.
      const res = await calls.current.payIntent(result.paymentIntent!.id);
      if ('done' in res) onPaid(res.done);
      else onPending?.();
    } catch (err) {
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
    <form
      className="card-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="pay-title"
      aria-busy={state === 'loading'}
    >
      <h2 id="pay-title">{t('pay.title')}</h2>
      {failure && (
        <Notice tone="error" title={t('checkout.notPaid')}>
          {failure}
        </Notice>
      )}
      <div ref={mountRef} className="stripe-element" data-testid="stripe-element" />
      {state === 'loading' && <p className="muted">{t('pay.stripeLoading')}</p>}
      <Button type="submit" size="lg" className="block" busy={busy} disabled={disabled || state !== 'ready'}>
        {busy ? t('checkout.paying') : t('checkout.pay', { amount: money(total) })}
      </Button>
    </form>
  );
}
