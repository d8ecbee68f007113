// A showtime's seat map: loaded once, then kept current by the live feed (or by polling with the
// ETag while the feed is blocked). Updates go into the query cache, so every reader sees them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { catalog } from '../api/endpoints.ts';
import { keys, queries } from '../api/queries.ts';
import type { SeatMap, SeatStatus } from '../api/types.ts';
import { type SeatChange, useSeatEvents } from './seat-events.ts';

export interface LiveSeatMap {
  map: SeatMap | undefined;
  error: unknown;
  /** False while the feed reconnects or the map is polled instead. */
  live: boolean;
  /** While not live: the map is polled every few seconds meanwhile. */
  polling: boolean;
  /** Marks seats as taken before the feed says so (the server refused to hold them). */
  markTaken(seatIds: readonly string[]): void;
  reload(): void;
}

export function applyChanges(map: SeatMap, changes: readonly SeatChange[]): SeatMap {
  const status = new Map<string, SeatStatus>(changes.map((c) => [c.id, c.status]));
  return { ...map, seats: map.seats.map((s) => (status.has(s.id) ? { ...s, status: status.get(s.id)! } : s)) };
}

export function useSeatMap(showtimeId: string): LiveSeatMap {
  const client = useQueryClient();
  // The live feed opens with a snapshot and then sends every change: a few seconds of cache is safe.
  const query = useQuery({ ...queries.seats(showtimeId), staleTime: 5_000 });
  const [live, setLive] = useState(true);
  const [polling, setPolling] = useState(false);
  const key = keys.seats(showtimeId);
  const update = useCallback(
    (change: (map: SeatMap) => SeatMap) =>
      client.setQueryData<SeatMap>(keys.seats(showtimeId), (prev) => (prev ? change(prev) : prev)),
    [client, showtimeId],
  );
  useSeatEvents(
    catalog.seatEventsUrl(showtimeId),
    {
      onChanges: (changes) => update((map) => applyChanges(map, changes)),
      onSnapshot: (snapshot) => client.setQueryData(key, snapshot),
      onConnection: setLive,
      onPolling: setPolling,
    },
    catalog.seatsUrl(showtimeId),
  );
  const markTaken = useCallback(
    (seatIds: readonly string[]) => {
      const ids = new Set(seatIds);
      update((map) => ({
        ...map,
        seats: map.seats.map((s) => (ids.has(s.id) && s.status === 'available' ? { ...s, status: 'held' } : s)),
      }));
    },
    [update],
  );
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { map: query.data, error: query.error, live, polling, markTaken, reload };
}
