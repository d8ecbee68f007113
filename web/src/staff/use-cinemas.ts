// The cinemas staff can pick from, and the one they work with (remembered).
import { useEffect } from 'react';
import type { Cinema } from '../api/types.ts';
import { useQuery } from '../app/query.ts';
import { useStaffCinema } from './common.tsx';
import { allPages, staff } from './staff-api.ts';

export function useCinemas() {
  const list = useQuery<Cinema[]>('staff:cinemas', (signal) => allPages((cursor) => staff.cinemas({ cursor }, signal)));
  const [cinemaId, setCinemaId] = useStaffCinema();
  const cinemas = list.data ?? [];
  const current = cinemas.find((c) => c.id === cinemaId) ?? cinemas[0];
  useEffect(() => {
    if (current && current.id !== cinemaId) setCinemaId(current.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `setCinemaId` is a new function each render
  }, [current, cinemaId]);
  return { cinemas, current, setCinemaId, loading: list.loading, error: list.error };
}
