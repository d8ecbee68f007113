// Live seat changes over Server-Sent Events. The server sends a `snapshot` with the whole map first
// (and whenever it cannot vouch for the order), then `seats` events with the changed seats, and a
// `ping` right away and every heartbeat. A stream that fails, or stays silent for two heartbeats, is
// opened again after a growing, jittered delay, resuming after the last event id it saw; while it
// cannot be opened or kept (some proxies block or buffer event streams), the map is polled with
// If-None-Match instead, one poll at a time, until the stream is live again. A hidden tab does neither.
import { useEffect, useRef } from 'react';
import type { SeatMap, SeatStatus } from '../api/types.ts';

export interface SeatChange {
  id: string;
  status: SeatStatus;
}

export interface SeatEventHandlers {
  onChanges(changes: SeatChange[]): void;
  /** The whole map: from the stream, or from a poll that found it changed. */
  onSnapshot(map: SeatMap): void;
  /** The stream came back after a drop (a snapshot or the missed changes came first; pages with extra data may reload it). */
  onReconnect?(): void;
  /** Whether changes arrive live (false while reconnecting or polling). */
  onConnection?(live: boolean): void;
  /** Whether the map is being polled instead (the stream is not live and a poll is due). */
  onPolling?(polling: boolean): void;
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

const RETRY_BASE_MS = 2000;
const RETRY_CAP_MS = 30_000;

/** Waits before opening a failed stream again: 2 s doubling to 30 s, with jitter so a crowd spreads out. */
export function retryDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.5 + random() / 2));
}

/** The part of EventSource used here (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void;
  close(): void;
}

/** One conditional read of the map: null when it is unchanged since `etag` (304). */
export type PollMap = (
  etag: string | null,
  signal: AbortSignal,
) => Promise<{ map: SeatMap; etag: string | null } | null>;

export interface FeedOptions {
  /** Polls the map while the stream is not live (none: no fallback). */
  poll?: PollMap;
  /** No snapshot this long after (re)starting or a drop: poll meanwhile. */
  fallbackAfterMs?: number;
  pollEveryMs?: number;
  /** Whether the page is hidden, and a way to hear when that changes. */
  visibility?: { hidden(): boolean; subscribe(onChange: () => void): () => void };
}

type Schedule = (run: () => void, ms: number) => () => void;

const defaultSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/** The server's heartbeat until its first `ping` names its own. */
const HEARTBEAT_MS = 15_000;

/** The stream URL that resumes after `lastEventId` (a new EventSource cannot be given the header). */
export function resumeUrl(url: string, lastEventId: string | null): string {
  if (!lastEventId) return url;
  return `${url}${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`;
}

