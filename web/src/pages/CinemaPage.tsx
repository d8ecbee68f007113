// A cinema's programme for the next week, every movie and time in its own zone.
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { ApiError } from '../api/http.ts';
import { queries } from '../api/queries.ts';
import { PREF_CINEMA, PREF_CITY, usePref } from '../app/prefs.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Skeleton } from '../ui/Skeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { ShowtimeGroups, ShowtimesSkeleton } from './ShowtimeGroups.tsx';
import { useMovieTitles } from './use-movie-titles.ts';

export function CinemaPage() {
  const { t, lang } = useI18n();
  const { id } = useParams({ from: '/cinemas/$id' });
  const cinema = useQuery(queries.cinema(id));
  const showtimes = useQuery(queries.showtimeList({ cinemaId: id }, 7));
  const titles = useMovieTitles(showtimes.data);
  const [chosen, setCinema] = usePref(PREF_CINEMA);
  const [, setCity] = usePref(PREF_CITY);
  useTitle(cinema.data?.name);
  if (cinema.error instanceof ApiError && (cinema.error.status === 404 || cinema.error.status === 422))
    return <NotFoundPage />;
  const c = cinema.data;
  return (
    <div className="container page">
      <div className="page-head">
        <div>
          {c ? <h1>{c.name}</h1> : <Skeleton width="14rem" height="2.2rem" />}
          <p className="muted">{c ? [c.address, c.city].filter(Boolean).join(', ') : <Skeleton width="10rem" />}</p>
        </div>
        {c && (
          <Button
            variant={chosen === c.id ? 'secondary' : 'primary'}
            aria-pressed={chosen === c.id}
            onClick={() => {
              setCity(c.city);
              setCinema(c.id);
            }}
          >
            {chosen === c.id ? t('cinema.isMine') : t('cinema.makeMine')}
          </Button>
        )}
      </div>
      {showtimes.error ? (
        <Notice tone="error">{errorText(showtimes.error, t, lang)}</Notice>
      ) : !showtimes.data || !c ? (
        <ShowtimesSkeleton />
      ) : showtimes.data.length === 0 ? (
        <p className="empty">{t('cinema.noShowtimes')}</p>
      ) : (
        <ShowtimeGroups showtimes={showtimes.data} cinemas={[c]} titleFor={(s) => titles.get(s.movieId)} />
      )}
    </div>
  );
}
