// What's on: first what is still on today near the customer, then now showing and coming soon there.
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { queries } from '../api/queries.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Loading } from '../ui/Skeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { LocationPicker, useLocationChoice } from './LocationPicker.tsx';
import { MovieCard, MovieGridSkeleton } from './MovieCard.tsx';
import { TodayNearYou } from './TodayNearYou.tsx';

function useMovies(status: 'now_showing' | 'coming_soon', city: string | null, cinemaId: string | null) {
  const filter = cinemaId ? { cinemaId } : city ? { city } : {};
  return useQuery(queries.movies({ status, limit: 100, ...filter }));
}

export function HomePage() {
  const { t, lang } = useI18n();
  useTitle(t('home.title'));
  const { city, cinemaId, cinemas } = useLocationChoice();
  const now = useMovies('now_showing', city, cinemaId);
  const soon = useMovies('coming_soon', city, cinemaId);
  const { deleted } = useSearch({ from: '/' });
  const place = cinemaId ? cinemas?.find((c) => c.id === cinemaId)?.name : city;

  return (
    <div className="container page">
      <div className="page-head">
        <h1>{place ? t('home.titleIn', { place }) : t('home.title')}</h1>
        <LocationPicker />
      </div>
      {deleted === '1' && <Notice tone="success">{t('home.deleted')}</Notice>}
      <TodayNearYou place={place} city={city} cinemaId={cinemaId} cinemas={cinemas} movies={now.data?.items} />
      <section aria-labelledby="now-showing" className="mt-3">
        <h2 id="now-showing">{t('home.nowShowing')}</h2>
        {now.error ? (
          <Notice
            tone="error"
            action={
              <Button variant="secondary" onClick={() => void now.refetch()}>
                {t('common.retry')}
              </Button>
            }
          >
            {errorText(now.error, t, lang)}
          </Notice>
        ) : now.isPending ? (
          <>
            <Loading label={t('common.loading')} />
            <MovieGridSkeleton />
          </>
        ) : now.data && now.data.items.length > 0 ? (
          <ul className="movie-grid">
            {now.data.items.map((m, i) => (
              <MovieCard key={m.id} movie={m} priority={i < 4} />
            ))}
          </ul>
        ) : (
          <p className="empty">{t('home.nothingNow')}</p>
        )}
      </section>
      <section aria-labelledby="coming-soon" className="mt-3">
        <h2 id="coming-soon">{t('home.comingSoon')}</h2>
        {soon.isPending ? (
          <MovieGridSkeleton count={4} />
        ) : soon.data && soon.data.items.length > 0 ? (
          <ul className="movie-grid">
            {soon.data.items.map((m) => (
              <MovieCard key={m.id} movie={m} showRelease />
            ))}
          </ul>
        ) : (
          !soon.error && <p className="empty">{t('home.nothingSoon')}</p>
        )}
      </section>
    </div>
  );
}
