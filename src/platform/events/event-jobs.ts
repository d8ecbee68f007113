// Domain events as queue jobs: each consumer's deliveries that need the queue (every delivery on the
// in-process bus; on NATS those that failed its redeliveries, handed over ready) are jobs of queue
// `events.<consumer>`, keyed by the event id, so a poison event ends dead for that one consumer,
// where admins see and retry it, while the other consumers and the outbox move on.
import type { JobQueue, WorkerOptions } from '../queue/job-queue.ts';
import { inEventSpan, SpanKind, type TraceCarrier } from '../telemetry/event-tracing.ts';
import { type ConsumerDeps, type EventHandler, handleOnce } from './event-bus.ts';
import type { DomainEvent } from './outbox.ts';

/** The queue that holds a consumer's deliveries. */
export const consumerQueue = (consumer: string) => `events.${consumer}`;

/** How a consumer's failing deliveries are retried before they are dead. */
export const CONSUMER_RETRIES: WorkerOptions = { maxAttempts: 10, backoff: { firstMs: 5000, maxMs: 15 * 60_000 } };

/** An event as a job's payload (JSON: the time as text). */
export const eventJobPayload = (event: DomainEvent): Record<string, unknown> => ({
  id: event.id,
  type: event.type,
  aggregateId: event.aggregateId,
  payload: event.payload,
  createdAt: event.createdAt.toISOString(),
  ...(event.trace ? { trace: event.trace } : {}),
});

/** The event a job's payload holds. */
export function eventOfJob(payload: Record<string, unknown>): DomainEvent {
  return {
    id: String(payload.id),
    type: String(payload.type),
    aggregateId: String(payload.aggregateId),
    payload: (payload.payload ?? {}) as Record<string, unknown>,
    createdAt: new Date(String(payload.createdAt)),
    trace: (payload.trace ?? undefined) as TraceCarrier | undefined,
  };
}

/** Handles an event once for `consumer`, in a consumer span of the event's trace (when it carries one). */
export function handleTraced(
  deps: ConsumerDeps,
  consumer: string,
  event: DomainEvent,
  handler: EventHandler,
  transport: string,
): Promise<boolean> {
  const attributes = {
    'messaging.system': transport,
    'messaging.operation.type': 'process',
    'messaging.consumer.group.name': consumer,
    'messaging.message.id': event.id,
    'marquee.event.type': event.type,
  };
  return inEventSpan(event.trace, `process ${event.type}`, SpanKind.CONSUMER, attributes, () =>
    handleOnce(deps, consumer, event, handler),
  );
}

/**
 * Registers the worker of `consumer`'s queue: it hands each event to the consumer's handler for its
 * type (found at run time, so a later subscription of the same name is used), once per event.
 */
export function workConsumerQueue(
  queue: JobQueue,
  deps: ConsumerDeps,
  consumer: string,
  handlerFor: (type: string) => EventHandler | undefined,
): void {
  queue.work(
    consumerQueue(consumer),
    async (job) => {
      const event = eventOfJob(job.payload);
      const handler = handlerFor(event.type);
      // Kept (and retried) rather than dropped: the subscription may come back with the next start.
      if (!handler) throw new Error(`consumer ${consumer} has no subscription for ${event.type} in this process`);
      await handleTraced(deps, consumer, event, handler, 'marquee.jobs');
    },
    CONSUMER_RETRIES,
  );
}
