// Domain events between modules: published from the outbox (at least once), consumed by named
// consumers. Each consumer handles an event once: its mark in processed_events commits in the same
// transaction as the handler's own writes, so a redelivery finds the mark and is skipped.
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import type { DomainEvent } from './outbox.ts';
import type { Unsubscribe } from './pubsub.ts';

/** Handles one event inside the transaction that records it as processed; throw to have it redelivered. */
export type EventHandler = (event: DomainEvent, trx: Transaction<DB>) => Promise<void>;

export interface EventBus {
  /** Publishes one event; rejects when it could not be handed over (the outbox keeps it). */
  publish(event: DomainEvent): Promise<void>;
  /**
   * Subscribes a named consumer to event types matching `typePattern` (dot-separated tokens; `*`
   * matches one token, `>` the rest, as in NATS). Processes sharing a consumer name share its
   * deliveries: each event reaches each consumer name once. Handlers must use the `trx` they get
   * (on PGlite any other query would wait for it).
   */
  subscribe(consumer: string, typePattern: string, handler: EventHandler): Promise<Unsubscribe>;
  /** Readiness of the transport (NATS); the in-process bus is always ready. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Does an event type match a NATS-style pattern (`booking.*`, `booking.>`, `>`)? */
export function typeMatches(pattern: string, type: string): boolean {
  const p = pattern.split('.');
  const t = type.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return t.length > i;
    if (i >= t.length) return false;
    if (p[i] !== '*' && p[i] !== t[i]) return false;
  }
  return p.length === t.length;
}

export interface ConsumerDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
}

/** Runs `handler` unless `consumer` already processed this event; both commit together. */
export async function handleOnce(
  deps: ConsumerDeps,
  consumer: string,
  event: DomainEvent,
  handler: EventHandler,
): Promise<boolean> {
  return deps.database.db.transaction().execute(async (trx) => {
    const fresh = await trx
      .insertInto('processed_events')
      .values({ consumer, event_id: event.id, processed_at: deps.clock.now() })
      .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (!fresh) return false;
    await handler(event, trx);
    return true;
  });
}

interface Subscription {
  consumer: string;
  pattern: string;
  handler: EventHandler;
}

/** The in-process bus: the outbox dispatcher's publish runs the matching consumers directly. */
export class MemoryEventBus implements EventBus {
  private readonly subscriptions = new Set<Subscription>();
  private readonly deps: ConsumerDeps;

  constructor(deps: ConsumerDeps) {
    this.deps = deps;
  }

  async publish(event: DomainEvent): Promise<void> {
    const failures: unknown[] = [];
    const consumers = new Set<string>();
    for (const s of [...this.subscriptions]) {
      // One delivery per consumer name, as with NATS durable consumers.
      if (!typeMatches(s.pattern, event.type) || consumers.has(s.consumer)) continue;
      consumers.add(s.consumer);
      try {
        await handleOnce(this.deps, s.consumer, event, s.handler);
      } catch (err) {
        this.deps.logger.warn(
          { err, consumer: s.consumer, eventId: event.id, type: event.type },
          'event handler failed; will retry',
        );
        failures.push(err);
      }
    }
    // Consumers that succeeded are marked; the retry of the whole event skips them.
    if (failures.length > 0)
      throw new AggregateError(failures, `${failures.length} consumer(s) failed on event ${event.id}`);
  }

  async subscribe(consumer: string, typePattern: string, handler: EventHandler): Promise<Unsubscribe> {
    const s = { consumer, pattern: typePattern, handler };
    this.subscriptions.add(s);
    return async () => {
      this.subscriptions.delete(s);
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.subscriptions.clear();
  }
}
