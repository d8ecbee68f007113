// A movie: poster, facts, synopsis, people, and where and when it plays.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { queries } from '../api/queries.ts';
import type { Movie } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { ApiError } from '../api/http.ts';
import { Notice } from '../ui/Notice.tsx';
import { Poster } from '../ui/Poster.tsx';
import { Loading, Skeleton, SkeletonText } from '../ui/Skeleton.tsx';
import { useTitle } from '../ui/use-title.ts';
import { LocationPicker, useLocationChoice } from './LocationPicker.tsx';
import { ageRatingLabel } from './MovieCard.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { ShowtimeGroups, ShowtimesSkeleton } from './ShowtimeGroups.tsx';

export function MoviePage() {
  const { t, lang } = useI18n();
  const { id } = useParams({ from: '/movies/$id' });
  const movie = useQuery(queries.movie(id));
  useTitle(movie.data?.title);
  if (movie.error instanceof ApiError && (movie.error.status === 404 || movie.error.status === 422)) {
    return <NotFoundPage message={t('movie.notFound')} />;
  }
  return (
    <div className="page movie-page">
      {movie.data?.backdropUrl && (
        <div className="backdrop" style={{ backgroundImage: `url("${movie.data.backdropUrl}")` }} aria-hidden="true" />
      )}
      <div className="container">
        {movie.error ? (
          <Notice tone="error">{errorText(movie.error, t, lang)}</Notice>
        ) : movie.data ? (
          <MovieFacts movie={movie.data} />
        ) : (
          <MovieFactsSkeleton />
        )}
        <section aria-labelledby="showtimes-title" className="mt-3">
          <div className="page-head">
            <h2 id="showtimes-title">{t('movie.showtimes')}</h2>
            <LocationPicker />
          </div>
          <MovieShowtimes movieId={id} />
        </section>
      </div>
    </div>
  );
}

function MovieFacts({ movie }: { movie: Movie }) {
  const { t, duration, date, language } = useI18n();
  const linked = new Map((movie.people ?? []).map((p) => [`${p.role}:${p.name}`, p.personId]));
  const personLink = (name: string, role: string) => {
    const personId = linked.get(`${role}:${name}`) ?? movie.people?.find((p) => p.name === name)?.personId;
    return personId ? (
      <Link to="/people/$id" params={{ id: personId }}>
        {name}
      </Link>
    ) : (
      <>{name}</>
    );
  };
  return (
    <article className="movie-hero">
      <Poster url={movie.posterUrl} title={movie.title} size="lg" priority variants={movie.poster?.variants} />
      <div className="movie-hero-text">
        <h1>{movie.title}</h1>
        {movie.originalTitle && movie.originalTitle !== movie.title && <p className="muted">{movie.originalTitle}</p>}
        <ul className="facts" aria-label={t('movie.facts')}>
          {movie.ageRating && <li className="badge">{ageRatingLabel(movie.ageRating, t)}</li>}
          {movie.durationMinutes > 0 && <li>{duration(movie.durationMinutes)}</li>}
          {movie.genres.length > 0 && <li>{movie.genres.join(', ')}</li>}
          {movie.language && <li>{language(movie.language)}</li>}
          {movie.releaseDate && <li>{date(movie.releaseDate)}</li>}
        </ul>
        {movie.synopsis && <p className="synopsis">{movie.synopsis}</p>}
        <dl className="credits">
          {movie.director && (
            <div>
              <dt>{t('movie.director')}</dt>
              <dd>{personLink(movie.director, 'director')}</dd>
            </div>
          )}
          {movie.cast.length > 0 && (
            <div>
              <dt>{t('movie.cast')}</dt>
              <dd>
                {movie.cast.map((name, i) => (
                  <span key={name}>
                    {i > 0 && ', '}
                    {personLink(name, 'actor')}
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
      </div>
    </article>
  );
}

function MovieFactsSkeleton() {
  const { t } = useI18n();
  return (
    <div className="movie-hero" aria-hidden="true">
      <Loading label={t('common.loading')} />
      <span className="poster poster-lg skeleton" />
      <div className="movie-hero-text">
        <Skeleton width="60%" height="2.4rem" />
        <Skeleton width="40%" className="mt-1" />
        <div className="mt-2">
          <SkeletonText lines={4} />
        </div>
      </div>
    </div>
  );
}

function MovieShowtimes({ movieId }: { movieId: string }) {
  const { t, lang } = useI18n();
  const { city, cinemaId, cinemas } = useLocationChoice();
  const showtimes = useQuery(queries.showtimeList({ movieId, cinemaId: cinemaId ?? undefined }, 14));
  if (showtimes.error) return <Notice tone="error">{errorText(showtimes.error, t, lang)}</Notice>;
  if (!showtimes.data || !cinemas) return <ShowtimesSkeleton />;
  const inCity = new Set(cinemas.filter((c) => !city || c.city === city).map((c) => c.id));
  const shown = showtimes.data.filter((s) => cinemaId || inCity.has(s.cinemaId));
  if (shown.length === 0) return <p className="empty">{t('movie.noShowtimes')}</p>;
  return <ShowtimeGroups showtimes={shown} cinemas={cinemas} />;
}
