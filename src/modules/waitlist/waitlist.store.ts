// SQL for waitlist_entries. An entry leaves `waiting` only by a conditional update, so two workers
// offering at once can never both take it; `offering` that outlived its lease counts as waiting.
import { type Kysely, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { type Lang, langOf } from '../../platform/i18n.ts';
import type { WaitlistDb } from './waitlist.tables.ts';

export type EntryStatus = 'waiting' | 'offering' | 'offered' | 'claimed' | 'expired' | 'cancelled';

export interface EntryRow {
  id: string;
  showtimeId: string;
  userId: string | null;
  guestEmail: string | null;
  guestName: string | null;
  /** The language joined in: a guest's offer booking speaks it. */
  language: Lang;
  seats: number;
  status: EntryStatus;
  bookingId: string | null;
  offerExpiresAt: Date | null;
  createdAt: Date;
  /** Place in the showtime's line (1 = next), for waiting entries. */
  position: number | null;
  /** Order of joining. */
  seq: number;
}

const LIVE: EntryStatus[] = ['waiting', 'offering', 'offered'];

function select(db: Executor<WaitlistDb>) {
  return db.selectFrom('waitlist_entries as e').select([
    'e.id',
    'e.showtime_id',
    'e.user_id',
    'e.guest_email',
    'e.guest_name',
    'e.language',
    'e.seats',
    'e.status',
    'e.booking_id',
    'e.offer_expires_at',
    'e.created_at',
    'e.seq',
    sql<number | null>`case when e.status in ('waiting', 'offering') then (
        select count(*)::int from waitlist_entries o
        where o.showtime_id = e.showtime_id and o.status in ('waiting', 'offering') and o.seq <= e.seq
      ) end`.as('position'),
  ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

const toRow = (r: Raw): EntryRow => ({
  id: r.id,
  showtimeId: r.showtime_id,
  userId: r.user_id,
  guestEmail: r.guest_email,
  guestName: r.guest_name,
  language: langOf(r.language),
  seats: r.seats,
  status: r.status,
  bookingId: r.booking_id,
  offerExpiresAt: r.offer_expires_at ? new Date(r.offer_expires_at) : null,
  createdAt: new Date(r.created_at),
  position: r.position === null ? null : Number(r.position),
  seq: Number(r.seq),
});

/** Adds a waiting entry; null when the account or address already has a live one on the showtime. */
export async function insertEntry(
  db: Executor<WaitlistDb>,
  e: {
    id: string;
    showtimeId: string;
    userId: string | null;
    guestEmail: string | null;
    guestName: string | null;
    /** SHA-256 of a guest's entry token (null for an account's entry). */
    guestTokenHash?: Buffer | null;
    seats: number;
    language: Lang;
    now: Date;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('waitlist_entries')
    .values({
      id: e.id,
      showtime_id: e.showtimeId,
      user_id: e.userId,
      guest_email: e.guestEmail,
      guest_name: e.guestName,
      guest_token_hash: e.guestTokenHash ?? null,
      seats: e.seats,
      language: e.language,
      status: 'waiting',
      created_at: e.now,
      updated_at: e.now,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function findEntry(db: Executor<WaitlistDb>, id: string): Promise<EntryRow | null> {
  const r = await select(db).where('e.id', '=', id).executeTakeFirst();
  return r ? toRow(r) : null;
}

/** A guest entry's token digest (null: no such entry, or an account's). */
export async function guestTokenHashOf(db: Executor<WaitlistDb>, id: string): Promise<Buffer | null> {
  const r = await db.selectFrom('waitlist_entries').select('guest_token_hash').where('id', '=', id).executeTakeFirst();
  return r?.guest_token_hash ?? null;
}

/** The live entry of an account (or a guest address) on a showtime. */
export async function findLive(
  db: Executor<WaitlistDb>,
  showtimeId: string,
  who: { userId: string } | { email: string },
): Promise<EntryRow | null> {
  let q = select(db).where('e.showtime_id', '=', showtimeId).where('e.status', 'in', LIVE);
  q =
    'userId' in who
      ? q.where('e.user_id', '=', who.userId)
      : q.where(sql<string>`lower(e.guest_email)`, '=', who.email.toLowerCase());
  const r = await q.executeTakeFirst();
  return r ? toRow(r) : null;
}

/** An account's entries, newest first. */
export async function listOwn(db: Executor<WaitlistDb>, userId: string): Promise<EntryRow[]> {
  const rows = await select(db).where('e.user_id', '=', userId).orderBy('e.created_at', 'desc').limit(100).execute();
  return rows.map(toRow);
}

/**
 * A page of the showtime's line in order (after join order `afterSeq`): waiting entries, and
 * offering ones whose worker's lease lapsed.
 */
export async function waitingLine(
  db: Executor<WaitlistDb>,
  showtimeId: string,
  now: Date,
  limit: number,
  afterSeq = 0,
): Promise<EntryRow[]> {
  const rows = await select(db)
    .where('e.showtime_id', '=', showtimeId)
    .where('e.seq', '>', afterSeq)
    .where((eb) =>
      eb.or([
        eb('e.status', '=', 'waiting'),
        eb.and([eb('e.status', '=', 'offering'), eb('e.offering_until', '<', now)]),
      ]),
    )
    .orderBy('e.seq')
    .limit(limit)
    .execute();
  return rows.map(toRow);
}

/** Whether anyone waits on the showtime (the consumer of freed seats asks before queueing work). */
export async function hasWaiting(db: Executor<WaitlistDb>, showtimeId: string): Promise<boolean> {
  const r = await db
    .selectFrom('waitlist_entries')
    .select('id')
    .where('showtime_id', '=', showtimeId)
    .where('status', 'in', ['waiting', 'offering'])
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Takes the entry for an offer under a lease, one offer in flight per showtime (an advisory lock
 * orders the takers): 'busy' while another entry of the showtime is being offered, 'stale' when the
 * line ahead of it changed since the caller looked (`ahead`: the entries it found not fitting),
 * 'gone' when it left the line.
 */
export async function takeForOffer(
  db: Kysely<WaitlistDb>,
  entry: { id: string; showtimeId: string; seq: number },
  ahead: readonly string[],
  now: Date,
  until: Date,
  bookingId: string,
): Promise<{ taken: true; bookingId: string } | 'busy' | 'stale' | 'gone'> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`waitlist:${entry.showtimeId}`}))`.execute(trx);
    const busy = await trx
      .selectFrom('waitlist_entries')
      .select('id')
      .where('showtime_id', '=', entry.showtimeId)
      .where('status', '=', 'offering')
      .where('offering_until', '>=', now)
      .limit(1)
      .executeTakeFirst();
    if (busy) return 'busy';
    const line = await trx
      .selectFrom('waitlist_entries')
      .select('id')
      .where('showtime_id', '=', entry.showtimeId)
      .where('status', 'in', ['waiting', 'offering'])
      .where('seq', '<', entry.seq)
      .execute();
    const known = new Set(ahead);
    if (line.some((r) => !known.has(r.id))) return 'stale';
    // The attempt's booking id is recorded before holding: an attempt whose worker died after its
    // hold keeps its id, so the next taker adopts that hold instead of holding a second time.
    const r = await trx
      .updateTable('waitlist_entries')
      .set({
        status: 'offering',
        offering_until: until,
        booking_id: sql<string>`coalesce(booking_id, ${bookingId}::uuid)`,
        updated_at: now,
      })
      .where('id', '=', entry.id)
      .where('status', 'in', ['waiting', 'offering'])
      .returning('booking_id')
      .executeTakeFirst();
    return r?.booking_id ? { taken: true, bookingId: r.booking_id } : 'gone';
  });
}

/** Ends an offer attempt: back in line (its place kept), or out of it with `status`. */
export async function endAttempt(
  db: Executor<WaitlistDb>,
  id: string,
  status: 'waiting' | 'expired',
  now: Date,
): Promise<void> {
  await db
    .updateTable('waitlist_entries')
    .set({ status, offering_until: null, booking_id: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'offering')
    .execute();
}

/** The offer made: false when the entry left the line meanwhile (its hold must then be released). */
export async function markOffered(
  db: Executor<WaitlistDb>,
  id: string,
  bookingId: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('waitlist_entries')
    .set({
      status: 'offered',
      booking_id: bookingId,
      offer_expires_at: expiresAt,
      offering_until: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('status', '=', 'offering')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The offer's booking ended: paid (claimed), lapsed (expired) or given up (cancelled). */
export async function settleOffer(
  db: Executor<WaitlistDb>,
  bookingId: string,
  status: 'claimed' | 'expired' | 'cancelled',
  now: Date,
): Promise<void> {
  await db
    .updateTable('waitlist_entries')
    .set({ status, updated_at: now })
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'offered')
    .execute();
}

/** Leaves the line; the entry as it was (null when it was not live). */
export async function cancelEntry(db: Executor<WaitlistDb>, id: string, now: Date): Promise<EntryStatus | null> {
  const before = await db
    .selectFrom('waitlist_entries')
    .select('status')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before || !LIVE.includes(before.status)) return null;
  await db
    .updateTable('waitlist_entries')
    .set({ status: 'cancelled', offering_until: null, updated_at: now })
    .where('id', '=', id)
    .execute();
  return before.status;
}
