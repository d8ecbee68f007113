// A showtime's seat map: loaded once, then kept current by the live feed (or by polling with the
// ETag while the feed is blocked). Updates go into the query cache, so every reader sees them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { catalog } from '../api/endpoints.ts';
import { keys, queries } from '../api/queries.ts';
import type { SeatMap } from '../api/types.ts';
import { seatCacheWriter } from './seat-cache.ts';
import { useSeatEvents } from './seat-events.ts';

export interface LiveSeatMap {
  map: SeatMap | undefined;
  error: unknown;
  /** False while the feed reconnects (a stream that hangs without failing may still say true: see polling). */
  live: boolean;
  /** The map is polled every few seconds instead of streamed. */
  polling: boolean;
  /** Marks seats as taken before the feed says so (the server refused to hold them). */
  markTaken(seatIds: readonly string[]): void;
  reload(): void;
}

export function useSeatMap(showtimeId: string): LiveSeatMap {
  const client = useQueryClient();
  // The live feed opens with a snapshot and then sends every change: a few seconds of cache is safe.
  const query = useQuery({ ...queries.seats(showtimeId), staleTime: 5_000 });
  const [live, setLive] = useState(true);
  const [polling, setPolling] = useState(false);
  const writer = useMemo(() => seatCacheWriter(client, keys.seats(showtimeId)), [client, showtimeId]);
  useEffect(() => writer.flush(), [writer, query.data]);
  useSeatEvents(
    catalog.seatEventsUrl(showtimeId),
    {
      onChanges: writer.changes,
      onSnapshot: writer.snapshot,
      onConnection: setLive,
      onPolling: setPolling,
    },
    catalog.seatsUrl(showtimeId),
  );
  const markTaken = useCallback(
    (seatIds: readonly string[]) => {
      // At once, not after a cancel: a reload follows and its answer is the one to keep.
      const ids = new Set(seatIds);
      client.setQueryData<SeatMap>(keys.seats(showtimeId), (map) =>
        map
          ? {
              ...map,
              seats: map.seats.map((s) => (ids.has(s.id) && s.status === 'available' ? { ...s, status: 'held' } : s)),
            }
          : map,
      );
    },
    [client, showtimeId],
  );
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { map: query.data, error: query.error, live, polling, markTaken, reload };
}
