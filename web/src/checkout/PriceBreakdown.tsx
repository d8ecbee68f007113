// What the booking costs after its promo code and gift cards: subtotal, discount, gift cards, and
// what is left for the card (or, once paid, what the card paid). Shown only when something was taken off.
import type { PriceBreakdown as Breakdown } from '../api/money-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './money.css';

export function PriceBreakdown({ breakdown, paid = false }: { breakdown?: Breakdown | null; paid?: boolean }) {
  const { t, money } = useI18n();
  if (!breakdown || (!breakdown.discount && breakdown.giftCards.amount === 0)) return null;
  const minus = (amount: number) => money({ amount: -amount, currency: breakdown.due.currency });
  return (
    <table className="order-table price-breakdown" data-testid="price-breakdown">
      <caption className="visually-hidden">{t('pay.breakdown')}</caption>
      <tbody>
        <tr>
          <th scope="row">{t('pay.subtotal')}</th>
          <td>{money(breakdown.subtotal)}</td>
        </tr>
        {breakdown.discount && (
          <tr>
            <th scope="row">{t('pay.discount', { code: breakdown.discount.code })}</th>
            <td>{minus(breakdown.discount.amount.amount)}</td>
          </tr>
        )}
        {breakdown.giftCards.amount > 0 && (
          <tr>
            <th scope="row">{t('pay.giftCards')}</th>
            <td>{minus(breakdown.giftCards.amount)}</td>
          </tr>
        )}
      </tbody>
      <tfoot>
        {/* Paid in full by gift cards and the discount: no card line. */}
        <tr hidden={paid && breakdown.due.amount === 0}>
          <th scope="row">{t(paid ? 'pay.paidByCard' : 'pay.due')}</th>
          <td>
            <strong>{money(breakdown.due)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
