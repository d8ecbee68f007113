import type { Money, Seat, SeatType } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { CustomerKey } from '../i18n/catalog.ts';

export const TYPE_KEYS: Record<SeatType, CustomerKey> = {
  standard: 'seatType.standard',
  vip: 'seatType.vip',
  accessible: 'seatType.accessible',
  companion: 'seatType.companion',
  blocked: 'seatType.blocked',
};

const ORDER: SeatType[] = ['standard', 'vip', 'accessible', 'companion'];

/** Each seat type in this hall with its price, the states, and what the special seats are for. */
export function Legend({ seats, priceOf }: { seats: Seat[]; priceOf: (seat: Seat) => Money | null }) {
  const { t, money } = useI18n();
  const types = ORDER.filter((type) => seats.some((s) => s.type === type));
  const explain = types.filter((type) => type === 'accessible' || type === 'companion');
  return (
    <div className="legend">
      <h2 className="visually-hidden">{t('seats.legend')}</h2>
      <ul className="legend-list" aria-label={t('seats.legendTypes')}>
        {types.map((type) => {
          const sample = seats.find((s) => s.type === type)!;
          const price = priceOf(sample);
          return (
            <li key={type}>
              <span className={`swatch seat-${type} is-available`} aria-hidden="true" />
              <span>{t(TYPE_KEYS[type])}</span>
              {price && <span className="legend-price">{money(price)}</span>}
            </li>
          );
        })}
      </ul>
      <ul className="legend-list legend-states" aria-label={t('seats.legendStates')}>
        <li>
          <span className="swatch seat-standard is-selected" aria-hidden="true" />
          {t('seatState.selected')}
        </li>
        <li>
          <span className="swatch seat-standard is-held" aria-hidden="true" />
          {t('seatState.held')}
        </li>
        <li>
          <span className="swatch seat-standard is-sold" aria-hidden="true" />
          {t('seatState.sold')}
        </li>
      </ul>
      {explain.length > 0 && (
        <dl className="legend-explain">
          {explain.map((type) => (
            <div key={type}>
              <dt>{t(TYPE_KEYS[type])}</dt>
              <dd>{t(type === 'accessible' ? 'seats.accessibleExplained' : 'seats.companionExplained')}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
