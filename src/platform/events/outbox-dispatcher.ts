// Publishes what services wrote to outbox_events, in order, at least once. A batch is claimed with
// FOR UPDATE SKIP LOCKED and leased for a while, so any number of processes can run this and none
// holds a transaction open while it talks to the bus; a crash just lets the lease run out.
// It stays one ordered stream rather than a job per event: a job retried on its own would let later
// events of the same aggregate overtake it (ADR 0007). Only an event the bus can never take as it
// is (UnpublishableEventError: cannot be encoded, too large) leaves the stream after a few tries,
// as a dead job of queue `outbox.publish` that admins see; their retry publishes it again.
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Job } from '../jobs.ts';
import { type JobQueue, PermanentJobError } from '../queue/job-queue.ts';
import { inEventSpan, SpanKind, takeTrace } from '../telemetry/event-tracing.ts';
import { type EventBus, UnpublishableEventError } from './event-bus.ts';
import { eventJobPayload, eventOfJob } from './event-jobs.ts';
import type { DomainEvent } from './outbox.ts';
import type { OutboxTaps } from './outbox-taps.ts';

const BATCH = 100;
const LEASE_MS = 60_000;
/** Claims of an unpublishable event before it leaves the outbox as a dead job. */
const UNPUBLISHABLE_DEAD_AFTER = 3;
/** The queue of events the outbox gave up on; a job there publishes its event again. */
export const OUTBOX_PUBLISH_QUEUE = 'outbox.publish';

type ClaimedEvent = DomainEvent & { attempts: number };

export interface DispatcherDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  bus: EventBus;
  /** Where an event that can never be published goes, dead, for admins. */
  queue: JobQueue;
  /** Told of every batch claimed, before it is published (live views). */
  taps?: OutboxTaps;
  intervalMs?: number;
}

/** Claims up to `limit` unpublished events nobody else holds, in write order, and leases them. */
async function claimBatch(database: Database, now: Date, limit: number): Promise<ClaimedEvent[]> {
  return database.db.transaction().execute(async (trx) => {
    const free = await trx
      .selectFrom('outbox_events')
      .select('id')
      .where('published_at', 'is', null)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('seq')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (free.length === 0) return [];
    const rows = await trx
      .updateTable('outbox_events')
      .set({ claimed_until: new Date(now.getTime() + LEASE_MS), attempts: sql<number>`attempts + 1` })
      .where(
        'id',
        'in',
        free.map((r) => r.id),
      )
      .returning(['id', 'type', 'aggregate_id', 'payload', 'created_at', 'seq', 'attempts'])
      .execute();
    return rows
      .sort((a, b) => a.seq - b.seq)
      .map((r) => {
        const { payload, trace } = takeTrace(r.payload);
        return {
          id: r.id,
          type: r.type,
          aggregateId: r.aggregate_id,
          payload,
          createdAt: new Date(r.created_at),
          attempts: r.attempts,
          trace,
        };
      });
  });
}

export function createOutboxDispatcher(deps: DispatcherDeps): Job {
  const { database, clock, logger, bus, queue } = deps;

  /** Takes an event the bus can never accept out of the stream, as a dead job admins can retry. */
  async function giveUp(event: ClaimedEvent, err: UnpublishableEventError): Promise<void> {
    await queue.deadLetter(database.db, OUTBOX_PUBLISH_QUEUE, eventJobPayload(event), {
      key: event.id,
      error: `${err.name}: ${err.message}`,
      attempts: event.attempts,
    });
    logger.error(
      { err, eventId: event.id, type: event.type },
      'event cannot be published; left the outbox as a dead job',
    );
  }

  return {
    name: 'outbox-dispatcher',
    intervalMs: deps.intervalMs,
    async runOnce() {
      const events = await claimBatch(database, clock.now(), BATCH);
      if (events.length === 0) return 0;
      // Committed, whatever the bus does with them next: live views need not wait for it.
      deps.taps?.notify(events);
      const published: string[] = [];
      let failedAt = events.length;
      for (const [i, event] of events.entries()) {
        try {
          await publishTraced(bus, event);
          published.push(event.id);
        } catch (err) {
          if (err instanceof UnpublishableEventError && event.attempts >= UNPUBLISHABLE_DEAD_AFTER) {
            await giveUp(event, err);
            published.push(event.id);
            continue;
          }
          // Stop here so later events of the same aggregate do not overtake this one.
          logger.warn({ err, eventId: event.id, type: event.type }, 'event not published; will retry');
          failedAt = i;
          break;
        }
      }
      const db = database.db;
      if (published.length > 0) {
        await db
          .updateTable('outbox_events')
          .set({ published_at: clock.now(), claimed_until: null })
          .where('id', 'in', published)
          .execute();
      }
      const unsent = events.slice(failedAt).map((e) => e.id);
      if (unsent.length > 0) {
        await db.updateTable('outbox_events').set({ claimed_until: null }).where('id', 'in', unsent).execute();
      }
      return published.length;
    },
  };
}

/** Publishes in a producer span of the trace that wrote the event (when it carries one). */
function publishTraced(bus: EventBus, event: DomainEvent): Promise<void> {
  const attributes = {
    'messaging.operation.type': 'send',
    'messaging.message.id': event.id,
    'marquee.event.type': event.type,
  };
  return inEventSpan(event.trace, `publish ${event.type}`, SpanKind.PRODUCER, attributes, () => bus.publish(event));
}

/** Forgets published events and processed marks after a week: redeliveries come within minutes. */
export function createEventsCleanup(deps: { database: Database; clock: Clock }, keepMs = 7 * 24 * 3600_000): Job {
  return {
    name: 'events-cleanup',
    intervalMs: 10 * 60_000,
    async runOnce() {
      const before = new Date(deps.clock.now().getTime() - keepMs);
      const db = deps.database.db;
      await db.deleteFrom('outbox_events').where('published_at', '<', before).execute();
      await db.deleteFrom('processed_events').where('processed_at', '<', before).execute();
      // Not a batch count: reporting 0 keeps the runner from looping on it.
      return 0;
    },
  };
}

/** The worker of `outbox.publish`: an admin's retry of an event the outbox gave up on publishes it again. */
export function workOutboxRepublish(queue: JobQueue, bus: EventBus): void {
  queue.work(
    OUTBOX_PUBLISH_QUEUE,
    async (job) => {
      try {
        await bus.publish(eventOfJob(job.payload));
      } catch (err) {
        if (err instanceof UnpublishableEventError) throw new PermanentJobError(err.message, { cause: err });
        throw err;
      }
    },
    { maxAttempts: 5, backoff: { firstMs: 10_000, maxMs: 10 * 60_000 } },
  );
}
