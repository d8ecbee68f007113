import { Link } from '@tanstack/react-router';
import type { Movie } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Poster } from '../ui/Poster.tsx';
import { Skeleton } from '../ui/Skeleton.tsx';

/** `Rated 12`, and `All ages` for 0 (no minimum age) rather than `Rated 0`. */
export function ageRatingLabel(rating: string, t: ReturnType<typeof useI18n>['t']): string {
  return /^0+$/.test(rating.trim()) ? t('movie.allAges') : t('movie.ageRating', { rating });
}

export function MovieCard({
  movie,
  showRelease = false,
  priority = false,
}: {
  movie: Movie;
  showRelease?: boolean;
  priority?: boolean;
}) {
  const { t, duration, date } = useI18n();
  const meta = [
    movie.durationMinutes ? duration(movie.durationMinutes) : null,
    movie.ageRating ? ageRatingLabel(movie.ageRating, t) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="movie-card">
      <Link to="/movies/$id" params={{ id: movie.id }} className="movie-card-link">
        <Poster url={movie.posterUrl} title={movie.title} priority={priority} variants={movie.poster?.variants} />
        <span className="movie-card-title">{movie.title}</span>
        <span className="movie-card-meta">
          {showRelease && movie.releaseDate ? t('movie.releases', { date: date(movie.releaseDate) }) : meta}
        </span>
        {movie.genres.length > 0 && <span className="movie-card-genres">{movie.genres.slice(0, 3).join(', ')}</span>}
      </Link>
    </li>
  );
}

export function MovieGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <ul className="movie-grid" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="movie-card">
          <span className="poster poster-md skeleton" />
          <Skeleton width="80%" className="mt-1" />
          <Skeleton width="50%" />
        </li>
      ))}
    </ul>
  );
}
