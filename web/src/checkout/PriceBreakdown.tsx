// What the booking costs beyond its seats: food (issue 17), subtotal, discount, gift cards, and what
// is left for the card (or, once paid, what the card paid). Shown only when there is food or
// something was taken off.
import type { FoodBooking } from '../api/food-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import './money.css';

type Breakdown = FoodBooking['priceBreakdown'];

export function PriceBreakdown({ breakdown, paid = false }: { breakdown?: Breakdown | null; paid?: boolean }) {
  const { t, money } = useI18n();
  const food = breakdown?.food?.amount ?? 0;
  const takenOff = !!breakdown?.discount || (breakdown?.giftCards.amount ?? 0) > 0;
  if (!breakdown || (!takenOff && food === 0)) return null;
  const currency = breakdown.due.currency;
  const minus = (amount: number) => money({ amount: -amount, currency });
  return (
    <table className="order-table price-breakdown" data-testid="price-breakdown">
      <caption className="visually-hidden">{t('pay.breakdown')}</caption>
      <tbody>
        {/* The tickets' sum is the seat table's last line just above (BookingSeats). */}
        {food > 0 && (
          <tr>
            <th scope="row">{t('pay.food')}</th>
            <td>{money({ amount: food, currency })}</td>
          </tr>
        )}
        {takenOff && (
          <tr>
            <th scope="row">{t('pay.subtotal')}</th>
            <td>{money(breakdown.subtotal)}</td>
          </tr>
        )}
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