/** Follows a showtime's seat events until the returned function is called. */
export function followSeatEvents(
  url: string,
  handlers: () => SeatEventHandlers,
  openSource: (url: string) => EventSourceLike,
  schedule: Schedule = defaultSchedule,
  options: FeedOptions = {},
): () => void {
  const fallbackAfterMs = options.fallbackAfterMs ?? 4000;
  const pollEveryMs = options.pollEveryMs ?? 4000;
  let source: EventSourceLike | null = null;
  let cancelRetry: (() => void) | null = null;
  let cancelFallback: (() => void) | null = null;
  let cancelPoll: (() => void) | null = null;
  let cancelWatch: (() => void) | null = null;
  /** Failures since the stream last delivered anything: an open that drops at once does not count as working. */
  let attempts = 0;
  let live = false;
  /** What the page was last told (it assumes live until told otherwise). */
  let told = true;
  let dropped = false;
  let stopped = false;
  let etag: string | null = null;
  let lastEventId: string | null = null;
  let heartbeatMs = HEARTBEAT_MS;
  /** Whether the poll loop runs; each poll's number, so an answer of a superseded one is dropped. */
  let polling = false;
  let pollSeq = 0;
  let pollAbort: AbortController | null = null;

  const setPolling = (next: boolean) => {
    if (next === polling) return;
    polling = next;
    if (!stopped) handlers().onPolling?.(next);
  };
  const setLive = (next: boolean) => {
    live = next;
    if (next) stopPolling();
    if (next === told || stopped) return;
    told = next;
    handlers().onConnection?.(next);
  };

  /** The stream delivered something: it works. A stream silent for two heartbeats has stalled. */
  function alive(es: EventSourceLike, e: MessageEvent<string>) {
    if (e.lastEventId) lastEventId = e.lastEventId;
    attempts = 0;
    if (dropped) {
      dropped = false;
      handlers().onReconnect?.();
    }
    setLive(true);
    cancelWatch?.();
    cancelWatch = schedule(
      () => {
        cancelWatch = null;
        if (source === es) fail();
      },
      Math.round(heartbeatMs * 2.5),
    );
  }

  function stopPolling() {
    cancelFallback?.();
    cancelFallback = null;
    cancelPoll?.();
    cancelPoll = null;
    pollAbort?.abort();
    pollAbort = null;
    pollSeq++;
    setPolling(false);
  }
  /** One poll; the next is scheduled when it settles, so answers cannot overtake each other. */
  function pollNow() {
    cancelPoll = null;
    const poll = options.poll;
    if (!poll || stopped || live) return;
    setPolling(true);
    const seq = ++pollSeq;
    const abort = new AbortController();
    pollAbort = abort;
    const settle = () => {
      if (seq !== pollSeq || stopped || live) return;
      pollAbort = null;
      cancelPoll = schedule(pollNow, pollEveryMs);
    };
    poll(etag, abort.signal).then((answer) => {
      if (answer && seq === pollSeq && !stopped && !live) {
        etag = answer.etag;
        handlers().onSnapshot(answer.map);
      }
      settle();
    }, settle);
  }
  /** Polling starts when the stream is still not live a few seconds from now (or at once). */
  function armFallback(now = false) {
    if (!options.poll || polling) return;
    if (now) {
      cancelFallback?.();
      cancelFallback = null;
      return pollNow();
    }
    if (cancelFallback) return;
    cancelFallback = schedule(() => {
      cancelFallback = null;
      if (!live) pollNow();
    }, fallbackAfterMs);
  }

  function close() {
    cancelWatch?.();
    cancelWatch = null;
    source?.close();
    source = null;
    dropped = true;
    setLive(false);
  }
  function fail() {
    close();
    if (stopped || cancelRetry) return;
    cancelRetry = schedule(open, retryDelayMs(attempts++));
    armFallback(attempts >= 2);
  }

  function open() {
    cancelRetry = null;
    if (stopped) return;
    const es = openSource(resumeUrl(url, lastEventId));
    source = es;
    const mine = (listener: (e: MessageEvent<string>) => void) => (e: MessageEvent<string>) => {
      if (source === es) listener(e);
    };
    const onChanges = (e: MessageEvent<string>) => {
      const changes = parseChanges(e.data);
      // The map the last poll named is not the one shown any more.
      etag = null;
      alive(es, e);
      if (changes.length > 0) handlers().onChanges(changes);
    };
    es.addEventListener('seats', mine(onChanges));
    es.addEventListener('message', mine(onChanges));
    es.addEventListener(
      'snapshot',
      mine((e) => {
        let map: SeatMap;
        try {
          map = JSON.parse(e.data) as SeatMap;
        } catch {
          return;
        }
        if (!Array.isArray(map?.seats)) return;
        etag = null;
        alive(es, e);
        handlers().onSnapshot(map);
      }),
    );
    // Sent right after the snapshot or the replay, then every heartbeat; it names the heartbeat.
    es.addEventListener(
      'ping',
      mine((e) => {
        try {
          const every = Number((JSON.parse(e.data) as { every?: unknown })?.every);
          if (Number.isFinite(every) && every >= 100) heartbeatMs = every;
        } catch {}
        alive(es, e);
      }),
    );
    // EventSource would retry a dropped stream by itself, every 2 s for good; backing off is kinder
    // to a server at its cap and to a proxy that refuses streams.
    es.addEventListener('error', mine(fail));
    armFallback();
  }

  function pause() {
    cancelRetry?.();
    cancelRetry = null;
    stopPolling();
    close();
  }
  const unsubscribe = options.visibility?.subscribe(() => {
    if (stopped) return;
    if (options.visibility!.hidden()) pause();
    else if (!source && !cancelRetry) {
      attempts = 0;
      open();
    }
  });

  if (!options.visibility?.hidden()) open();
  return () => {
    stopped = true;
    unsubscribe?.();
    pause();
  };
}

/** A conditional GET of the map, for the polling fallback. */
export function pollOver(url: string): PollMap {
  return async (etag, signal) => {
    const res = await fetch(url, {
      signal,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: etag ? { accept: 'application/json', 'if-none-match': etag } : { accept: 'application/json' },
    });
    if (res.status === 304 || !res.ok) return null;
    return { map: (await res.json()) as SeatMap, etag: res.headers.get('etag') };
  };
}

const documentVisibility: FeedOptions['visibility'] = {
  hidden: () => document.visibilityState === 'hidden',
  subscribe(onChange) {
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  },
};

/** Follows `url` while mounted; with `pollUrl`, polls it while the stream is not live. */
export function useSeatEvents(url: string | null, handlers: SeatEventHandlers, pollUrl?: string): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') return;
    return followSeatEvents(
      url,
      () => ref.current,
      (u) => new EventSource(u) as EventSourceLike,
      defaultSchedule,
      { poll: pollUrl ? pollOver(pollUrl) : undefined, visibility: documentVisibility },
    );
  }, [url, pollUrl]);
}
