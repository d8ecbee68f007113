// Selling a gift card at the till: an amount, cash or card terminal, an optional email for the
// recipient. The card's code is shown once, to print for the customer (the server keeps only its
// hash), with the sale's receipt; "Done" puts it away for good.
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { newIdempotencyKey } from '../../api/http.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { ErrorNotice } from '../common.tsx';
import { moneyApi, type TillGiftCard } from '../money/money-api.ts';
import '../money/money.css';
import { toMinor } from '../schedule/prices.ts';
import { tillKeys, type TillSession } from './till-api.ts';
import { PayMethod } from './PayMethod.tsx';

/** The amounts a card may be sold for, in minor units (as online). */
const MIN = 500;
const MAX = 50000;

export function TillGiftCardSale({ session }: { session: TillSession }) {
  const { t, money } = useI18n();
  const client = useQueryClient();
  const currency = session.report.float.currency;
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<'cash' | 'card_terminal'>('cash');
  const [email, setEmail] = useState('');
  const [sold, setSold] = useState<TillGiftCard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // One key per sale as typed: a retry of the same sale replays its answer; a changed one is a new sale.
  const [key, setKey] = useState(newIdempotencyKey);
  const edit = (change: () => void) => {
    change();
    setKey(newIdempotencyKey());
  };
  const minor = toMinor(amount, currency);
  const inRange = minor !== null && minor >= MIN && minor <= MAX;

  async function sell(e: FormEvent) {
    e.preventDefault();
    if (!inRange) return;
    setBusy(true);
    setError(null);
    try {
      setSold(
        await moneyApi.sellGiftCard(
          session.id,
          { amount: minor, method, ...(email.trim() && { recipientEmail: email.trim() }) },
          key,
        ),
      );
      setAmount('');
      setEmail('');
      setKey(newIdempotencyKey());
      await client.invalidateQueries({ queryKey: tillKeys.all() });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel till-gift-sale" aria-labelledby="till-gift-title">
      <h2 id="till-gift-title">{t('staff.till.giftSell')}</h2>
      {sold ? (
        <div className="notice notice-success gift-code-once" role="status">
          <p>{t('staff.till.giftSold', { amount: money(sold.giftCard.balance) })}</p>
          <p className="gift-code" data-testid="gift-code">
            {sold.giftCard.code}
          </p>
          <p className="field-hint">{t('staff.till.giftCodeOnce')}</p>
          <div className="staff-actions">
            <Button variant="secondary" onClick={() => window.print()}>
              {t('staff.till.giftPrint')}
            </Button>
            <a href={sold.receiptUrl} target="_blank" rel="noreferrer">
              {t('staff.till.printReceipt')}
            </a>
            <Button onClick={() => setSold(null)}>{t('staff.till.giftDone')}</Button>
          </div>
        </div>
      ) : (
        <form onSubmit={(e) => void sell(e)}>
          <Field
            label={t('staff.till.giftAmount')}
            inputMode="decimal"
            value={amount}
            onChange={(e) => edit(() => setAmount(e.target.value))}
            hint={t('staff.till.giftRange', {
              min: money({ amount: MIN, currency }),
              max: money({ amount: MAX, currency }),
            })}
            error={amount && !inRange ? t('staff.till.giftBadAmount') : null}
          />
          <PayMethod name="gift-method" value={method} onChange={(m) => edit(() => setMethod(m))} />
          <Field
            label={t('staff.till.giftEmail')}
            type="email"
            value={email}
            onChange={(e) => edit(() => setEmail(e.target.value))}
          />
          <ErrorNotice error={error} />
          <Button type="submit" busy={busy} disabled={!inRange}>
            {t('staff.till.giftSellButton')}
          </Button>
        </form>
      )}
    </section>
  );
}
