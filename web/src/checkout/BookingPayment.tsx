// Paying for a held booking, for a customer or a guest: promo code and gift cards, then the
// provider's form for what is left (or one button when nothing is). A payment the provider has not
// finished (202), and the way back from 3-D Secure or a bank's page (`?payment_intent=…`), end in
// waiting for the booking to be confirmed.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http.ts';
import type { BookingMoney, MoneyBooking } from '../api/money-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Notice } from '../ui/Notice.tsx';
import { CodeForms } from './CodeForms.tsx';
import { PaymentPanel } from './PaymentPanel.tsx';
import type { StripeReturn } from './stripe.ts';

export interface BookingPaymentProps {
  booking: MoneyBooking;
  api: BookingMoney;
  disabled: boolean;
  returnUrl: string;
  /** The provider's way back to this page, if the address has one (cleared by `onReturnRead`). */
  back: StripeReturn | null;
  onReturnRead(): void;
  onChange(booking: MoneyBooking): void;
  onPaid(booking: MoneyBooking): void;
  onExpired(): void;
}

const POLL_MS = 1000;
const POLL_TRIES = 90;

export function BookingPayment(props: BookingPaymentProps) {
  const { booking, api, disabled, returnUrl, back, onChange, onExpired } = props;
  const { t, lang } = useI18n();
  const [waiting, setWaiting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const handled = useRef<string | null>(null);

  /** Reads the booking until the payment settles it (or the hold ends). */
  async function waitForConfirmation() {
    setWaiting(true);
    for (let i = 0; i < POLL_TRIES; i++) {
      const next = await latest.current.api.get().catch(() => null);
      if (next?.status === 'confirmed') return latest.current.onPaid(next);
      if (next && next.status !== 'held') return latest.current.onExpired();
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    setWaiting(false);
    setFailure(t('pay.stillPending'));
  }

  // Back from 3-D Secure or the bank: settle with that PaymentIntent, once.
  useEffect(() => {
    if (!back || handled.current === back.paymentIntent) return;
    handled.current = back.paymentIntent;
    latest.current.onReturnRead();
    if (back.failed) {
      setFailure(t('pay.redirectFailed'));
      return;
    }
    setWaiting(true);
    void (async () => {
      try {
        const res = await latest.current.api.payIntent(back.paymentIntent);
        if ('done' in res) latest.current.onPaid(res.done);
        else await waitForConfirmation();
      } catch (err) {
        // Settled already (a webhook was first)? The booking says.
        const now = await latest.current.api.get().catch(() => null);
        if (now?.status === 'confirmed') return latest.current.onPaid(now);
        setWaiting(false);
        if (err instanceof ApiError && (err.code === 'booking_expired' || now?.status !== 'held')) onExpired();
        else setFailure(errorText(err, t, lang));
      }
    })();
    // Runs for a new way back only.
  }, [back]); // eslint-disable-line react-hooks/exhaustive-deps

  if (waiting)
    return (
      <div className="card-form" aria-busy="true">
        <h2 id="pay-title">{t('pay.confirmingTitle')}</h2>
        <p role="status">{t('pay.confirming')}</p>
      </div>
    );

  const due = booking.priceBreakdown?.due ?? booking.total;
  return (
    <>
      {failure && (
        <Notice tone="error" title={t('checkout.notPaid')}>
          {failure}
        </Notice>
      )}
      <CodeForms booking={booking} api={api} disabled={disabled} onChange={onChange} onExpired={onExpired} />
      <PaymentPanel
        amount={due}
        disabled={disabled}
        returnUrl={returnUrl}
        methods={{
          card: api.payCard,
          startIntent: api.startIntent,
          payIntent: api.payIntent,
          nothing: api.payNothing,
        }}
        onPaid={props.onPaid}
        onPending={() => void waitForConfirmation()}
        onExpired={onExpired}
      />
    </>
  );
}
