// Publishes what services wrote to outbox_events, in order, at least once. A batch is claimed with
// FOR UPDATE SKIP LOCKED and leased for a while, so any number of processes can run this and none
// holds a transaction open while it talks to the bus; a crash just lets the lease run out.
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Job } from '../jobs.ts';
import type { EventBus } from './event-bus.ts';
import type { DomainEvent } from './outbox.ts';
import type { OutboxTaps } from './outbox-taps.ts';

const BATCH = 100;
const LEASE_MS = 60_000;

export interface DispatcherDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  bus: EventBus;
  /** Told of every batch claimed, before it is published (live views). */
  taps?: OutboxTaps;
  intervalMs?: number;
}

/** Claims up to `limit` unpublished events nobody else holds, in write order, and leases them. */
async function claimBatch(database: Database, now: Date, limit: number): Promise<DomainEvent[]> {
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
      .returning(['id', 'type', 'aggregate_id', 'payload', 'created_at', 'seq'])
      .execute();
    return rows
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({
        id: r.id,
        type: r.type,
        aggregateId: r.aggregate_id,
        payload: r.payload,
        createdAt: new Date(r.created_at),
      }));
  });
}

export function createOutboxDispatcher(deps: DispatcherDeps): Job {
  const { database, clock, logger, bus } = deps;
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
          await bus.publish(event);
          published.push(event.id);
        } catch (err) {
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
