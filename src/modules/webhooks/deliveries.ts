// Deliveries: made by consuming domain events, sent by the job queue. A consumer runs in the
// transaction that marks its event processed, so it does only cheap work there: one delivery row per
// endpoint that takes the event's type (unique, so a redelivered event adds nothing) and one job each,
// keyed by the delivery. The job makes one attempt per run; a failed one is recorded and the job comes
// back at the schedule's next time (RunAgainLater: the schedule is this module's rule, not the
// queue's generic backoff, and it ends on its own after three days). An endpoint whose attempts all
// failed for three days is disabled, and webhook_endpoint.disabled tells notifications to mail admins.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Kysely } from 'kysely';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import type { EventBus } from '../../platform/events/event-bus.ts';
import { addEvents, type DomainEvent } from '../../platform/events/outbox.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { type AnyExecutor, type JobQueue, RunAgainLater } from '../../platform/queue/job-queue.ts';
import { nextAttemptAt, RETRY_WINDOW_MS } from './delivery-schedule.ts';
import type { TargetGuard } from './target-guard.ts';
import { DOMAIN_EVENTS, publicEventsOf } from './webhook-events.ts';
import { sendAttempt } from './webhook-sender.ts';
import * as store from './webhooks.store.ts';
import type { WebhooksDb } from './webhooks.tables.ts';

export const DELIVERY_QUEUE = 'webhooks.deliver';

/** Beyond an attempt's timeout, what the queue may add between a delivery's event and its first attempt. */
const SCHEDULE_END_SLACK_MS = 60_000;

/** The domain event that asks notifications to mail admins about an endpoint disabled for failing. */
export const ENDPOINT_DISABLED = 'webhook_endpoint.disabled';

/** One consumer per domain event webhooks turns into deliveries (tests wait for them). */
export const WEBHOOK_CONSUMERS = DOMAIN_EVENTS.map((type) => ({ name: `webhooks.${type}`, pattern: type }));

export interface DeliveryJob {
  deliveryId: string;
  /** An admin's redeliver: one attempt now, whatever the delivery's state, and no schedule after it. */
  manual?: boolean;
}

/** The body every attempt of a delivery sends (Standard Webhooks: type, timestamp, data). */
export const messageBody = (type: string, at: Date, data: Record<string, unknown>) =>
  JSON.stringify({ type, timestamp: at.toISOString(), data });

export interface DeliveryDeps {
  db: Kysely<WebhooksDb>;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  events: EventBus;
  guard: TargetGuard;
  timeoutMs: number;
  /** The admins to mail when an endpoint is disabled (accounts). */
  adminIds: () => Promise<string[]>;
}

/** Queues the first attempt of each delivery made, in the caller's transaction. */
export async function queueDeliveries(queue: JobQueue, trx: AnyExecutor, ids: string[], runAt?: Date) {
  if (ids.length === 0) return;
  await queue.enqueueMany(
    trx,
    DELIVERY_QUEUE,
    ids.map((deliveryId) => ({ payload: { deliveryId }, key: `delivery:${deliveryId}`, runAt })),
  );
}

/** The deliveries one domain event makes, written in its consumer's transaction. */
async function deliveriesOf(deps: DeliveryDeps, event: DomainEvent, shared: SharedTx): Promise<void> {
  const trx = narrowTx<WebhooksDb>(shared);
  const made = publicEventsOf(event.type, event.payload);
  if (made.length === 0) return;
  const endpoints = await store.enabledEndpoints(trx);
  const now = deps.clock.now();
  const rows = made.flatMap((m) =>
    endpoints
      .filter((e) => e.event_types.includes(m.type))
      .map((e) => ({
        id: randomUUID(),
        endpoint_id: e.id,
        event_id: event.id,
        event_type: m.type,
        body: messageBody(m.type, event.createdAt, m.data),
        created_at: now,
      })),
  );
  await queueDeliveries(deps.queue, trx, await store.insertDeliveries(trx, rows));
}

