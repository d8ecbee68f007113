// The old string-keyed data hooks, now a thin layer over TanStack Query (query-client.ts) while
// pages move to the key factories in api/queries.ts. `a:b:c` is the key ['a', 'b', 'c'], so both
// styles share entries and invalidations; a prefix matches keys that start with it.
import { useQuery as useTanstackQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { queryClient } from './query-client.ts';

const keyOf = (key: string): string[] => key.split(':');

/** Marks cached answers whose key starts with `prefix` as stale; the ones on screen reload quietly. */
export function invalidate(prefix: string): void {
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey.join(':').startsWith(prefix) });
}

/** Starts loading `key` unless it is cached or on its way (a page's data while its code loads). */
export function prefetch<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>): void {
  void queryClient.prefetchQuery({ queryKey: keyOf(key), queryFn: ({ signal }) => fetcher(signal) });
}

/** Puts an answer in the cache (e.g. the booking a payment returned). */
export function prime(key: string, data: unknown): void {
  queryClient.setQueryData(keyOf(key), data);
}

export interface Query<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replaces the data in place (live updates). */
  set(update: (prev: T | undefined) => T): void;
}

/** Loads `key` with `fetcher` (null key: nothing to load yet). */
export function useQuery<T>(
  key: string | null,
  fetcher: (signal: AbortSignal) => Promise<T>,
  options: { freshMs?: number } = {},
): Query<T> {
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const queryKey = key === null ? ['none'] : keyOf(key);
  const q = useTanstackQuery<T>({
    queryKey,
    queryFn: ({ signal }) => fetcherRef.current(signal),
    enabled: key !== null,
    ...(options.freshMs !== undefined && { staleTime: options.freshMs }),
  });
  return {
    data: q.data,
    error: q.error ?? undefined,
    loading: key !== null && q.data === undefined && q.error === null,
    reload: () => void q.refetch(),
    set: (update) => {
      if (key !== null) queryClient.setQueryData<T>(queryKey, (prev) => update(prev));
    },
  };
}
