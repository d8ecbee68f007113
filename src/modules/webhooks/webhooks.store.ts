// SQL for webhook_endpoints, webhook_deliveries and webhook_attempts. Deliveries are unique per
// endpoint, event and type, so a domain event handled twice makes no second one; failure bookkeeping
// on the endpoint is one conditional update, so two attempts failing at once disable it only once.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Position } from '../../platform/http/cursor.ts';
import type { WebhooksDb } from './webhooks.tables.ts';

type Db = Executor<WebhooksDb>;

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  secret: string;
  enabled: boolean;
  disabled_reason: 'manual' | 'failing' | null;
  disabled_at: Date | null;
  failing_since: Date | null;
  consecutive_failures: number;
  created_at: Date;
  updated_at: Date;
}

export async function insertEndpoint(db: Db, row: EndpointRow): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export async function listEndpoints(db: Db): Promise<EndpointRow[]> {
  return db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function findEndpoint(db: Db, id: string, lock = false): Promise<EndpointRow | undefined> {
  let q = db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function updateEndpoint(
  db: Db,
  id: string,
  patch: Partial<Omit<EndpointRow, 'id' | 'created_at'>>,
): Promise<EndpointRow | undefined> {
  return db.updateTable('webhook_endpoints').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteEndpoint(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Enabled endpoints and the types they take (few: admins register them by hand). */
export async function enabledEndpoints(db: Db): Promise<{ id: string; event_types: string[] }[]> {
  return db.selectFrom('webhook_endpoints').select(['id', 'event_types']).where('enabled', '=', true).execute();
}

export interface NewDelivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  body: string;
  created_at: Date;
}

/** Inserts the deliveries not made yet; returns the ids of those it made. */
export async function insertDeliveries(db: Db, rows: NewDelivery[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const made = await db
    .insertInto('webhook_deliveries')
    .values(rows.map((r) => ({ ...r, status: 'pending' as const, updated_at: r.created_at })))
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_id', 'event_type']).doNothing())
    .returning('id')
    .execute();
  return made.map((r) => r.id);
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  body: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

export async function findDelivery(db: Db, id: string): Promise<DeliveryRow | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of an endpoint's deliveries, newest first, after `after`. */
export async function listDeliveries(
  db: Db,
  endpointId: string,
  limit: number,
  after: Position | null,
): Promise<DeliveryRow[]> {
  let q = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export interface AttemptRow {
  id: string;
  delivery_id: string;
  attempt: number;
  manual: boolean;
  started_at: Date;
  duration_ms: number;
  succeeded: boolean;
  status_code: number | null;
  error: string | null;
  response_excerpt: string | null;
}

export async function attemptsOf(db: Db, deliveryIds: string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('delivery_id')
    .orderBy('attempt')
    .execute();
}

/**
 * Records an attempt and its outcome on the delivery; returns the attempt's number. `status` null
 * leaves the delivery's state as it is (a failed redeliver). A succeeded delivery stays so whatever
 * comes after: a redeliver and a scheduled attempt may run at once, and the one that read the
 * delivery before the other succeeded must not undo it.
 */
export async function recordAttempt(
  db: Db,
  attempt: Omit<AttemptRow, 'attempt'>,
  delivery: { status: DeliveryRow['status'] | null; nextAttemptAt: Date | null; now: Date },
): Promise<number> {
  const keep = delivery.status === null;
  const d = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: keep
        ? eb.ref('status')
        : sql<DeliveryRow['status']>`case when status = 'succeeded' then status else ${delivery.status} end`,
      next_attempt_at: keep
        ? eb.ref('next_attempt_at')
        : sql<Date | null>`case when status = 'succeeded' then null else ${delivery.nextAttemptAt}::timestamptz end`,
      last_status_code: attempt.status_code,
      last_error: attempt.error,
      updated_at: delivery.now,
    }))
    .where('id', '=', attempt.delivery_id)
    .returning('attempts')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('webhook_attempts')
    .values({ ...attempt, attempt: d.attempts })
    .execute();
  return d.attempts;
}

/** Ends a delivery that will not be tried again (its endpoint was disabled). */
export async function failDelivery(db: Db, id: string, error: string, now: Date): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null, last_error: error, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** A 2xx from the endpoint: its failing streak is over. */
export async function endpointSucceeded(db: Db, id: string): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set({ consecutive_failures: 0, failing_since: null })
    .where('id', '=', id)
    .where('consecutive_failures', '>', 0)
    .execute();
}

/**
 * A failed attempt: counted, and the endpoint disabled when it has failed since `failingBefore` or
 * earlier with no success since (null: not this time). True when this failure disabled it (once,
 * however many race).
 */
export async function endpointFailed(db: Db, id: string, now: Date, failingBefore: Date | null): Promise<boolean> {
  await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      consecutive_failures: eb('consecutive_failures', '+', 1),
      failing_since: sql<Date>`coalesce(failing_since, ${now})`,
    }))
    .where('id', '=', id)
    .execute();
  if (!failingBefore) return false;
  const disabled = await db
    .updateTable('webhook_endpoints')
    .set({ enabled: false, disabled_reason: 'failing', disabled_at: now, updated_at: now })
    .where('id', '=', id)
    .where('enabled', '=', true)
    .where('failing_since', '<=', failingBefore)
    .returning('id')
    .executeTakeFirst();
  return disabled !== undefined;
}

/**
 * Deletes up to `limit` finished deliveries (succeeded or failed) last changed before `before`, their
 * attempts with them (cascade); returns how many. A pending one is the schedule's and stays.
 */
export async function pruneDeliveries(db: Db, before: Date, limit: number): Promise<number> {
  const old = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('status', 'in', ['succeeded', 'failed'])
    .where('updated_at', '<', before)
    .limit(limit);
  const rows = await db.deleteFrom('webhook_deliveries').where('id', 'in', old).returning('id').execute();
  return rows.length;
}
