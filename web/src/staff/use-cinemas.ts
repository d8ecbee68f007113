// The cinemas staff can pick from, and the one they work with (remembered).
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useStaffCinema } from './common.tsx';
import { staffQueries } from './staff-queries.ts';

export function useCinemas() {
  const list = useQuery(staffQueries.allCinemas());
  const [cinemaId, setCinemaId] = useStaffCinema();
  const cinemas = list.data ?? [];
  const current = cinemas.find((c) => c.id === cinemaId) ?? cinemas[0];
  useEffect(() => {
    if (current && current.id !== cinemaId) setCinemaId(current.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `setCinemaId` is a new function each render
  }, [current, cinemaId]);
  return { cinemas, current, setCinemaId, loading: list.isLoading, error: list.error };
}
