// Showtimes one day at a time (a strip of days to choose from), each day's times grouped by cinema,
// all in the cinema's own time zone.
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { loadSeatPicker, preloadWhenIdle } from '../app/lazy-pages.ts';
import type { Cinema, Showtime } from '../api/types.ts';
import { serverNow } from '../api/http.ts';
import { dayKey, formatDayTab } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Skeleton } from '../ui/Skeleton.tsx';
import { fewSeatsLeft, groupShowtimes, priceFrom } from './showtimes.ts';

export function ShowtimeGroups({
  showtimes,
  cinemas,
  titleFor,
}: {
  showtimes: Showtime[];
  cinemas: Cinema[];
  titleFor?: (s: Showtime) => string | undefined;
}) {
  const { t, day, lang } = useI18n();
  const groups = groupShowtimes(showtimes, cinemas);
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => preloadWhenIdle(loadSeatPicker), []);
  const current = groups.find((g) => g.day === chosen) ?? groups[0];
  if (!current) return null;
  const zone = current.sample.timeZone;
  const today = dayKey(new Date(serverNow()).toISOString(), zone);
  const tomorrow = dayKey(new Date(serverNow() + 86_400_000).toISOString(), zone);
  const tab = (g: (typeof groups)[number]) => {
    const { weekday, date } = formatDayTab(g.sample.iso, g.sample.timeZone, lang);
    const name = g.day === today ? t('showtimes.today') : g.day === tomorrow ? t('showtimes.tomorrow') : weekday;
    return { name, date };
  };
  return (
    <div className="showtimes">
      <div className="day-strip" role="group" aria-label={t('showtimes.chooseDay')}>
        {groups.map((g) => (
          <button
            key={g.day}
            type="button"
            className="day-button"
            aria-pressed={g.day === current.day}
            onClick={() => setChosen(g.day)}
          >
            <span className="day-button-name">{tab(g).name}</span>
            <span className="day-button-date">{tab(g).date}</span>
            <span className="visually-hidden">, {day(g.sample.iso, g.sample.timeZone)}</span>
          </button>
        ))}
      </div>
      <section className="showtime-day" aria-labelledby={`day-${current.day}`}>
        <h3 id={`day-${current.day}`}>{day(current.sample.iso, zone)}</h3>
        {current.cinemas.map((c) => (
          <div key={c.cinemaId} className="showtime-cinema">
            <p className="showtime-cinema-name">
              {c.cinema ? (
                <Link to="/cinemas/$id" params={{ id: c.cinemaId }}>
                  {c.cinema.name}
                </Link>
              ) : (
                t('showtimes.unknownCinema')
              )}
              {c.cinema && <span className="muted"> · {c.cinema.city}</span>}
            </p>
            <ul className="showtime-list">
              {c.showtimes.map((s) => (
                <li key={s.id}>
                  <ShowtimeChip showtime={s} timeZone={c.cinema?.timezone} title={titleFor?.(s)} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}

export function ShowtimeChip({
  showtime: s,
  timeZone,
  title,
}: {
  showtime: Showtime;
  timeZone: string | undefined;
  title?: string;
}) {
  const { t, time, language, money } = useI18n();
  const soldOut = s.seatsAvailable <= 0;
  const lang = [
    s.language ? language(s.language) : null,
    s.subtitles ? t('showtimes.subtitles', { language: language(s.subtitles) }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const details = [s.format, lang].filter(Boolean).join(' · ');
  const seats = soldOut
    ? t('showtimes.soldOut')
    : fewSeatsLeft(s.seatsAvailable, s.capacity)
      ? t('showtimes.fewLeft', { count: s.seatsAvailable })
      : '';
  const from = priceFrom(s.prices);
  return (
    <Link to="/showtimes/$id" params={{ id: s.id }} className={`showtime-chip${soldOut ? ' is-sold-out' : ''}`}>
      {title && <span className="showtime-chip-title">{title}</span>}
      <span className="showtime-chip-time">{time(s.startsAt, timeZone)}</span>
      <span className="showtime-chip-meta">{details}</span>
      {from !== null && (
        <span className="showtime-chip-price">
          {t('showtimes.priceFrom', { price: money({ amount: from, currency: s.currency }) })}
        </span>
      )}
      {seats && <span className="showtime-chip-seats">{seats}</span>}
    </Link>
  );
}

export function ShowtimesSkeleton() {
  return (
    <div className="showtimes" aria-hidden="true">
      <div className="day-strip">
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className="day-button skeleton" />
        ))}
      </div>
      <div className="showtime-day">
        <Skeleton width="12rem" height="1.4rem" />
        <div className="showtime-list mt-1">
          {[0, 1, 2].map((j) => (
            <span key={j} className="showtime-chip skeleton" />
          ))}
        </div>
      </div>
    </div>
  );
}
