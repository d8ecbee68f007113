// What is still on today at the customer's cinema (or in their city), movie by movie, so the home
// page answers "what can I see tonight?" before it shows the whole programme.
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { serverNow } from '../api/http.ts';
import { queries } from '../api/queries.ts';
import type { Cinema, Movie, Showtime } from '../api/types.ts';
import { dayKey } from '../i18n/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/errors.ts';
import { Notice } from '../ui/Notice.tsx';
import { Poster } from '../ui/Poster.tsx';
import { ShowtimeChip, ShowtimesSkeleton } from './ShowtimeGroups.tsx';

const MAX_MOVIES = 8;

interface MovieToday {
  movieId: string;
  title: string;
  showtimes: Showtime[];
}

/** The showtimes of `cinemas` left today in each cinema's own zone, by movie in order of the next start. */
export function todayByMovie(showtimes: Showtime[], cinemas: Cinema[], now: number): MovieToday[] {
  const zones = new Map(cinemas.map((c) => [c.id, c.timezone]));
  const today = new Map([...zones].map(([id, zone]) => [id, dayKey(new Date(now).toISOString(), zone)]));
  const byMovie = new Map<string, MovieToday>();
  const sorted = [...showtimes].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  for (const s of sorted) {
    const zone = zones.get(s.cinemaId);
    if (!zone || Date.parse(s.startsAt) <= now || dayKey(s.startsAt, zone) !== today.get(s.cinemaId)) continue;
    let m = byMovie.get(s.movieId);
    if (!m) byMovie.set(s.movieId, (m = { movieId: s.movieId, title: s.movieTitle, showtimes: [] }));
    m.showtimes.push(s);
  }
  return [...byMovie.values()].slice(0, MAX_MOVIES);
}

export function TodayNearYou({
  place,
  city,
  cinemaId,
  cinemas,
  movies,
}: {
  place: string | null | undefined;
  city: string | null;
  cinemaId: string | null;
  cinemas: Cinema[] | undefined;
  movies: Movie[] | undefined;
}) {
  const { t, lang } = useI18n();
  const near = (cinemas ?? []).filter((c) => (cinemaId ? c.id === cinemaId : city ? c.city === city : false));
  const chosen = Boolean(cinemaId || city);
  // Each cinema of the place on its own, side by side: a chain's busy cinemas elsewhere never crowd
  // this city's showtimes out of the pages.
  const showtimes = useQueries({
    queries: near.map((c) => queries.showtimeList({ cinemaId: c.id }, 1)),
    combine: (results) => ({
      data: results.every((r) => r.data) ? results.flatMap((r) => r.data ?? []) : undefined,
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
  const posters = new Map((movies ?? []).map((m) => [m.id, m]));
  const multi = near.length > 1;

  let body;
  if (!chosen) body = <p className="muted">{t('home.choosePlace')}</p>;
  else if (showtimes.error) body = <Notice tone="error">{errorText(showtimes.error, t, lang)}</Notice>;
  else if (!showtimes.data || !cinemas) body = <ShowtimesSkeleton />;
  else {
    const today = todayByMovie(showtimes.data, near, serverNow());
    body =
      today.length === 0 ? (
        <p className="empty">{t('home.todayNone')}</p>
      ) : (
        <ul className="today-list">
          {today.map((m) => {
            const movie = posters.get(m.movieId);
            return (
              <li key={m.movieId} className="today-movie">
                <Poster url={movie?.posterUrl} title={m.title} size="sm" variants={movie?.poster?.variants} />
                <div className="today-movie-times">
                  <h3>
                    <Link to="/movies/$id" params={{ id: m.movieId }}>
                      {m.title}
                    </Link>
                  </h3>
                  <ul className="showtime-list">
                    {m.showtimes.map((s) => (
                      <li key={s.id}>
                        <ShowtimeChip
                          showtime={s}
                          timeZone={s.timezone}
                          title={multi ? near.find((c) => c.id === s.cinemaId)?.name : undefined}
                        />
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            );
          })}
        </ul>
      );
  }
  return (
    <section aria-labelledby="today-title" className="today">
      <h2 id="today-title">{place ? t('home.todayIn', { place }) : t('home.today')}</h2>
      {body}
    </section>
  );
}
