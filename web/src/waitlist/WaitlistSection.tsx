// The customer's waiting lists on the bookings page: place in line, or an offer (seats held until a
// time) with a pay link to its checkout, and leaving the line. Polled while an entry waits or is
// offered, so a place moving up or an offer coming shows without a reload.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { waitlistApi, type WaitlistEntry } from '../api/waitlist-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { liveEntry, waitlistRefresh } from './waitlist-model.ts';

export function WaitlistSection() {
  const { t } = useI18n();
  const list = useQuery({
    queryKey: ['waitlist'],
    queryFn: ({ signal }) => waitlistApi.mine(signal),
    refetchInterval: (q) => waitlistRefresh(q.state.data),
  });
  const items = (list.data ?? []).filter(liveEntry);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="waitlists" className="mt-3">
      <h2 id="waitlists">{t('waitlist.title')}</h2>
      <ul className="booking-list">
        {items.map((e) => (
          <WaitlistRow key={e.id} entry={e} />
        ))}
      </ul>
    </section>
  );
}

function WaitlistRow({ entry: e }: { entry: WaitlistEntry }) {
  const { t, lang, dateTime } = useI18n();
  const ctx = useShowtimeContext(e.showtimeId);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const movie = ctx.movie?.title ?? '';
  const leave = async () => {
    setBusy(true);
    setError(null);
    try {
      await waitlistApi.leave(e.id);
      await queryClient.invalidateQueries({ queryKey: ['waitlist'] });
    } catch (err) {
      setError(errorText(err, t, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="booking-row waitlist-row" data-testid="waitlist-entry">
      <span className="booking-row-link">
        <span className="booking-row-title">{movie}</span>
        <span className="booking-row-when">
          {ctx.showtime && ctx.cinema
            ? `${dateTime(ctx.showtime.startsAt, ctx.cinema.timezone)} · ${ctx.cinema.name}`
            : ''}
        </span>
        {e.status === 'offered' && e.offer ? (
          <>
            <span>{t('waitlist.offered', { time: dateTime(e.offer.expiresAt, ctx.cinema?.timezone) })}</span>
            <Link className="btn btn-primary" to="/bookings/$id/checkout" params={{ id: e.offer.bookingId }}>
              {t('waitlist.pay')}
            </Link>
          </>
        ) : (
          <span className="muted">{t('waitlist.waiting', { count: e.seats, position: e.position ?? 1 })}</span>
        )}
        <button
          type="button"
          className="btn btn-link"
          disabled={busy}
          aria-label={movie ? t('waitlist.leaveFor', { movie }) : undefined}
          onClick={() => void leave()}
        >
          {t('waitlist.leave')}
        </button>
      </span>
      {error && <Notice tone="error">{error}</Notice>}
    </li>
  );
}
