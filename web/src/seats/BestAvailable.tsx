// "Best available": the customer says how many seats together, the server picks the block nearest
// the middle of the best rows (GET /showtimes/{id}/best-seats) and the picker selects it.
import { useState } from 'react';
import { waitlistApi } from '../api/waitlist-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import type { SeatNotice } from './use-selection.ts';

export function BestAvailable(props: {
  showtimeId: string;
  onPick(seatIds: string[]): void;
  onNotice(notice: SeatNotice | null): void;
}) {
  const { t, lang } = useI18n();
  const [count, setCount] = useState(2);
  const [busy, setBusy] = useState(false);
  async function find() {
    setBusy(true);
    props.onNotice(null);
    try {
      const best = await waitlistApi.bestSeats(props.showtimeId, count);
      props.onPick(best.seats.map((s) => s.seatId));
      props.onNotice({ tone: 'info', text: t('best.found', { count: best.seats.length }) });
    } catch (err) {
      props.onNotice({ tone: 'warning', text: errorText(err, t, lang) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="best-available">
      <label>
        {t('best.count')}{' '}
        <select
          className="inline-field"
          value={count}
          onChange={(e) => setCount(Number(e.target.value))}
          data-testid="best-count"
        >
          {Array.from({ length: 10 }, (_, i) => (
            <option key={i + 1} value={i + 1}>
              {i + 1}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void find()}>
        {t('best.find')}
      </button>
    </div>
  );
}
