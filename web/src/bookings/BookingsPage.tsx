// The customer's bookings: upcoming first (soonest at the top), then past ones.
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { serverNow } from '../api/http.ts';
import { queries } from '../api/queries.ts';
import type { Booking } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { seatList } from '../pages/seat-list.ts';
import { useShowtimeContext } from '../pages/use-showtime-context.ts';
import { Notice } from '../ui/Notice.tsx';
import { Skeleton } from '../ui/Skeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { WaitlistSection } from '../waitlist/WaitlistSection.tsx';
import { bookingPrice } from './booking-price.ts';
import { StatusBadge } from './StatusBadge.tsx';

export function BookingsPage() {
  const { t, lang } = useI18n();
  useTitle(t('bookings.title'));
  const list = useQuery(queries.bookingList());
  const items = list.data?.items;
  const ids = [...new Set((items ?? []).map((b) => b.showtimeId))];
  // The showtimes of the bookings, to sort by start; the rows read the same entries. One that cannot
  // be read is listed without its time.
  const showtimes = useQueries({
    queries: ids.map((id) => queries.showtime(id)),
    combine: (results) =>
      results.some((r) => r.isPending)
        ? undefined
        : new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : []))),
  });

  let body;
  if (list.error) body = <Notice tone="error">{errorText(list.error, t, lang)}</Notice>;
  else if (!items || !showtimes) body = <ListSkeleton />;
  else if (items.length === 0) {
    body = (
      <p className="empty">
        {t('bookings.none')} <Link to="/">{t('bookings.browse')}</Link>
      </p>
    );
  } else {
    const now = serverNow();
    const startOf = (b: Booking) => Date.parse(showtimes.get(b.showtimeId)?.startsAt ?? b.expiresAt);
    const live = items.filter(
      (b) => b.status === 'confirmed' || (b.status === 'held' && Date.parse(b.expiresAt) > now),
    );
    const upcoming = live.filter((b) => startOf(b) > now).sort((a, b) => startOf(a) - startOf(b));
    const past = items.filter((b) => !upcoming.includes(b)).sort((a, b) => startOf(b) - startOf(a));
    body = (
      <>
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">{t('bookings.upcoming')}</h2>
          {upcoming.length === 0 ? (
            <p className="empty">{t('bookings.noneUpcoming')}</p>
          ) : (
            <BookingList items={upcoming} />
          )}
        </section>
        {past.length > 0 && (
          <section aria-labelledby="past" className="mt-3">
            <h2 id="past">{t('bookings.past')}</h2>
            <BookingList items={past} />
          </section>
        )}
      </>
    );
  }
  return (
    <div className="container page">
      <h1>{t('bookings.title')}</h1>
      <WaitlistSection />
      {body}
    </div>
  );
}

function BookingList({ items }: { items: Booking[] }) {
  return (
    <ul className="booking-list">
      {items.map((b) => (
        <BookingRow key={b.id} booking={b} />
      ))}
    </ul>
  );
}

function BookingRow({ booking: b }: { booking: Booking }) {
  const { t, money, dateTime } = useI18n();
  const ctx = useShowtimeContext(b.showtimeId);
  const seats = seatList(b.seats, t);
  return (
    <li className="booking-row">
      <Link
        to={b.status === 'held' ? '/bookings/$id/checkout' : '/bookings/$id'}
        params={{ id: b.id }}
        className="booking-row-link"
      >
        <span className="booking-row-title">{ctx.movie?.title ?? <Skeleton width="10rem" />}</span>
        <span className="booking-row-when">
          {ctx.showtime && ctx.cinema ? (
            `${dateTime(ctx.showtime.startsAt, ctx.cinema.timezone)} · ${ctx.cinema.name}`
          ) : (
            <Skeleton width="14rem" />
          )}
        </span>
        <span className="booking-row-seats muted">
          {seats} · {money(bookingPrice(b), { mixed: true })}
        </span>
        <StatusBadge status={b.status} />
      </Link>
    </li>
  );
}

function ListSkeleton() {
  return (
    <ul className="booking-list" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <li key={i} className="booking-row">
          <span className="booking-row-link">
            <Skeleton width="10rem" />
            <Skeleton width="14rem" />
            <Skeleton width="8rem" />
          </span>
        </li>
      ))}
    </ul>
  );
}