export async function subscribeDeliveries(deps: DeliveryDeps): Promise<Unsubscribe[]> {
  const subscriptions: Unsubscribe[] = [];
  for (const c of WEBHOOK_CONSUMERS)
    subscriptions.push(await deps.events.subscribe(c.name, c.pattern, (event, trx) => deliveriesOf(deps, event, trx)));
  return subscriptions;
}

/** Registers the worker that makes delivery attempts. */
export function workDeliveries(deps: DeliveryDeps): void {
  deps.queue.work<DeliveryJob>(DELIVERY_QUEUE, (job) => attempt(deps, job.payload), {
    concurrency: 8,
    // Longer than an attempt may take, so a lease never lapses while one is under way.
    leaseMs: deps.timeoutMs + 30_000,
  });
}

/** Makes one attempt of a delivery and records it; throws RunAgainLater when the schedule has another. */
async function attempt(deps: DeliveryDeps, job: DeliveryJob): Promise<void> {
  const { db, clock } = deps;
  const delivery = await store.findDelivery(db, job.deliveryId);
  if (!delivery || (!job.manual && delivery.status !== 'pending')) return;
  const endpoint = await store.findEndpoint(db, delivery.endpoint_id);
  if (!endpoint) return;
  if (!endpoint.enabled) {
    await store.failDelivery(db, delivery.id, 'endpoint disabled', clock.now());
    return;
  }
  const startedAt = clock.now();
  const result = await sendAttempt(
    deps.guard,
    endpoint.url,
    { id: delivery.id, timestamp: startedAt, body: delivery.body, secret: endpoint.secret },
    deps.timeoutMs,
  );
  const now = clock.now();
  const retryAt = result.ok || job.manual ? null : nextAttemptAt(delivery.created_at, delivery.attempts + 1, startedAt);
  // A failed redeliver leaves the delivery's state alone (the schedule may still be running it).
  const status = result.ok ? 'succeeded' : job.manual ? null : retryAt ? 'pending' : 'failed';
  // Only a streak already three days long can end in disabling; the admins to mail are read before the
  // transaction (another module's read inside it would wait for it on PGlite's one connection). A
  // schedule that ends with no success has failed for its three days, but the streak's stamp is the
  // end of its first attempt, up to a timeout after the event: the slack keeps that endpoint from
  // escaping (its last attempt falls on the three days exactly).
  const scheduleEnded = status === 'failed';
  const slackMs = scheduleEnded ? deps.timeoutMs + SCHEDULE_END_SLACK_MS : 0;
  const failingBefore = new Date(now.getTime() - RETRY_WINDOW_MS + slackMs);
  const mayDisable = !result.ok && endpoint.failing_since !== null && endpoint.failing_since <= failingBefore;
  const adminIds = mayDisable ? await deps.adminIds() : [];
  const disabled = await db.transaction().execute(async (trx) => {
    await store.recordAttempt(
      trx,
      {
        id: randomUUID(),
        delivery_id: delivery.id,
        manual: job.manual === true,
        started_at: startedAt,
        duration_ms: result.durationMs,
        succeeded: result.ok,
        status_code: result.statusCode,
        error: result.error,
        response_excerpt: result.excerpt,
      },
      { status, nextAttemptAt: status === 'pending' ? retryAt : null, now },
    );
    if (result.ok) {
      await store.endpointSucceeded(trx, endpoint.id);
      return false;
    }
    if (!(await store.endpointFailed(trx, endpoint.id, now, mayDisable ? failingBefore : null))) return false;
    await addEvents(trx, [
      {
        type: ENDPOINT_DISABLED,
        aggregateId: endpoint.id,
        payload: { endpointId: endpoint.id, url: endpoint.url, adminIds },
      },
    ]);
    return true;
  });
  if (disabled) {
    deps.logger.warn({ endpointId: endpoint.id }, 'webhook endpoint disabled: every attempt failed for three days');
    await store.failDelivery(db, delivery.id, 'endpoint disabled', now);
    return;
  }
  if (status === 'pending' && retryAt) throw new RunAgainLater(retryAt, 'next attempt on the schedule');
}
