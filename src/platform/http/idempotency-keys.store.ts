// SQL for Idempotency-Key records (001_platform.sql, 076_idempotency_leases.sql). A record is in
// flight while status_code is null, held under a lease renewed by its process; finished, it holds
// the answer to replay, or only its status when the answer carried a secret (response_body null).
import { randomBytes } from 'node:crypto';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { settingOrCreate } from '../settings.ts';

/** A lease lapses this long after its last renewal, by the database clock. */
export const LEASE_SECONDS = 15;
const leaseFromNow = sql<Date>`now() + ${sql.lit(LEASE_SECONDS)} * interval '1 second'`;

export interface KeyRecord {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  response_headers: Record<string, string> | null;
  created_at: Date;
  lease_id: string | null;
  /** The lease ran out (null: no lease, a record written before leases). */
  lapsed: boolean | null;
}

export interface KeyId {
  userKey: string;
  key: string;
}

export interface Answer {
  status: number;
  /** null: not kept (it held a secret), so a retry runs the request again. */
  body: string | null;
  headers: Record<string, string> | null;
}

const byId = (id: KeyId) => ({ user_key: id.userKey, idempotency_key: id.key });

/** Records the key as in flight under `leaseId`; false when the key is recorded already. */
export async function insertKey(
  db: Executor,
  id: KeyId,
  r: { hash: string; now: Date; leaseId: string },
): Promise<boolean> {
  const row = await db
    .insertInto('idempotency_keys')
    .values({ ...byId(id), request_hash: r.hash, created_at: r.now, lease_id: r.leaseId, lease_until: leaseFromNow })
    .onConflict((oc) => oc.columns(['user_key', 'idempotency_key']).doNothing())
    .returning('user_key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findKey(db: Executor, id: KeyId): Promise<KeyRecord | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response_body', 'response_headers', 'created_at', 'lease_id'])
    .select(sql<boolean | null>`lease_until < now()`.as('lapsed'))
    .where('user_key', '=', id.userKey)
    .where('idempotency_key', '=', id.key)
    .executeTakeFirst();
}

/**
 * Takes the record as it was read (matched by created_at) for a new run under `leaseId`: one whose
 * request died in flight, or a finished one whose answer was not kept. False when another got it.
 */
export async function takeOver(
  db: Executor,
  id: KeyId,
  seen: KeyRecord,
  r: { hash: string; now: Date; leaseId: string },
): Promise<boolean> {
  const row = await db
    .updateTable('idempotency_keys')
    .set({
      request_hash: r.hash,
      status_code: null,
      response_body: null,
      response_headers: null,
      created_at: r.now,
      lease_id: r.leaseId,
      lease_until: leaseFromNow,
    })
    .where('user_key', '=', id.userKey)
    .where('idempotency_key', '=', id.key)
    .where('created_at', '=', seen.created_at)
    .where((eb) =>
      seen.status_code === null
        ? inFlightAndLapsed(eb, seen)
        : eb.and([eb('status_code', 'is not', null), eb('response_body', 'is', null)]),
    )
    .returning('user_key')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Still in flight under the lease that was read, and that lease still lapsed when the row is
 * written: a renewal landing between the read and this update keeps the key with its holder.
 */
function inFlightAndLapsed(eb: ExpressionBuilder<DB, 'idempotency_keys'>, seen: KeyRecord) {
  const sameLease = seen.lease_id === null ? eb('lease_id', 'is', null) : eb('lease_id', '=', seen.lease_id);
  // A record from before leases (no lease_until) lapses by its age, which the caller has judged.
  const lapsed = seen.lapsed === null ? eb('lease_until', 'is', null) : eb('lease_until', '<', sql<Date>`now()`);
  return eb.and([eb('status_code', 'is', null), sameLease, lapsed]);
}

export async function deleteKey(db: Executor, id: KeyId, createdAt: Date): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_key', '=', id.userKey)
    .where('idempotency_key', '=', id.key)
    .where('created_at', '=', createdAt)
    .execute();
}

/**
 * Records the answer, unless one is recorded already (the first answer is the one replayed) or,
 * when the request held a lease, the key has been taken over since: a holder that lost its lease
 * must not write over the new holder's run. `leaseId` null: the answer comes from the route's own
 * record of the outcome, which is the same whoever holds the key.
 */
export async function complete(
  db: Executor,
  id: KeyId,
  held: { hash: string; leaseId: string | null },
  answer: Answer,
): Promise<void> {
  let update = db
    .updateTable('idempotency_keys')
    .set({
      status_code: answer.status,
      response_body: answer.body,
      response_headers: answer.headers === null ? null : (JSON.stringify(answer.headers) as never),
    })
    .where('user_key', '=', id.userKey)
    .where('idempotency_key', '=', id.key)
    .where('request_hash', '=', held.hash)
    .where('status_code', 'is', null);
  if (held.leaseId !== null) update = update.where('lease_id', '=', held.leaseId);
  await update.execute();
}

/** Frees the key for a retry, if `leaseId` still holds it in flight. */
export async function release(db: Executor, id: KeyId, leaseId: string): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('user_key', '=', id.userKey)
    .where('idempotency_key', '=', id.key)
    .where('lease_id', '=', leaseId)
    .where('status_code', 'is', null)
    .execute();
}

/** Extends the leases of requests still running. */
export async function renewLeases(db: Executor, leaseIds: string[]): Promise<void> {
  for (let i = 0; i < leaseIds.length; i += 1000) {
    await db
      .updateTable('idempotency_keys')
      .set({ lease_until: leaseFromNow })
      .where('lease_id', 'in', leaseIds.slice(i, i + 1000))
      .where('status_code', 'is', null)
      .execute();
  }
}

export async function deleteOlderThan(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}

const HASH_KEY_SETTING = 'platform.idempotency_hash_key';

/** The server secret request hashes are keyed with, made by the first process that needs it. */
export async function hashKey(db: Executor): Promise<Buffer> {
  const value = await settingOrCreate(db, HASH_KEY_SETTING, () => randomBytes(32).toString('base64url'));
  return Buffer.from(value, 'base64url');
}
