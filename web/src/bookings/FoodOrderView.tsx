// A booking's food and drink on its page: once paid, the pickup code with its QR for the counter;
// each line with what was collected, refunded, or is still to collect.
import type { FoodOrder } from '../api/food-api.ts';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { lineState } from '../checkout/basket.ts';
import '../checkout/food.css';

export function FoodOrderView({ order, qrSrc }: { order: FoodOrder; qrSrc?: string }) {
  const { t, money, dateTime } = useI18n();
  // The server may draw the QR a moment after the booking says paid: a failed image loads again.
  const [attempt, setAttempt] = useState(0);
  if (order.items.length === 0) return null;
  const paid = order.status === 'paid';
  const url = qrSrc ?? order.pickupQrUrl ?? undefined;
  const src = url && attempt > 0 && !url.startsWith('data:') ? `${url}?attempt=${attempt}` : url;
  return (
    <section className="panel food-order" aria-labelledby="food-order-title" data-testid="food-order">
      <h2 id="food-order-title">{t('food.title')}</h2>
      {paid && order.pickupCode && !order.collectedAt && (
        <div className="pickup">
          {src && (
            <img
              src={src}
              alt={t('food.pickupQrAlt', { code: order.pickupCode })}
              width={160}
              height={160}
              onError={() => attempt < 10 && setTimeout(() => setAttempt((a) => a + 1), 1000)}
            />
          )}
          <div>
            <p className="muted small">{t('food.pickupTitle')}</p>
            <p className="pickup-code">{order.pickupCode}</p>
            <p className="muted small">{t('food.pickupHint')}</p>
          </div>
        </div>
      )}
      {order.status === 'held' && <p className="muted">{t('food.pickupAfterPay')}</p>}
      {order.status === 'refunded' && <p className="muted">{t('food.orderRefunded')}</p>}
      {order.status === 'cancelled' && <p className="muted">{t('food.orderCancelled')}</p>}
      {order.collectedAt && <p className="muted">{t('food.allCollected', { date: dateTime(order.collectedAt) })}</p>}
      <ul className="food-order-lines">
        {order.items.map((item) => {
          const s = lineState(item);
          const state =
            s.refunded === item.quantity
              ? { cls: 'is-refunded', text: t('food.refunded') }
              : s.collected === item.quantity
                ? { cls: 'is-collected', text: t('food.collected') }
                : s.collected > 0
                  ? {
                      cls: 'is-open',
                      text: t('food.partlyCollected', { collected: s.collected, quantity: item.quantity }),
                    }
                  : { cls: 'is-open', text: t('food.toCollect') };
          return (
            <li key={item.lineId}>
              <span>
                {t('food.lineQuantity', { quantity: item.quantity, name: item.name })}
                {item.choices.length > 0 && (
                  <span className="muted small"> · {item.choices.map((c) => c.name).join(', ')}</span>
                )}
              </span>
              <span>
                {(paid || order.status === 'refunded') && (
                  <span className={`food-state ${state.cls}`}>{state.text} · </span>
                )}
                {money(item.total)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
