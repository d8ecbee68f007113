import { catalog } from '../api/endpoints.ts';
import type { Cinema, Hall, Movie, Showtime } from '../api/types.ts';
import { useQuery } from '../app/query.ts';

export interface ShowtimeContext {
  showtime?: Showtime;
  movie?: Movie;
  cinema?: Cinema;
  hall?: Hall;
  error: unknown;
}

/** A showtime with its movie, cinema and hall, each cached on its own key. */
export function useShowtimeContext(showtimeId: string | undefined): ShowtimeContext {
  const showtime = useQuery(showtimeId ? `showtime:${showtimeId}` : null, (signal) =>
    catalog.showtime(showtimeId!, signal),
  );
  const s = showtime.data;
  const movie = useQuery(s ? `movie:${s.movieId}` : null, (signal) => catalog.movie(s!.movieId, signal));
  const cinema = useQuery(s ? `cinema:${s.cinemaId}` : null, (signal) => catalog.cinema(s!.cinemaId, signal));
  const hall = useQuery(s ? `hall:${s.hallId}` : null, (signal) => catalog.hall(s!.hallId, signal));
  return {
    showtime: s,
    movie: movie.data,
    cinema: cinema.data,
    hall: hall.data,
    error: showtime.error ?? movie.error ?? cinema.error,
  };
}
