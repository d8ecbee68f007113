// Food at the till. `TillFoodSale`: food and drink alone (no ticket), cash with change due or the
// card terminal, one idempotency key per sale as meant. `TillBookingFood`: the food basket of a
// ticket hold, set on the booking (`PUT /bookings/{id}/food`) so the one till payment covers both.
// `FoodRefundButton`: a food sale paid back at the till, after a confirmation, one key per refund.
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { newIdempotencyKey } from '../../api/http.ts';
import type { Money } from '../../api/types.ts';
import { useI18n } from '../../i18n/staff.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { ErrorNotice } from '../common.tsx';
import { toMinor } from '../schedule/prices.ts';
import { tillApi, tillKeys, type TillSession } from '../till/till-api.ts';
import { PayMethod } from '../till/PayMethod.tsx';
import { foodApi, type FoodSale } from './food-api.ts';
import { basketTotal, FoodBasket, type TillLine, toItems } from './FoodBasket.tsx';

export function TillFoodSale({ session }: { session: TillSession }) {
  const { t, money } = useI18n();
  const client = useQueryClient();
  const currency = session.report.float.currency;
  const [lines, setLines] = useState<TillLine[]>([]);
  const [method, setMethod] = useState<'cash' | 'card_terminal'>('cash');
  const [tendered, setTendered] = useState('');
  const [sold, setSold] = useState<FoodSale | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const edit = (change: () => void) => {
    change();
    setKey(newIdempotencyKey());
  };
  const total = basketTotal(lines, currency);
  const tenderedMinor = tendered ? toMinor(tendered, currency) : null;
  const change = tenderedMinor !== null ? tenderedMinor - total.amount : null;

  async function sell(e: FormEvent) {
    e.preventDefault();
    if (lines.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        items: toItems(lines),
        method,
        ...(method === 'cash' && tenderedMinor !== null ? { tendered: tenderedMinor } : {}),
      };
      setSold(await foodApi.sellFood(session.id, body, key));
      setLines([]);
      setTendered('');
      setKey(newIdempotencyKey());
      await client.invalidateQueries({ queryKey: tillKeys.all() });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel till-food" aria-labelledby="till-food-title">
      <h2 id="till-food-title">{t('staff.food.till.sellTitle')}</h2>
      <FoodBasket cinemaId={session.cinemaId} lines={lines} onChange={(next) => edit(() => setLines(next))} />
      {lines.length > 0 && (
        <form onSubmit={(e) => void sell(e)} className="till-pay">
          <PayMethod name="food-method" value={method} onChange={(m) => edit(() => setMethod(m))} />
          {method === 'cash' && (
            <Field
              label={t('staff.food.till.tendered')}
              inputMode="decimal"
              value={tendered}
              onChange={(e) => edit(() => setTendered(e.target.value))}
              hint={
                change !== null && change >= 0
                  ? t('staff.till.changeDue', { amount: money({ amount: change, currency }) })
                  : undefined
              }
              error={change !== null && change < 0 ? t('staff.till.tooLittle') : null}
            />
          )}
          <ErrorNotice error={error} />
          <Button type="submit" busy={busy} disabled={change !== null && change < 0}>
            {t('staff.food.till.takePayment', { amount: money(total) })}
          </Button>
        </form>
      )}
      {sold && (
        <div className="notice notice-success" role="status">
          <p>
            {t('staff.till.sold', { amount: money(sold.sale.amount) })}
            {sold.sale.change && <> {t('staff.till.changeDue', { amount: money(sold.sale.change) })}</>}
          </p>
          {sold.order.pickupCode && <p>{t('staff.food.till.pickupCode', { code: sold.order.pickupCode })}</p>}
          <p>
            <a href={sold.receiptUrl || tillApi.receiptUrl(sold.sale.id)} target="_blank" rel="noreferrer">
              {t('staff.till.printReceipt')}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

/** The food of a held till booking: set on the booking, then the amount to take is tickets plus food. */
export function TillBookingFood({
  bookingId,
  cinemaId,
  onTotal,
  onUnsaved,
}: {
  bookingId: string;
  cinemaId: string;
  onTotal(total: Money): void;
  /** Whether the basket has changes not yet on the booking: the payment must wait for them. */
  onUnsaved(unsaved: boolean): void;
}) {
  const { t } = useI18n();
  const [lines, setLines] = useState<TillLine[]>([]);
  const [saved, setSaved] = useState<string>('[]');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const items = toItems(lines);
  const dirty = JSON.stringify(items) !== saved;
  useEffect(() => {
    onUnsaved(dirty);
    return () => onUnsaved(false);
  }, [dirty, onUnsaved]);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const booking = await foodApi.setBookingFood(bookingId, items);
      setSaved(JSON.stringify(items));
      onTotal(booking.priceBreakdown.subtotal);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="till-booking-food">
      <summary>{t('staff.food.till.addFood')}</summary>
      <FoodBasket cinemaId={cinemaId} lines={lines} onChange={setLines} />
      <ErrorNotice error={error} />
      {dirty && (
        <Button variant="secondary" busy={busy} onClick={() => void save()}>
          {t('staff.food.till.putOnBooking')}
        </Button>
      )}
    </details>
  );
}

/** Pays a food sale back from the drawer once the cashier confirms; its name says which order. */
export function FoodRefundButton({
  sessionId,
  orderId,
  amount,
  onError,
}: {
  sessionId: string;
  orderId: string;
  amount: Money;
  onError(err: unknown): void;
}) {
  const { t, money } = useI18n();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // One key per refund meant: a retry after a lost answer replays it instead of paying twice.
  const [key, setKey] = useState(newIdempotencyKey);
  const order = orderId.slice(0, 8);
  const which = { order, amount: money(amount) };

  async function refund() {
    setBusy(true);
    onError(null);
    try {
      await foodApi.refundFood(sessionId, orderId, key);
      setKey(newIdempotencyKey());
      setConfirming(false);
      await client.invalidateQueries({ queryKey: tillKeys.all() });
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!confirming)
    return (
      <Button
        variant="ghost"
        aria-label={t('staff.food.till.refundWhich', { action: t('staff.till.refund'), ...which })}
        onClick={() => setConfirming(true)}
      >
        {t('staff.till.refund')}
      </Button>
    );
  return (
    <span role="group">
      <span>{t('staff.food.till.refundConfirm', which)}</span>{' '}
      <Button variant="danger" busy={busy} onClick={() => void refund()}>
        {t('staff.food.till.refundYes')}
      </Button>{' '}
      <Button variant="secondary" disabled={busy} onClick={() => setConfirming(false)}>
        {t('staff.common.cancel')}
      </Button>
    </span>
  );
}
