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
  const list = Array.isArray(body)
    ? body
    : ((body as { seats?: unknown[]; changes?: unknown[] }).seats ??
      (body as { changes?: unknown[] }).changes ?? [body]);
  const out: SeatChange[] = [];
  for (const item of list as Record<string, unknown>[]) {
    const id = (item?.id ?? item?.seatId) as unknown;
    const status = item?.status as unknown;
    if (typeof id === 'string' && typeof status === 'string') out.push({ id, status: status as SeatStatus });
  }
  return out;
}

/** Waits before opening a refused stream again: 5 s, doubling to a minute, with jitter so a crowd spreads out. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(60_000, 5000 * 2 ** Math.min(attempt, 4));
  return Math.round(base * (0.5 + random() / 2));
}

/** The part of EventSource used here (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void;
  close(): void;
}

const CLOSED = 2;

/**
 * Follows a showtime's seat events until the returned function is called. EventSource retries a
 * dropped stream by itself but gives up on a refused one (a server at its stream cap answers 429 or
 * 503): the map then stays as it was and the stream is asked for again later.
 */
export function followSeatEvents(
  url: string,
  handlers: () => SeatEventHandlers,
  openSource: (url: string) => EventSourceLike,
  schedule: (run: () => void, ms: number) => () => void = (run, ms) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
): () => void {
  let source: EventSourceLike | null = null;
  let cancelRetry: (() => void) | null = null;
  let attempts = 0;
  let dropped = false;
  let stopped = false;
  const onChanges = (e: MessageEvent<string>) => {
    const changes = parseChanges(e.data);
    if (changes.length > 0) handlers().onChanges(changes);
  };
  const open = () => {
    cancelRetry = null;
    const es = openSource(url);
    source = es;
    es.addEventListener('seats', onChanges);
    es.addEventListener('message', onChanges);
    es.addEventListener('snapshot', (e) => {
      try {
        const map = JSON.parse(e.data) as SeatMap;
        if (Array.isArray(map.seats)) handlers().onSnapshot(map);
      } catch {}
    });
    es.addEventListener('open', () => {
      attempts = 0;
      handlers().onConnection?.(true);
      if (dropped) handlers().onReconnect();
      dropped = false;
    });
    es.addEventListener('error', () => {
      dropped = true;
      handlers().onConnection?.(false);
      if (es.readyState !== CLOSED || stopped) return;
      es.close();
      cancelRetry = schedule(open, retryDelayMs(attempts++));
    });
  };
  open();
  return () => {
    stopped = true;
    cancelRetry?.();
    source?.close();
  };
}

export function useSeatEvents(url: string | null, handlers: SeatEventHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    return followSeatEvents(
      url,
      () => ref.current,
      (u) => new EventSource(u) as EventSourceLike,
    );
  }, [url]);
}
