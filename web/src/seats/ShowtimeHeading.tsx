import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ShowtimeContext } from '../pages/use-showtime-context.ts';
import { Skeleton } from '../ui/Skeleton.tsx';

/** Movie, cinema, hall and start in the cinema's time: the same line on seat picker and checkout. */
export function ShowtimeHeading({ ctx, level = 1 }: { ctx: ShowtimeContext; level?: 1 | 2 }) {
  const { t, dateTime, language } = useI18n();
  const { showtime: s, movie, cinema, hall } = ctx;
  const H = level === 1 ? 'h1' : 'h2';
  const details = s
    ? [
        s.format,
        s.language ? language(s.language) : null,
        s.subtitles ? t('showtimes.subtitles', { language: language(s.subtitles) }) : null,
      ]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <div className="showtime-heading">
      {movie ? (
        <H>
          <Link to="/movies/$id" params={{ id: movie.id }}>
            {movie.title}
          </Link>
        </H>
      ) : (
        <Skeleton width="18rem" height="2.2rem" />
      )}
      <p className="showtime-heading-line">
        {s && cinema ? (
          <>
            <strong>{dateTime(s.startsAt, cinema.timezone)}</strong>
            <span>
              {' · '}
              <Link to="/cinemas/$id" params={{ id: cinema.id }}>
                {cinema.name}
              </Link>
              {hall ? ` · ${hall.name}` : ''}
            </span>
            {details && <span className="muted"> · {details}</span>}
          </>
        ) : (
          <Skeleton width="22rem" />
        )}
      </p>
    </div>
  );
}
