// Admins' webhook endpoints: registered for chosen event types with a target the SSRF guard accepts,
// enabled and disabled, their secret shown and rotated, pinged, and their deliveries listed and
// redelivered. Deliveries themselves are made and sent in deliveries.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { decodePosition, pageOf, positionKey } from '../../platform/http/cursor.ts';
import type { JobQueue } from '../../platform/queue/job-queue.ts';
import { DELIVERY_QUEUE, type DeliveryJob, messageBody, queueDeliveries } from './deliveries.ts';
import type { TargetGuard } from './target-guard.ts';
import { PING_TYPE } from './webhook-events.ts';
import { deliveryNotFound, endpointDisabled, endpointNotFound } from './webhooks.errors.ts';
import type { DeliveryView, EndpointInput, EndpointPatch, EndpointView } from './webhooks.schemas.ts';
import * as store from './webhooks.store.ts';
import type { WebhooksDb } from './webhooks.tables.ts';

/** A signing secret as Standard Webhooks writes it: `whsec_` and base64 of 32 random bytes. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const endpointView = (e: store.EndpointRow): EndpointView => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.event_types,
  enabled: e.enabled,
  disabledReason: e.disabled_reason,
  disabledAt: e.disabled_at?.toISOString() ?? null,
  failingSince: e.failing_since?.toISOString() ?? null,
  consecutiveFailures: e.consecutive_failures,
  createdAt: e.created_at.toISOString(),
  updatedAt: e.updated_at.toISOString(),
});

function deliveryView(d: store.DeliveryRow, attempts: store.AttemptRow[]): DeliveryView {
  return {
    id: d.id,
    endpointId: d.endpoint_id,
    eventId: d.event_id,
    eventType: d.event_type,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.next_attempt_at?.toISOString() ?? null,
    lastStatusCode: d.last_status_code,
    lastError: d.last_error,
    createdAt: d.created_at.toISOString(),
    body: d.body,
    attemptLog: attempts
      .filter((a) => a.delivery_id === d.id)
      .map((a) => ({
        attempt: a.attempt,
        manual: a.manual,
        startedAt: a.started_at.toISOString(),
        durationMs: a.duration_ms,
        succeeded: a.succeeded,
        statusCode: a.status_code,
        error: a.error,
        response: a.response_excerpt,
      })),
  };
}

export function createEndpointsService(deps: {
  db: Kysely<WebhooksDb>;
  clock: Clock;
  queue: JobQueue;
  guard: TargetGuard;
}) {
  const { db, clock, queue, guard } = deps;

  async function load(id: string): Promise<store.EndpointRow> {
    const e = await store.findEndpoint(db, id);
    if (!e) throw endpointNotFound();
    return e;
  }

  async function viewOf(d: store.DeliveryRow): Promise<DeliveryView> {
    return deliveryView(d, await store.attemptsOf(db, [d.id]));
  }

  return {
    /** Every endpoint, oldest first. */
    async list(): Promise<EndpointView[]> {
      return (await store.listEndpoints(db)).map(endpointView);
    },

    async get(id: string): Promise<EndpointView> {
      return endpointView(await load(id));
    },

    /** Registers an endpoint (its target checked) with a new secret, shown in the answer. */
    async create(input: EndpointInput): Promise<EndpointView & { secret: string }> {
      const url = (await guard.check(input.url)).href;
      const now = clock.now();
      const enabled = input.enabled ?? true;
      const row: store.EndpointRow = {
        id: randomUUID(),
        url,
        description: input.description ?? '',
        event_types: [...new Set(input.eventTypes)],
        secret: newSecret(),
        enabled,
        disabled_reason: enabled ? null : 'manual',
        disabled_at: enabled ? null : now,
        failing_since: null,
        consecutive_failures: 0,
        created_at: now,
        updated_at: now,
      };
      await store.insertEndpoint(db, row);
      return { ...endpointView(row), secret: row.secret };
    },

    /** Changes what is given; enabling starts a fresh count of failures. */
    async update(id: string, patch: EndpointPatch): Promise<EndpointView> {
      const current = await load(id);
      const now = clock.now();
      const changes: Parameters<typeof store.updateEndpoint>[2] = { updated_at: now };
      if (patch.url !== undefined) changes.url = (await guard.check(patch.url)).href;
      if (patch.description !== undefined) changes.description = patch.description;
      if (patch.eventTypes !== undefined) changes.event_types = [...new Set(patch.eventTypes)];
      if (patch.enabled === true && !current.enabled)
        Object.assign(changes, {
          enabled: true,
          disabled_reason: null,
          disabled_at: null,
          failing_since: null,
          consecutive_failures: 0,
        });
      if (patch.enabled === false && current.enabled)
        Object.assign(changes, { enabled: false, disabled_reason: 'manual', disabled_at: now });
      const row = await store.updateEndpoint(db, id, changes);
      if (!row) throw endpointNotFound();
      return endpointView(row);
    },

    /** Deletes an endpoint with its deliveries and their attempts. */
    async remove(id: string): Promise<void> {
      if (!(await store.deleteEndpoint(db, id))) throw endpointNotFound();
    },

    async secret(id: string): Promise<{ secret: string }> {
      return { secret: (await load(id)).secret };
    },

    /** A new secret at once: attempts from now on are signed with it only. */
    async rotateSecret(id: string): Promise<{ secret: string }> {
      const secret = newSecret();
      if (!(await store.updateEndpoint(db, id, { secret, updated_at: clock.now() }))) throw endpointNotFound();
      return { secret };
    },

    /** Sends a `webhook.test` ping through the queue, as a delivery of its own. */
    async ping(id: string): Promise<DeliveryView> {
      const e = await load(id);
      if (!e.enabled) throw endpointDisabled();
      const now = clock.now();
      const eventId = randomUUID();
      const delivery = await db.transaction().execute(async (trx) => {
        const row = {
          id: randomUUID(),
          endpoint_id: e.id,
          event_id: eventId,
          event_type: PING_TYPE,
          body: messageBody(PING_TYPE, now, { endpointId: e.id }),
          created_at: now,
        };
        await queueDeliveries(queue, trx, await store.insertDeliveries(trx, [row]));
        return row.id;
      });
      return viewOf((await store.findDelivery(db, delivery)) as store.DeliveryRow);
    },

    /** A page of an endpoint's deliveries, newest first, each with its attempts. */
    async deliveries(id: string, query: { limit?: number | undefined; cursor?: string | undefined }) {
      await load(id);
      const limit = query.limit ?? 20;
      const after = decodePosition(query.cursor || undefined, 'webhook-deliveries');
      const page = pageOf(await store.listDeliveries(db, id, limit + 1, after), limit, 'webhook-deliveries', (d) =>
        positionKey({ createdAt: d.created_at, id: d.id }),
      );
      const attempts = await store.attemptsOf(
        db,
        page.items.map((d) => d.id),
      );
      return { items: page.items.map((d) => deliveryView(d, attempts)), nextCursor: page.nextCursor };
    },

    /** Queues one more attempt of a delivery now (its endpoint must be enabled). */
    async redeliver(deliveryId: string): Promise<DeliveryView> {
      const d = await store.findDelivery(db, deliveryId);
      if (!d) throw deliveryNotFound();
      if (!(await load(d.endpoint_id)).enabled) throw endpointDisabled();
      const job: DeliveryJob = { deliveryId, manual: true };
      await queue.enqueue(db, DELIVERY_QUEUE, { ...job }, { key: `redeliver:${deliveryId}:${randomUUID()}` });
      return viewOf(d);
    },
  };
}

export type EndpointsService = ReturnType<typeof createEndpointsService>;
