// A small Server-Sent Events client over fetch for tests: collects events and comments, waits for
// one matching a condition, and closes the connection on request.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface SseClient {
  status: number;
  headers: Headers;
  events: EventSourceMessage[];
  comments: string[];
  /** Resolves with the first event (already received or coming) that matches, or rejects after `timeoutMs`. */
  next(match: (e: EventSourceMessage) => boolean, timeoutMs?: number): Promise<EventSourceMessage>;
  /** The id of the last event received. */
  lastId(): string | undefined;
  close(): Promise<void>;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: EventSourceMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<{ match: (e: EventSourceMessage) => boolean; resolve: (e: EventSourceMessage) => void }>();
  const parser = createParser({
    onEvent(e) {
      events.push(e);
      for (const w of [...waiters]) {
        if (w.match(e)) {
          waiters.delete(w);
          w.resolve(e);
        }
      }
    },
    onComment: (c) => comments.push(c),
  });
  const reading = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
    } catch {
      // aborted or the server went away
    }
  })();
  return {
    status: res.status,
    headers: res.headers,
    events,
    comments,
    next(match, timeoutMs = 3000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { match, resolve: (e: EventSourceMessage) => (clearTimeout(timer), resolve(e)) };
        const timer = setTimeout(() => {
          waiters.delete(w);
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; got ${events.map((e) => `${e.event}#${e.id}`).join(', ')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(w);
      });
    },
    lastId: () => events.at(-1)?.id,
    async close() {
      abort.abort();
      await reading;
    },
  };
}

/** Parsed `seats` change events: seat id → status, in arrival order. */
export function seatChanges(events: EventSourceMessage[]): { id: string; status: string }[] {
  return events
    .filter((e) => e.event === 'seats')
    .flatMap((e) => (JSON.parse(e.data) as { seats: { id: string; status: string }[] }).seats);
}

/** How many listeners the process's PubSub has on a channel (memory or Redis adapter). */
export function pubsubListeners(pubsub: unknown, channel: string): number {
  const p = pubsub as { emitter?: { listenerCount(c: string): number }; handlers?: Map<string, Set<unknown>> };
  if (p.emitter) return p.emitter.listenerCount(channel);
  if (p.handlers) return p.handlers.get(channel)?.size ?? 0;
  throw new Error('unknown PubSub adapter');
}
