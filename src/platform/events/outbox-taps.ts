// Listeners on committed events that need no guarantee: told by the outbox dispatcher of whichever
// process claims the events, before the bus publishes them, with no processed mark and no
// transaction. Each event reaches them at least once in some process, maybe more than once, and a
// batch whose bus publish fails is shown again with the retry. For live views that ignore repeats
// and converge on their own (seat maps); side effects belong in a consumer (EventBus.subscribe).
import type { Logger } from 'pino';
import { typeMatches } from './event-bus.ts';
import type { DomainEvent } from './outbox.ts';

export type OutboxTap = (event: DomainEvent) => void;

export interface OutboxTaps {
  /** Calls `listener` for each dispatched event whose type matches `typePattern` (as EventBus.subscribe); returns its removal. */
  tap(typePattern: string, listener: OutboxTap): () => void;
  /** The dispatcher's side: these events were just claimed. Never throws. */
  notify(events: DomainEvent[]): void;
}

export function createOutboxTaps(logger: Logger): OutboxTaps {
  const taps = new Set<{ pattern: string; listener: OutboxTap }>();
  return {
    tap(pattern, listener) {
      const t = { pattern, listener };
      taps.add(t);
      return () => void taps.delete(t);
    },
    notify(events) {
      if (taps.size === 0) return;
      for (const event of events) {
        for (const t of taps) {
          if (!typeMatches(t.pattern, event.type)) continue;
          try {
            t.listener(event);
          } catch (err) {
            logger.warn({ err, eventId: event.id, type: event.type }, 'outbox tap failed');
          }
        }
      }
    },
  };
}
