import type { ReactNode } from 'react';
import type { Money, Seat } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Button } from '../ui/Button.tsx';
import { TYPE_KEYS } from './Legend.tsx';

export interface SeatSummaryProps {
  chosen: Seat[];
  total: Money;
  priceOf(seat: Seat): Money | null;
  holding: boolean;
  signedIn: boolean;
  notice: ReactNode;
  onRemove(seat: Seat): void;
  onContinue(): void;
}

/** The chosen seats, their total and the way on; sticks to the bottom of a phone screen. */
export function SeatSummary({
  chosen,
  total,
  priceOf,
  holding,
  signedIn,
  notice,
  onRemove,
  onContinue,
}: SeatSummaryProps) {
  const { t, money } = useI18n();
  return (
    <aside className="seat-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('seats.yourSeats')}</h2>
      {notice}
      {chosen.length === 0 ? (
        <p className="muted">{t('seats.pickPrompt')}</p>
      ) : (
        <ul className="chosen-list">
          {chosen.map((s) => {
            const price = priceOf(s);
            return (
              <li key={s.id}>
                <span>
                  {t('seat.short', { row: s.row, number: s.number })}
                  <span className="muted"> · {t(TYPE_KEYS[s.type])}</span>
                </span>
                <span className="chosen-price">{price ? money(price) : ''}</span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onRemove(s)}
                  aria-label={t('seats.remove', { seat: t('seat.short', { row: s.row, number: s.number }) })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="summary-bar">
        <p className="summary-total">
          <span>{t('seats.total', { count: chosen.length })}</span>
          <strong>{money(total)}</strong>
        </p>
        <Button size="lg" className="block" busy={holding} disabled={chosen.length === 0} onClick={onContinue}>
          {holding ? t('seats.holding') : signedIn ? t('seats.continue') : t('seats.signInToContinue')}
        </Button>
      </div>
    </aside>
  );
}
