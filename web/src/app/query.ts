// Data loading with a small shared cache: a page that was seen shows at once on return (no
// skeleton flash) and refreshes quietly; mutations invalidate by key prefix.
import { useCallback, useEffect, useRef, useState } from 'react';

interface Entry {
  data?: unknown;
  error?: unknown;
  at: number;
  promise?: Promise<unknown>;
}

const cache = new Map<string, Entry>();
const listeners = new Map<string, Set<() => void>>();
const FRESH_MS = 30_000;

function notify(key: string): void {
  for (const l of listeners.get(key) ?? []) l();
}

/** Marks cached answers whose key starts with `prefix` as stale; the ones on screen reload quietly. */
export function invalidate(prefix: string): void {
  for (const [key, entry] of cache) {
    if (key.startsWith(prefix)) {
      entry.at = 0;
      notify(key);
    }
  }
}

/** Starts loading `key` unless it is cached or on its way (a page's data while its code loads). */
export function prefetch<T>(key: string, fetcher: (signal: AbortSignal) => Promise<T>): void {
  if (cache.has(key)) return;
  const promise = fetcher(new AbortController().signal).then(
    (data) => cache.set(key, { data, at: Date.now() }),
    (error: unknown) => cache.set(key, { error, at: Date.now() }),
  );
  cache.set(key, { at: 0, promise: promise.finally(() => notify(key)) });
}

/** Puts an answer in the cache (e.g. the booking a payment returned). */
export function prime(key: string, data: unknown): void {
  cache.set(key, { data, at: Date.now() });
  notify(key);
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
  const [, force] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const freshMs = options.freshMs ?? FRESH_MS;

  const load = useCallback((k: string) => {
    const existing = cache.get(k);
    if (existing?.promise) return;
    const controller = new AbortController();
    const promise = fetcherRef
      .current(controller.signal)
      .then(
        (data) => cache.set(k, { data, at: Date.now() }),
        (error: unknown) => {
          if ((error as Error)?.name === 'AbortError') return;
          cache.set(k, { data: existing?.data, error, at: Date.now() });
        },
      )
      .finally(() => notify(k));
    cache.set(k, { ...(existing ?? { at: 0 }), promise });
  }, []);

  useEffect(() => {
    if (key === null) return;
    const l = () => {
      const e = cache.get(key);
      if (!e || (!e.promise && e.at === 0)) load(key);
      force((n) => n + 1);
    };
    let set = listeners.get(key);
    if (!set) listeners.set(key, (set = new Set()));
    set.add(l);
    const entry = cache.get(key);
    if (!entry || (!entry.promise && Date.now() - entry.at > freshMs)) load(key);
    force((n) => n + 1);
    return () => {
      set.delete(l);
    };
  }, [key, load, freshMs]);

  const entry = key === null ? undefined : cache.get(key);
  return {
    data: entry?.data as T | undefined,
    error: entry?.error,
    loading: key !== null && (entry === undefined || (entry.data === undefined && entry.error === undefined)),
    reload: () => {
      if (key === null) return;
      const e = cache.get(key);
      if (e) delete e.error;
      if (e && !e.promise) e.at = 0;
      load(key);
    },
    set: (update) => {
      if (key === null) return;
      const e = cache.get(key);
      cache.set(key, { ...(e ?? { at: Date.now() }), data: update(e?.data as T | undefined) });
      notify(key);
    },
  };
}
