import type { Cinema, Showtime } from '../api/types.ts';
import { Link } from '../app/router.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Skeleton } from '../ui/Skeleton.tsx';
import { groupShowtimes } from './showtimes.ts';

export function ShowtimeGroups({ showtimes, cinemas, titleFor }: { showtimes: Showtime[]; cinemas: Cinema[]; titleFor?: (s: Showtime) => string | undefined }) {
  const { t, day } = useI18n();
  const groups = groupShowtimes(showtimes, cinemas);
  return (
    <div className="showtime-days">
      {groups.map((d) => (
        <section key={d.day} className="showtime-day" aria-label={day(d.sample.iso, d.sample.timeZone)}>
          <h3>{day(d.sample.iso, d.sample.timeZone)}</h3>
          {d.cinemas.map((c) => (
            <div key={c.cinemaId} className="showtime-cinema">
              <p className="showtime-cinema-name">
                {c.cinema ? <Link to={`/cinemas/${c.cinemaId}`}>{c.cinema.name}</Link> : t('showtimes.unknownCinema')}
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
      ))}
    </div>
  );
}

function ShowtimeChip({ showtime: s, timeZone, title }: { showtime: Showtime; timeZone: string | undefined; title?: string }) {
  const { t, time, language } = useI18n();
  const soldOut = s.seatsAvailable <= 0;
  const lang = [s.language ? language(s.language) : null, s.subtitles ? t('showtimes.subtitles', { language: language(s.subtitles) }) : null].filter(Boolean).join(', ');
  const details = [s.format, lang].filter(Boolean).join(' · ');
  const seats = soldOut ? t('showtimes.soldOut') : s.seatsAvailable <= 20 ? t('showtimes.fewLeft', { count: s.seatsAvailable }) : '';
  const label = [title, time(s.startsAt, timeZone), details, seats].filter(Boolean).join(', ');
  return (
    <Link to={`/showtimes/${s.id}`} className={`showtime-chip${soldOut ? ' is-sold-out' : ''}`} aria-label={label}>
      {title && <span className="showtime-chip-title">{title}</span>}
      <span className="showtime-chip-time">{time(s.startsAt, timeZone)}</span>
      <span className="showtime-chip-meta">{details}</span>
      {seats && <span className="showtime-chip-seats">{seats}</span>}
    </Link>
  );
}

export function ShowtimesSkeleton() {
  return (
    <div className="showtime-days" aria-hidden="true">
      {[0, 1].map((i) => (
        <div key={i} className="showtime-day">
          <Skeleton width="12rem" height="1.4rem" />
          <div className="showtime-list mt-1">
            {[0, 1, 2].map((j) => (
              <span key={j} className="showtime-chip skeleton" />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
