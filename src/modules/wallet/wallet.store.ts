// SQL for wallet passes (one row per ticket whose Apple pass was handed out) and the devices
// registered for their updates (PassKit web service).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { WalletDb } from './wallet.tables.ts';

/** Records a pass handed out (once per ticket); answers when it last changed. */
export async function ensurePass(db: Executor<WalletDb>, serial: string, showtimeId: string, now: Date): Promise<Date> {
  await db
    .insertInto('wallet_passes')
    .values({ serial_number: serial, showtime_id: showtimeId, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('serial_number').doNothing())
    .execute();
  return (await passUpdatedAt(db, serial)) ?? now;
}

/** When a pass last changed; undefined when it was never handed out. */
export async function passUpdatedAt(db: Executor<WalletDb>, serial: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('wallet_passes')
    .select('updated_at')
    .where('serial_number', '=', serial)
    .executeTakeFirst();
  return row?.updated_at;
}

/** Registers a device for a pass (or renews its push token); true when it is new. */
export async function register(
  db: Executor<WalletDb>,
  r: { device: string; passTypeId: string; serial: string; pushToken: string },
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('wallet_registrations')
    .values({
      device_library_id: r.device,
      pass_type_id: r.passTypeId,
      serial_number: r.serial,
      push_token: r.pushToken,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['device_library_id', 'pass_type_id', 'serial_number']).doNothing())
    .returning('serial_number')
    .executeTakeFirst();
  if (inserted) return true;
  await db
    .updateTable('wallet_registrations')
    .set({ push_token: r.pushToken })
    .where('device_library_id', '=', r.device)
    .where('pass_type_id', '=', r.passTypeId)
    .where('serial_number', '=', r.serial)
    .execute();
  return false;
}

/** Forgets a device's registration for a pass; false when there was none. */
export async function unregister(
  db: Executor<WalletDb>,
  r: { device: string; passTypeId: string; serial: string },
): Promise<boolean> {
  const gone = await db
    .deleteFrom('wallet_registrations')
    .where('device_library_id', '=', r.device)
    .where('pass_type_id', '=', r.passTypeId)
    .where('serial_number', '=', r.serial)
    .executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

/** The passes a device holds that changed after `since` (all of them without it), with their change times. */
export async function changedPassesOfDevice(
  db: Executor<WalletDb>,
  device: string,
  passTypeId: string,
  since: Date | undefined,
): Promise<{ serial: string; updatedAt: Date }[]> {
  let q = db
    .selectFrom('wallet_registrations as r')
    .innerJoin('wallet_passes as p', 'p.serial_number', 'r.serial_number')
    .select(['p.serial_number as serial', 'p.updated_at as updatedAt'])
    .where('r.device_library_id', '=', device)
    .where('r.pass_type_id', '=', passTypeId);
  if (since) q = q.where('p.updated_at', '>', since);
  return q.orderBy('p.serial_number').execute();
}

/** Marks passes changed: every pass of a showtime, or the named tickets'; returns their serials. */
export async function touchPasses(
  db: Executor<WalletDb>,
  which: { showtimeId: string } | { serials: string[] },
  now: Date,
): Promise<string[]> {
  if ('serials' in which && which.serials.length === 0) return [];
  const rows = await db
    .updateTable('wallet_passes')
    // Into a later whole second than before: HTTP dates (If-Modified-Since) have whole seconds, so a
    // change within the second of the copy a device holds would otherwise look like no change.
    .set({
      updated_at: sql<Date>`greatest(${now}::timestamptz, date_trunc('second', updated_at) + interval '1 second')`,
    })
    .$call((q) =>
      'showtimeId' in which
        ? q.where('showtime_id', '=', which.showtimeId)
        : q.where('serial_number', 'in', which.serials),
    )
    .returning('serial_number')
    .execute();
  return rows.map((r) => r.serial_number);
}

/** The push tokens of the devices holding any of these passes (each once). */
export async function pushTokensOf(db: Executor<WalletDb>, serials: string[]): Promise<string[]> {
  if (serials.length === 0) return [];
  const rows = await db
    .selectFrom('wallet_registrations')
    .select('push_token')
    .distinct()
    .where('serial_number', 'in', serials)
    .execute();
  return rows.map((r) => r.push_token);
}

/** Forgets every registration under push tokens APNs answered 410 Unregistered for. */
export async function forgetPushTokens(db: Executor<WalletDb>, passTypeId: string, tokens: string[]): Promise<void> {
  if (tokens.length === 0) return;
  await db
    .deleteFrom('wallet_registrations')
    .where('pass_type_id', '=', passTypeId)
    .where('push_token', 'in', tokens)
    .execute();
}
