// Writes the live seat feed into the query cache. An HTTP answer still on its way (the loader's
// prefetch, a reload, a refetch on focus or reconnect) would land after a newer snapshot or change
// and overwrite it, so it is cancelled before each write, and writes keep their order. Changes that
// come while there is no map yet are kept: a snapshot supersedes them, the first HTTP answer gets
// them applied.
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { SeatMap, SeatStatus } from '../api/types.ts';
import type { SeatChange } from './seat-events.ts';

export function applyChanges(map: SeatMap, changes: readonly SeatChange[]): SeatMap {
  const status = new Map<string, SeatStatus>(changes.map((c) => [c.id, c.status]));
  return { ...map, seats: map.seats.map((s) => (status.has(s.id) ? { ...s, status: status.get(s.id)! } : s)) };
}

export interface SeatCacheWriter {
  snapshot(map: SeatMap): void;
  changes(changes: readonly SeatChange[]): void;
  /** Applies changes kept for want of a map, once a map is there (call when the query's data changes). */
  flush(): void;
  /** Resolves when every write so far is in the cache. */
  settled(): Promise<void>;
}

export function seatCacheWriter(client: QueryClient, queryKey: QueryKey): SeatCacheWriter {
  const filters = { queryKey, exact: true };
  let queue: Promise<void> = Promise.resolve();
  let waiting = 0;
  let early: SeatChange[] = [];
  const current = () => client.getQueryData<SeatMap>(queryKey);
  const busy = () => (client.getQueryState(queryKey)?.fetchStatus ?? 'idle') !== 'idle';

  /** Runs `apply` after cancelling a fetch in flight; at once when nothing is in flight or queued. */
  function write(apply: () => void, cancel: () => boolean): void {
    if (waiting === 0 && !(busy() && cancel())) return apply();
    waiting++;
    queue = queue
      .then(async () => {
        if (busy() && cancel()) await client.cancelQueries(filters);
        apply();
      })
      .catch(() => {})
      .finally(() => void waiting--);
  }
  /** With no map, changes wait and the fetch that brings one goes on. */
  function applyEarly(changes: readonly SeatChange[]): void {
    const prev = current();
    if (!prev) return void early.push(...changes);
    const all = early.length > 0 ? [...early, ...changes] : changes;
    early = [];
    if (all.length > 0) client.setQueryData<SeatMap>(queryKey, applyChanges(prev, all));
  }

  return {
    snapshot(map) {
      write(
        () => {
          early = [];
          client.setQueryData<SeatMap>(queryKey, map);
        },
        () => true,
      );
    },
    changes(changes) {
      write(
        () => applyEarly(changes),
        () => current() !== undefined,
      );
    },
    flush() {
      if (early.length > 0 && current())
        write(
          () => applyEarly([]),
          () => false,
        );
    },
    settled: () => queue,
  };
}
