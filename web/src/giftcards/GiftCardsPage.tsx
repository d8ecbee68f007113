// Buying a gift card (an amount, who it is for, a message, then payment with the server's
// provider) and checking one's balance. The order's id stays in the address once it exists
// (`?order=`), so the way back from 3-D Secure (`&payment_intent=…`) finishes the purchase here.
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type GiftCardOrder, giftCards, type Outcome, receipts } from '../api/money-api.ts';
import { useSession } from '../app/session.tsx';
import { PaymentPanel } from '../checkout/PaymentPanel.tsx';
import { returnUrl, stripeReturn } from '../checkout/stripe.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { useTitle } from '../ui/use-title.ts';
import { BalanceCheck } from './BalanceCheck.tsx';
import '../checkout/money.css';

const CURRENCY = 'EUR';
const PRESETS = [1500, 2500, 5000, 10000];
const MIN = 500;
const MAX = 50000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function GiftCardsPage() {
  const { t, lang, money } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const search = useSearch({ from: '/gift-cards' });
  useTitle(t('giftShop.title'));
  const [preset, setPreset] = useState<number | 'custom'>(2500);
  const [custom, setCustom] = useState('');
  const [recipientEmail, setRecipientEmail] = useState('');
  const [recipientName, setRecipientName] = useState('');
  const [message, setMessage] = useState('');
  const [buyerEmail, setBuyerEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [order, setOrder] = useState<GiftCardOrder | null>(null);
  const [waiting, setWaiting] = useState(false);
  const handled = useRef<string | null>(null);

  const customMinor = Math.round(Number(custom.replace(',', '.')) * 100);
  const amount = preset === 'custom' ? customMinor : preset;
  const amountOk = Number.isInteger(amount) && amount >= MIN && amount <= MAX;
  const guest = user === null;
  const errors = {
    amount: touched && !amountOk ? t('giftShop.amountRange', { min: euros(MIN), max: euros(MAX) }) : null,
    recipient: touched && !EMAIL.test(recipientEmail.trim()) ? t('giftShop.emailInvalid') : null,
    buyer: touched && guest && !EMAIL.test(buyerEmail.trim()) ? t('giftShop.emailInvalid') : null,
  };
  function euros(minor: number) {
    return money({ amount: minor, currency: CURRENCY });
  }

  /** Reads the order until its card is issued (a payment the provider finished later). */
  async function waitForCard(id: string) {
    setWaiting(true);
    for (let i = 0; i < 60; i++) {
      const now = await giftCards.get(id).catch(() => null);
      if (now && now.status !== 'pending' && now.giftCard) {
        setWaiting(false);
        return setOrder(now);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    setWaiting(false);
    setFailure(t('giftShop.processing'));
  }

  function settled(res: Outcome<GiftCardOrder>, id: string) {
    if ('done' in res && res.done.giftCard) setOrder(res.done);
    else void waitForCard(id);
  }

  // Back from 3-D Secure: pay the order with that PaymentIntent, once; after a reload: the order.
  useEffect(() => {
    const back = stripeReturn(search);
    if (search.order && !back && order?.id !== search.order)
      void giftCards.get(search.order).then(setOrder, () => undefined);
    if (!back || !search.order || handled.current === back.paymentIntent) return;
    handled.current = back.paymentIntent;
    const id = search.order;
    void navigate({ to: '/gift-cards', search: { order: id }, replace: true });
    void giftCards.get(id).then(setOrder, () => undefined);
    if (back.failed) return setFailure(t('pay.redirectFailed'));
    void giftCards.payIntent(id, back.paymentIntent).then(
      (res) => settled(res, id),
      () => void waitForCard(id),
    );
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!amountOk || !EMAIL.test(recipientEmail.trim()) || (guest && !EMAIL.test(buyerEmail.trim())) || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const made = await giftCards.order({
        amount: { amount, currency: CURRENCY },
        recipientEmail: recipientEmail.trim(),
        ...(recipientName.trim() && { recipientName: recipientName.trim() }),
        ...(message.trim() && { message: message.trim() }),
        ...(guest && { buyerEmail: buyerEmail.trim() }),
      });
      setOrder(made);
      void navigate({ to: '/gift-cards', search: { order: made.id }, replace: true });
    } catch (err) {
      setFailure(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  }

  function again() {
    setOrder(null);
    setFailure(null);
    setTouched(false);
    setRecipientEmail('');
    setRecipientName('');
    setMessage('');
    void navigate({ to: '/gift-cards', search: {}, replace: true });
  }

  const issued = order?.giftCard && order.status !== 'pending' ? order.giftCard : null;
  return (
    <div className="container page narrow gift-cards-page">
      <h1>{t('giftShop.title')}</h1>
      <p className="lead">{t('giftShop.intro')}</p>
      {failure && <Notice tone="error">{failure}</Notice>}
      {order && issued ? (
        <section className="panel" aria-labelledby="gift-done-title" data-testid="gift-card-done">
          <h2 id="gift-done-title">{t('giftShop.doneTitle')}</h2>
          <p>{t('giftShop.doneBody', { last4: issued.last4, email: order.recipientEmail })}</p>
          <p className="muted">{t('giftShop.doneBalance', { amount: money(issued.balance) })}</p>
          <div className="gift-done-actions">
            <a
              className="btn btn-secondary"
              href={receipts.giftOrderPdfUrl(order.id)}
              download={`gift-card-receipt-${order.id.slice(0, 8)}.pdf`}
            >
              {t('receipt.download')}
            </a>
            <Button variant="secondary" onClick={again}>
              {t('giftShop.buyAnother')}
            </Button>
          </div>
        </section>
      ) : order ? (
        <section className="panel">
          <p>
            {t('giftShop.summary', { amount: money(order.amount), email: order.recipientEmail })}{' '}
            {!waiting && (
              <Button variant="ghost" onClick={again}>
                {t('giftShop.change')}
              </Button>
            )}
          </p>
          {waiting ? (
            <p role="status">{t('pay.confirming')}</p>
          ) : (
            <PaymentPanel
              amount={order.amount}
              disabled={false}
              returnUrl={returnUrl('/gift-cards', { order: order.id })}
              methods={{
                card: (card, key) => giftCards.payCard(order.id, card, key),
                startIntent: () => giftCards.startIntent(order.id),
                payIntent: (pi) => giftCards.payIntent(order.id, pi),
              }}
              onPaid={(done) => settled({ done }, order.id)}
              onPending={() => void waitForCard(order.id)}
            />
          )}
        </section>
      ) : (
        <form className="panel" onSubmit={submit} noValidate aria-labelledby="gift-buy-title">
          <h2 id="gift-buy-title">{t('giftShop.buyTitle')}</h2>
          <fieldset className="amount-choice">
            <legend>{t('giftShop.amount')}</legend>
            {PRESETS.map((p) => (
              <label key={p} className="choice">
                <input type="radio" name="amount" checked={preset === p} onChange={() => setPreset(p)} />
                {euros(p)}
              </label>
            ))}
            <label className="choice">
              <input type="radio" name="amount" checked={preset === 'custom'} onChange={() => setPreset('custom')} />
              {t('giftShop.custom')}
            </label>
          </fieldset>
          {preset === 'custom' && (
            <Field
              label={t('giftShop.customLabel')}
              inputMode="decimal"
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              error={errors.amount}
            />
          )}
          {preset !== 'custom' && errors.amount && <p className="field-error">{errors.amount}</p>}
          <Field
            label={t('giftShop.recipientEmail')}
            type="email"
            value={recipientEmail}
            onChange={(e) => setRecipientEmail(e.target.value)}
            error={errors.recipient}
            required
          />
          <Field
            label={t('giftShop.recipientName')}
            value={recipientName}
            maxLength={100}
            onChange={(e) => setRecipientName(e.target.value)}
          />
          <div className="field">
            <label htmlFor="gift-message">{t('giftShop.message')}</label>
            <textarea
              id="gift-message"
              rows={3}
              maxLength={500}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          </div>
          {guest && (
            <Field
              label={t('giftShop.buyerEmail')}
              type="email"
              autoComplete="email"
              value={buyerEmail}
              onChange={(e) => setBuyerEmail(e.target.value)}
              error={errors.buyer}
              required
            />
          )}
          <Button type="submit" busy={busy}>
            {t('giftShop.continue')}
          </Button>
        </form>
      )}
      <BalanceCheck />
    </div>
  );
}
