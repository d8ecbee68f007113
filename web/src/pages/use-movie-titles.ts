import { useEffect, useState } from 'react';
import { catalog } from '../api/endpoints.ts';
import type { Showtime } from '../api/types.ts';

const known = new Map<string, string>();

/** Titles of the movies of some showtimes (fetched once each, remembered). */
export function useMovieTitles(showtimes: Showtime[] | undefined): Map<string, string> {
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!showtimes) return;
    const missing = [...new Set(showtimes.map((s) => s.movieId))].filter((id) => !known.has(id));
    if (missing.length === 0) return;
    let live = true;
    void Promise.all(
      missing.map((id) =>
        catalog.movie(id).then(
          (m) => known.set(id, m.title),
          () => undefined,
        ),
      ),
    ).then(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [showtimes]);
  return known;
}
