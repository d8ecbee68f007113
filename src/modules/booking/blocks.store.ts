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

/**
 * Blocks the seats; returns those it could not take because they are held, sold or blocked already
 * (one winner per seat, blocks included). Locks in seat order, like every writer of claims.
 */
export async function insertBlocks(
  trx: Executor<BookingDb>,
  b: { showtimeId: string; seatIds: string[]; reason: string; by: string; now: Date },
): Promise<string[]> {
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
  return b.seatIds.filter((id) => !won.has(id));
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
