// SQL for moving a showtime: its row locked with what the move needs, whether anything of it is held
// or sold (from BookingReadModel, as availability is), the holders to tell, and the update itself.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { CatalogDb } from './catalog.tables.ts';

export interface ShowtimeToMove {
  id: string;
  hall_id: string;
  cinema_id: string;
  status: 'scheduled' | 'cancelled';
  starts_at: Date;
  ends_at: Date;
  prices: Record<string, number>;
  duration_minutes: number;
}

/** The showtime FOR UPDATE (orders the move against a cancel or another move), with its running time. */
export async function lockShowtimeToMove(trx: Executor<CatalogDb>, id: string): Promise<ShowtimeToMove | undefined> {
  const r = await sql<ShowtimeToMove>`
    select st.id, st.hall_id, st.cinema_id, st.status, st.starts_at, st.ends_at, st.prices, m.duration_minutes
    from showtimes st join movies m on m.id = st.movie_id
    where st.id = ${id}::uuid
    for update of st`.execute(trx);
  const row = r.rows[0];
  return row && { ...row, starts_at: new Date(row.starts_at), ends_at: new Date(row.ends_at) };
}

/**
 * What keeps the showtime in its hall: 'sales' when any seat is sold, or held and not yet lapsed at
 * `now`, or any booking is paid; else 'blocks' when staff blocked seats (claims in state 'blocked',
 * which are no sale); null when nothing.
 */
export async function seatsInUse(
  trx: Executor<CatalogDb>,
  showtimeId: string,
  now: Date,
): Promise<'sales' | 'blocks' | null> {
  const r = await sql<{ sales: boolean; blocks: boolean }>`
    select exists (
      select 1 from seat_claims where showtime_id = ${showtimeId}::uuid and state <> 'blocked'
        and (state <> 'held' or expires_at > ${now}::timestamptz)
    ) or exists (
      select 1 from bookings where showtime_id = ${showtimeId}::uuid and status = 'confirmed'
    ) as sales,
    exists (select 1 from seat_claims where showtime_id = ${showtimeId}::uuid and state = 'blocked') as blocks`.execute(
    trx,
  );
  const row = r.rows[0];
  return row?.sales ? 'sales' : row?.blocks ? 'blocks' : null;
}

/**
 * The paid bookings of a showtime and whose they are (null: a guest's, or a till sale: its user_id
 * is the cashier's, and its email goes to the address given at the till), with `till` marking
 * counter sales, which are paid back at the box office rather than cancelled online.
 */
export async function confirmedBookings(
  trx: Executor<CatalogDb>,
  showtimeId: string,
): Promise<{ bookingId: string; userId: string | null; till?: true }[]> {
  const rows = await trx
    .selectFrom('bookings')
    .select(['id', 'user_id', 'channel'])
    .where('showtime_id', '=', showtimeId)
    .where('status', '=', 'confirmed')
    .orderBy('id')
    .execute();
  return rows.map((r) =>
    r.channel === 'till' ? { bookingId: r.id, userId: null, till: true } : { bookingId: r.id, userId: r.user_id },
  );
}

export async function updateShowtimeSlot(
  trx: Executor<CatalogDb>,
  id: string,
  v: { hallId: string; hallChanged: boolean; startsAt: Date; endsAt: Date; movedAt: Date | null; now: Date },
): Promise<void> {
  await trx
    .updateTable('showtimes')
    .set({
      hall_id: v.hallId,
      starts_at: v.startsAt,
      ends_at: v.endsAt,
      updated_at: v.now,
      ...(v.movedAt ? { moved_at: v.movedAt } : {}),
      // In another hall it follows that hall's current seats, not a kept layout of the old one.
      ...(v.hallChanged ? { layout_id: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}
