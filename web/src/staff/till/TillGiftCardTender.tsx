// A gift card as the first tender of a till sale: the cashier types the card's code, the card's
// balance is looked up, and the sale shows what the card takes (up to the total) and the rest to
// pay by cash or card terminal. The card is debited when the sale is taken (the code goes with it).
import { type FormEvent, useState } from 'react';
import type { Money } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { ErrorNotice } from '../common.tsx';
import { moneyApi } from '../money/money-api.ts';
import '../money/money.css';

export interface GiftTender {
  code: string;
  last4: string;
  balance: Money;
  taken: Money;
}

/** What a gift card paid of a till sale, as the sale's answer says (null when none). */
export function giftCardTaken(sale: object): Money | null {
  const s = sale as { giftCard?: { amount?: Money } | null; giftCardAmount?: Money | null };
  return s.giftCard?.amount ?? s.giftCardAmount ?? null;
}

export function TillGiftCardTender({
  total,
  value,
  onChange,
}: {
  total: Money;
  value: GiftTender | null;
  onChange(next: GiftTender | null): void;
}) {
  const { t, money } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [empty, setEmpty] = useState(false);

  async function apply(e: FormEvent) {
    e.preventDefault();
    if (!code.trim()) return;
    setBusy(true);
    setError(null);
    setEmpty(false);
    try {
      const card = await moneyApi.giftCardBalance(code.trim());
      const usable = card.status === 'active' && card.balance.currency === total.currency ? card.balance.amount : 0;
      if (usable <= 0) setEmpty(true);
      else
        onChange({
          code: code.trim(),
          last4: card.last4,
          balance: card.balance,
          taken: { amount: Math.min(usable, total.amount), currency: total.currency },
        });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (value) {
    const rest = { amount: total.amount - value.taken.amount, currency: total.currency };
    return (
      <div className="till-gift" role="status">
        <p data-testid="till-gift-taken">
          {t('staff.till.giftCovers', {
            last4: value.last4,
            amount: money(value.taken),
            balance: money(value.balance),
          })}
        </p>
        <p>
          {t('staff.till.rest')}: <strong data-testid="till-rest">{money(rest)}</strong>
        </p>
        <Button
          variant="ghost"
          onClick={() => {
            setCode('');
            onChange(null);
          }}
        >
          {t('staff.till.giftRemove')}
        </Button>
      </div>
    );
  }
  // Its own small form inside the payment form would nest forms: an Enter in the field applies it.
  return (
    <div className="till-gift">
      <Field
        label={t('staff.till.giftCode')}
        value={code}
        autoComplete="off"
        onChange={(e) => setCode(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void apply(e);
        }}
        error={empty ? t('staff.till.giftEmpty') : null}
      />
      <Button variant="secondary" busy={busy} disabled={!code.trim()} onClick={(e) => void apply(e)}>
        {t('staff.till.giftApply')}
      </Button>
      <ErrorNotice error={error} />
    </div>
  );
}
