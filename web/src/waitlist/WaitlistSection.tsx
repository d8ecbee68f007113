// The customer's waiting lists on the bookings page: place in line, or an offer (seats held until a
// time) with a pay link to its checkout, and leaving the line.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { waitlistApi, type WaitlistEntry } from '../api/waitlist-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';

export function WaitlistSection() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['waitlist'], queryFn: ({ signal }) => waitlistApi.mine(signal) });
  const items = (list.data ?? []).filter((e) => e.status === 'waiting' || e.status === 'offered');
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
  const { t, dateTime } = useI18n();
  const ctx = useShowtimeContext(e.showtimeId);
  const queryClient = useQueryClient();
  const leave = async () => {
    await waitlistApi.leave(e.id);
    void queryClient.invalidateQueries({ queryKey: ['waitlist'] });
  };
  return (
    <li className="booking-row waitlist-row" data-testid="waitlist-entry">
      <span className="booking-row-link">
        <span className="booking-row-title">{ctx.movie?.title ?? ''}</span>
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
        <button type="button" className="btn btn-link" onClick={() => void leave()}>
          {t('waitlist.leave')}
        </button>
      </span>
    </li>
  );
}
