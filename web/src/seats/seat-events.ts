// Live seat changes over Server-Sent Events. The server sends `seats` events with the changed
// seats and a `snapshot` with the whole map whenever it cannot vouch for the order; EventSource
// reconnects by itself and resumes from the last event id.
import { useEffect, useRef } from 'react';
import type { SeatMap, SeatStatus } from '../api/types.ts';

export interface SeatChange {
  id: string;
  status: SeatStatus;
}

export interface SeatEventHandlers {
  onChanges(changes: SeatChange[]): void;
  onSnapshot(map: SeatMap): void;
  /** The connection came back after a drop without a snapshot: the page should reload the map. */
  onReconnect(): void;
  onConnection?(live: boolean): void;
}

/** Reads the changes out of one event's data, whatever shape of list it has. */
export function parseChanges(data: string): SeatChange[] {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return [];
  }
  const list = Array.isArray(body) ? body : ((body as { seats?: unknown[]; changes?: unknown[] }).seats ?? (body as { changes?: unknown[] }).changes ?? [body]);
  const out: SeatChange[] = [];
  for (const item of list as Record<string, unknown>[]) {
    const id = (item?.id ?? item?.seatId) as unknown;
    const status = item?.status as unknown;
    if (typeof id === 'string' && typeof status === 'string') out.push({ id, status: status as SeatStatus });
  }
  return out;
}

export function useSeatEvents(url: string | null, handlers: SeatEventHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    const source = new EventSource(url);
    let dropped = false;
    const onChanges = (e: MessageEvent<string>) => {
      const changes = parseChanges(e.data);
      if (changes.length > 0) ref.current.onChanges(changes);
    };
    source.addEventListener('seats', onChanges);
    source.addEventListener('message', onChanges);
    source.addEventListener('snapshot', (e: MessageEvent<string>) => {
      try {
        const map = JSON.parse(e.data) as SeatMap;
        if (Array.isArray(map.seats)) ref.current.onSnapshot(map);
      } catch {}
    });
    source.addEventListener('open', () => {
      ref.current.onConnection?.(true);
      if (dropped) ref.current.onReconnect();
      dropped = false;
    });
    source.addEventListener('error', () => {
      dropped = true;
      ref.current.onConnection?.(false);
    });
    return () => source.close();
  }, [url]);
}
