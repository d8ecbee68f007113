// SQL for seat blocks: claims in state 'blocked' that belong to no booking and never lapse. A block
// takes a seat the way a hold does (a lapsed hold gives way, anything live does not), so the primary
// key of seat_claims decides between a block and a hold racing for one seat.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { BookingDb } from './booking.tables.ts';

export interface BlockRow {
  seatId: string;
  reason: string;
  blockedBy: string | null;
  blockedAt: Date;
}

export type BlockOutcome =
  | { outcome: 'blocked' }
  /** Held, sold or blocked already (one winner per seat, blocks included). */
  | { outcome: 'taken'; seatIds: string[] }
  /** Not seats of the showtime as it is now (its hall's active seats, or its kept layout's). */
  | { outcome: 'unknown'; seatIds: string[] }
  | { outcome: 'not_bookable' };

/**
 * Blocks the seats, all or none, checked against the showtime as it is now rather than the caller's
 * cached copy: the showtime key-share locked (as holds do, migration 116: a hall move or layout edit
 * locks it FOR UPDATE, so it is read after them), scheduled and not started, and every seat one of
 * its current seats. Claims are locked in seat order, like every writer of claims.
 */
export async function insertBlocks(
  trx: Executor<BookingDb>,
  b: { showtimeId: string; seatIds: string[]; reason: string; by: string; now: Date },
): Promise<BlockOutcome> {
  const st = await sql<{ open: boolean; hall_id: string; layout_id: string | null }>`
    select st.status = 'scheduled' and st.starts_at > ${b.now}::timestamptz as open, st.hall_id, st.layout_id
    from showtimes st where st.id = ${b.showtimeId}::uuid for key share`.execute(trx);
  const showtime = st.rows[0];
  if (!showtime?.open) return { outcome: 'not_bookable' };
  const unknown = await sql<{ seat_id: string }>`
    select s::text as seat_id from unnest(${b.seatIds}::uuid[]) as s
    where not exists (
        select 1 from seats x
        where ${showtime.layout_id}::uuid is null and x.id = s and x.hall_id = ${showtime.hall_id}::uuid and x.active)
      and not exists (
        select 1 from hall_layout_seats l where l.layout_id = ${showtime.layout_id}::uuid and l.seat_id = s)`.execute(
    trx,
  );
  if (unknown.rows.length > 0) return { outcome: 'unknown', seatIds: unknown.rows.map((r) => r.seat_id) };
  const r = await sql<{ seat_id: string }>`
    insert into seat_claims (showtime_id, seat_id, booking_id, state, expires_at, block_reason, blocked_by, blocked_at)
    select ${b.showtimeId}::uuid, s, null, 'blocked', null, ${b.reason}, ${b.by}::uuid, ${b.now}::timestamptz
    from unnest(${b.seatIds}::uuid[]) as s order by s
    on conflict (showtime_id, seat_id) do update
      set booking_id = null, state = 'blocked', expires_at = null,
          block_reason = excluded.block_reason, blocked_by = excluded.blocked_by, blocked_at = excluded.blocked_at
      where seat_claims.state = 'held' and seat_claims.expires_at <= ${b.now}::timestamptz
    returning seat_id::text as seat_id`.execute(trx);
  const won = new Set(r.rows.map((x) => x.seat_id));
  const taken = b.seatIds.filter((id) => !won.has(id));
  return taken.length > 0 ? { outcome: 'taken', seatIds: taken } : { outcome: 'blocked' };
}

/** Lifts blocks of the seats named; returns the seats that were blocked. */
export async function deleteBlocks(trx: Executor<BookingDb>, showtimeId: string, seatIds: string[]): Promise<string[]> {
  const r = await sql<{ seat_id: string }>`
    delete from seat_claims where (showtime_id, seat_id) in (
      select showtime_id, seat_id from seat_claims
      where showtime_id = ${showtimeId}::uuid and seat_id = any(${seatIds}::uuid[]) and state = 'blocked'
      order by seat_id for update
    ) and state = 'blocked'
    returning seat_id::text as seat_id`.execute(trx);
  return r.rows.map((x) => x.seat_id);
}

/** The showtime's blocks. */
export async function listBlocks(db: Executor<BookingDb>, showtimeId: string): Promise<BlockRow[]> {
  const rows = await db
    .selectFrom('seat_claims')
    .select(['seat_id', 'block_reason', 'blocked_by', 'blocked_at'])
    .where('showtime_id', '=', showtimeId)
    .where('state', '=', 'blocked')
    .execute();
  return rows.map((r) => ({
    seatId: r.seat_id,
    reason: r.block_reason ?? '',
    blockedBy: r.blocked_by,
    blockedAt: new Date(r.blocked_at ?? 0),
  }));
}
