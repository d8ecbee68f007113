import { toMoney } from '../api/money.ts';
import type { FoodBooking } from '../api/food-api.ts';
import type { Booking } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { TYPE_KEYS } from '../seats/Legend.tsx';

/** The seats of a booking with their ticket types, their prices and the total. */
export function BookingSeats({ booking }: { booking: Booking }) {
  const { t, money } = useI18n();
  return (
    <table className="order-table">
      <caption className="visually-hidden">{t('checkout.order')}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('booking.seat')}</th>
          <th scope="col">{t('booking.price')}</th>
        </tr>
      </thead>
      <tbody>
        {booking.seats.map((s) => {
          const price = toMoney(s.price, booking.total.currency);
          return (
            <tr key={s.seatId}>
              <th scope="row">
                {t('seat.short', { row: s.row, number: s.number })}
                <span className="muted"> · {t(TYPE_KEYS[s.type] ?? 'seatType.standard')}</span>
                {s.ticketTypeName && <span className="ticket-type"> · {s.ticketTypeName}</span>}
              </th>
              <td>{price ? money(price) : ''}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          {/* With food, the seats' sum is the tickets' part of the total (PriceBreakdown has the rest). */}
          <th scope="row">{t((booking as FoodBooking).food?.items.length ? 'pay.tickets' : 'booking.total')}</th>
          <td>
            <strong>{money(booking.total)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
