// SQL for browsers that have signed in to an account (login_devices). Only cookie digests are stored.
import type { Executor } from '../../platform/db/database.ts';

/** Whether this browser signed in to this account since `since`. */
export async function isKnownDevice(db: Executor, deviceHash: string, userId: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('login_devices')
    .select('user_id')
    .where('device_hash', '=', deviceHash)
    .where('user_id', '=', userId)
    .where('last_used_at', '>', since)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a sign-in from this browser (new, or again). */
export async function rememberDevice(db: Executor, deviceHash: string, userId: string, now: Date): Promise<void> {
  await db
    .insertInto('login_devices')
    .values({ device_hash: deviceHash, user_id: userId, created_at: now, last_used_at: now })
    .onConflict((oc) => oc.columns(['device_hash', 'user_id']).doUpdateSet({ last_used_at: now }))
    .execute();
}

/** Forgets a user's browsers unused since `before` (or all of them). */
export async function forgetDevices(db: Executor, userId: string, before?: Date): Promise<void> {
  let q = db.deleteFrom('login_devices').where('user_id', '=', userId);
  if (before) q = q.where('last_used_at', '<', before);
  await q.execute();
}
