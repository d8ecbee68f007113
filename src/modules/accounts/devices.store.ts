// SQL for browsers that have signed in to an account (login_devices). Only cookie digests are stored.
import type { Executor } from '../../platform/db/database.ts';
import type { AccountsDb } from './accounts.tables.ts';

/** Whether this browser signed in to this account since `since`. */
export async function isKnownDevice(
  db: Executor<AccountsDb>,
  deviceHash: string,
  userId: string,
  since: Date,
): Promise<boolean> {
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
export async function rememberDevice(
  db: Executor<AccountsDb>,
  deviceHash: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('login_devices')
    .values({ device_hash: deviceHash, user_id: userId, created_at: now, last_used_at: now })
    .onConflict((oc) => oc.columns(['device_hash', 'user_id']).doUpdateSet({ last_used_at: now }))
    .execute();
}

/** Forgets a user's browsers unused since `before`, and all but the `keep` used most recently. */
export async function pruneDevices(
  db: Executor<AccountsDb>,
  userId: string,
  before: Date,
  keep: number,
): Promise<void> {
  await db
    .deleteFrom('login_devices')
    .where('user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('last_used_at', '<', before),
        eb(
          'device_hash',
          'not in',
          eb
            .selectFrom('login_devices')
            .select('device_hash')
            .where('user_id', '=', userId)
            .orderBy('last_used_at', 'desc')
            .orderBy('device_hash')
            .limit(keep),
        ),
      ]),
    )
    .execute();
}

/** Forgets every browser of a user (account erasure). */
export async function forgetDevices(db: Executor<AccountsDb>, userId: string): Promise<void> {
  await db.deleteFrom('login_devices').where('user_id', '=', userId).execute();
}
