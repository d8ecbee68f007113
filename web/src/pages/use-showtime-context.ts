import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries.ts';
import type { Cinema, Hall, Movie, Showtime } from '../api/types.ts';

export interface ShowtimeContext {
  showtime?: Showtime;
  movie?: Movie;
  cinema?: Cinema;
  hall?: Hall;
  error: unknown;
}

/** A showtime with its movie, cinema and hall, each cached on its own key. */
export function useShowtimeContext(showtimeId: string | undefined): ShowtimeContext {
  const showtime = useQuery({ ...queries.showtime(showtimeId ?? ''), enabled: showtimeId !== undefined });
  const s = showtime.data;
  const movie = useQuery({ ...queries.movie(s?.movieId ?? ''), enabled: s !== undefined });
  const cinema = useQuery({ ...queries.cinema(s?.cinemaId ?? ''), enabled: s !== undefined });
  const hall = useQuery({ ...queries.hall(s?.hallId ?? ''), enabled: s !== undefined });
  return {
    showtime: s,
    movie: movie.data,
    cinema: cinema.data,
    hall: hall.data,
    error: showtime.error ?? movie.error ?? cinema.error ?? undefined,
  };
}
