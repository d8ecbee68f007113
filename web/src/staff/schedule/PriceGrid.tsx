// A price list as a grid: a row per ticket type, a column per seat type, an amount in each cell
// (empty: that type is not sold on that seat type). Used for a cinema's default list and a showtime's.
import type { SeatType, TicketType } from '../../api/types.ts';
import { TYPE_KEYS } from '../../seats/Legend.tsx';
import { ticketTypeName } from '../../seats/ticket-choice.ts';
import { useI18n } from '../../i18n/staff.ts';
import type { PriceGridText } from './prices.ts';

export function PriceGrid({
  types,
  seatTypes,
  value,
  bad,
  caption,
  onChange,
}: {
  types: readonly TicketType[];
  seatTypes: readonly SeatType[];
  value: PriceGridText;
  /** Cells (`code/seatType`) whose text is not an amount. */
  bad: readonly string[];
  caption: string;
  onChange(next: PriceGridText): void;
}) {
  const { t, lang } = useI18n();
  const set = (code: string, seat: string, text: string) =>
    onChange({ ...value, [code]: { ...value[code], [seat]: text } });
  return (
    <div className="table-scroll">
      <table className="staff-table price-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.priceList.ticketType')}</th>
            {seatTypes.map((seat) => (
              <th scope="col" key={seat}>
                {t(TYPE_KEYS[seat])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {types.map((type) => {
            const name = ticketTypeName(type, lang);
            return (
              <tr key={type.code}>
                <th scope="row">{name}</th>
                {seatTypes.map((seat) => (
                  <td key={seat}>
                    <input
                      className="price-cell"
                      inputMode="decimal"
                      size={7}
                      aria-label={t('staff.priceList.cell', { type: name, seatType: t(TYPE_KEYS[seat]) })}
                      aria-invalid={bad.includes(`${type.code}/${seat}`) || undefined}
                      value={value[type.code]?.[seat] ?? ''}
                      onChange={(e) => set(type.code, seat, e.target.value)}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
