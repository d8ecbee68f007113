// Domain events between modules: published from the outbox (at least once), consumed by named
// consumers. Each consumer handles an event once: its mark in processed_events commits in the same
// transaction as the handler's own writes, so a redelivery finds the mark and is skipped. A delivery
// that keeps failing ends as a dead job of queue `events.<consumer>` (event-jobs.ts).
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { SharedTx } from '../db/module-db.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { activeTraceCarrier } from '../telemetry/event-tracing.ts';
import { consumerQueue, eventJobPayload, workConsumerQueue } from './event-jobs.ts';
import type { DomainEvent } from './outbox.ts';
import type { Unsubscribe } from './pubsub.ts';

/**
 * Handles one event inside the transaction that records it as processed; throw to have it redelivered.
 * The transaction is the platform's, so a module sees none of its tables until it narrows it to its
 * own handle (`narrowTx<ItsDb>(trx)`).
 */
export type EventHandler = (event: DomainEvent, trx: SharedTx) => Promise<void>;

/**
 * Thrown by a bus's publish when this event can never be handed over as it is (it cannot be encoded,
 * or it is over the transport's size limit), as opposed to the transport being away: the outbox
 * then stops waiting for it (outbox-dispatcher.ts).
 */
export class UnpublishableEventError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnpublishableEventError';
  }
}

export interface SubscribeOptions {
  /**
   * When the consumer came into service: a durable consumer the transport makes now starts with the
   * events published since then (NATS: DeliverPolicy.StartTime), not with the next one or the whole
   * stream. The in-process bus needs none (the outbox feeds it what is published after subscribing).
   */
  since?: Date | undefined;
}

export interface EventBus {
  /** Publishes one event; rejects when it could not be handed over (the outbox keeps it). */
  publish(event: DomainEvent): Promise<void>;
  /**
   * Subscribes a named consumer to event types matching `typePattern` (dot-separated tokens; `*`
   * matches one token, `>` the rest, as in NATS). Processes sharing a consumer name share its
   * deliveries: each event reaches each consumer name once. Handlers must use the `trx` they get
   * (on PGlite any other query would wait for it).
   */
  subscribe(
    consumer: string,
    typePattern: string,
    handler: EventHandler,
    options?: SubscribeOptions,
  ): Promise<Unsubscribe>;
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

/** What a bus needs: the consumers' database, clock and logger, and the queue their failures end in. */
export interface BusDeps extends ConsumerDeps {
  queue: JobQueue;
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

export interface Subscription {
  consumer: string;
  pattern: string;
  handler: EventHandler;
}

/** The handler `consumer` has for events of `type` among `subscriptions` (the first that matches). */
export function handlerOf(
  subscriptions: Iterable<Subscription>,
  consumer: string,
  type: string,
): EventHandler | undefined {
  for (const s of subscriptions) if (s.consumer === consumer && typeMatches(s.pattern, type)) return s.handler;
  return undefined;
}

/**
 * The in-process bus: publishing enqueues one job per consumer the event matches (one transaction,
 * keyed by the event id), and each consumer's queue worker runs its handler. A failing consumer is
 * retried and finally dead on its own, without holding up the outbox or the other consumers.
 */
export class MemoryEventBus implements EventBus {
  private readonly subscriptions = new Set<Subscription>();
  private readonly working = new Set<string>();
  private readonly deps: BusDeps;

  constructor(deps: BusDeps) {
    this.deps = deps;
  }

  async publish(event: DomainEvent): Promise<void> {
    const consumers = new Set<string>();
    // One delivery per consumer name, as with NATS durable consumers.
    for (const s of this.subscriptions) if (typeMatches(s.pattern, event.type)) consumers.add(s.consumer);
    if (consumers.size === 0) return;
    // The publisher's span (the dispatcher's), so consumers continue the trace from it.
    const payload = eventJobPayload({ ...event, trace: activeTraceCarrier() ?? event.trace });
    await this.deps.database.db.transaction().execute(async (trx) => {
      for (const consumer of consumers)
        await this.deps.queue.enqueue(trx, consumerQueue(consumer), payload, { key: event.id });
    });
  }

  async subscribe(consumer: string, typePattern: string, handler: EventHandler): Promise<Unsubscribe> {
    const s = { consumer, pattern: typePattern, handler };
    this.subscriptions.add(s);
    if (!this.working.has(consumer)) {
      this.working.add(consumer);
      workConsumerQueue(this.deps.queue, this.deps, consumer, (type) => handlerOf(this.subscriptions, consumer, type));
    }
    return async () => {
      this.subscriptions.delete(s);
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.subscriptions.clear();
  }
}
