// A deliberately broken claim store, for the crowd tests only (never reachable from configuration):
// it checks that the seats are free in one step and inserts the claims in another, on a seat_claims
// table without its primary key. A crowd test that passes on this store proves nothing; each crowd
// test runs here too and must catch the double sale. (It skips the seat limit and companion rule,
// which the crowds do not exercise.)
import { sql } from 'kysely';
import type { ClaimStore } from '../../src/modules/booking/claims.store.ts';
import type { Database } from '../../src/platform/db/database.ts';

/** Drops the one constraint that makes a seat sellable once (in a test database only). */
export async function dropClaimKey(database: Database): Promise<void> {
  await sql`alter table seat_claims drop constraint if exists seat_claims_pkey`.execute(database.db);
}

export function unprotectedClaimStore(database: Database): ClaimStore {
  return {
    async hold(db, h) {
      const ids = h.seats.map((s) => s.id);
      // BUG ON PURPOSE: the check runs before, and outside, the transaction that writes.
      const taken = await db
        .selectFrom('seat_claims')
        .select('seat_id')
        .where('showtime_id', '=', h.showtimeId)
        .where('seat_id', 'in', ids)
        .where((eb) => eb.or([eb('state', '=', 'sold'), eb('expires_at', '>', h.now)]))
        .execute();
      if (taken.length > 0) return { outcome: 'taken', seatIds: taken.map((r) => r.seat_id) };
      // The gap any check-then-act leaves between reading and writing (other work, a slow network).
      await new Promise((r) => setTimeout(r, 10));
      return database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('bookings')
          .values({
            id: h.bookingId,
            user_id: h.userId,
            showtime_id: h.showtimeId,
            status: 'held',
            total_amount: h.seats.reduce((n, s) => n + s.price, 0),
            currency: sql<string>`(select currency from showtimes where id = ${h.showtimeId})`,
            seat_count: h.seats.length,
            expires_at: h.expiresAt,
            created_at: h.now,
            updated_at: h.now,
          })
          .execute();
        await trx
          .insertInto('seat_claims')
          .values(
            h.seats.map((s) => ({
              showtime_id: h.showtimeId,
              seat_id: s.id,
              booking_id: h.bookingId,
              state: 'held' as const,
              expires_at: h.expiresAt,
            })),
          )
          .execute();
        await trx
          .insertInto('booking_seats')
          .values(
            h.seats.map((s) => ({
              booking_id: h.bookingId,
              seat_id: s.id,
              showtime_id: h.showtimeId,
              row_label: s.row,
              number: s.number,
              seat_type: s.type,
              price_amount: s.price,
            })),
          )
          .execute();
        const v = await sql<{ v: number }>`select nextval('seat_change_seq')::int8 as v`.execute(trx);
        return { outcome: 'held' as const, version: Number(v.rows[0]?.v) };
      });
    },
  };
}
