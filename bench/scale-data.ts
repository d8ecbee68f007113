// Sold tickets for the scale bench, written with SQL (generate_series), never through HTTP: for each
// of the given showtimes, `perShowtime` seats sold in bookings of up to three seats, each booking
// with its payment, claims and tickets, as a paid purchase leaves them. Seats are taken in the
// hall's order from `fromSeat` on (0-based over row_index, number). Foreign keys and triggers are
// skipped while seeding (session_replication_role), as a bulk load would; then vacuum and checkpoint.
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/platform/db/schema.ts';

export async function seedSoldTickets(
  url: string,
  opts: { showtimeIds: string[]; fromSeat: number; perShowtime: number; userIds: string[] },
): Promise<void> {
  const perBooking = 3;
  const bookings = Math.ceil(opts.perShowtime / perBooking);
  // A connection of its own, without the app pool's guards and timeouts: a bulk load takes a while.
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('set session_replication_role = replica');
    await c.query('drop table if exists bench_scale_sb, bench_scale_seats, bench_scale_hall_seats');
    // One row a booking: its showtime, which customer, and its first seat's position.
    await c.query(
      `create unlogged table bench_scale_sb as
      select gen_random_uuid() as id, gen_random_uuid() as payment_id, s.id as showtime_id, s.hall_id, s.currency,
        ($1::uuid[])[1 + ((row_number() over ()) % cardinality($1::uuid[]))] as user_id,
        $2::int + k * $3::int as first_seat, least($3::int, $4::int - k * $3::int) as seat_count
      from showtimes s join unnest($5::uuid[]) u(id) on u.id = s.id, generate_series(0, $6::int - 1) k`,
      [opts.userIds, opts.fromSeat, perBooking, opts.perShowtime, opts.showtimeIds, bookings],
    );
    // Each hall's seats numbered in order once, so a booking finds its seats by a range, not a sort.
    await c.query(`create unlogged table bench_scale_hall_seats as
      select hall_id, id, row_label, number, type, (row_number() over (partition by hall_id order by row_index, number) - 1)::int as idx
      from seats where hall_id in (select distinct hall_id from bench_scale_sb)`);
    await c.query('create index on bench_scale_hall_seats (hall_id, idx)');
    await c.query(`create unlogged table bench_scale_seats as
      select sb.id as booking_id, sb.payment_id, sb.showtime_id, sb.user_id, sb.currency, st.id as seat_id, st.row_label, st.number, st.type
      from bench_scale_sb sb
      join bench_scale_hall_seats st on st.hall_id = sb.hall_id and st.idx >= sb.first_seat and st.idx < sb.first_seat + sb.seat_count`);
    const now = new Date();
    await c.query(
      `insert into bookings (id, user_id, showtime_id, status, total_amount, currency, seat_count, expires_at, created_at, updated_at, confirmed_at)
      select id, user_id, showtime_id, 'confirmed', 1200 * seat_count, currency, seat_count, $1,
        $1::timestamptz - (random() * interval '30 days'), $1, $1
      from bench_scale_sb`,
      [now],
    );
    await c.query(`insert into booking_seats (booking_id, showtime_id, seat_id, row_label, number, seat_type, price_amount)
      select booking_id, showtime_id, seat_id, row_label, number, type, 1200 from bench_scale_seats`);
    await c.query(`insert into seat_claims (showtime_id, seat_id, booking_id, state)
      select showtime_id, seat_id, booking_id, 'sold' from bench_scale_seats`);
    await c.query(
      `insert into payments (id, booking_id, showtime_id, user_id, provider, request_hash, amount, currency, status, outcome, created_at, updated_at, completed_at)
      select payment_id, id, showtime_id, user_id, 'fake', 'bench', 1200 * seat_count, currency, 'succeeded', 'confirmed', $1, $1, $1
      from bench_scale_sb`,
      [now],
    );
    await c.query(
      `insert into tickets (id, booking_id, payment_id, showtime_id, seat_id, user_id, row_label, seat_number, seat_type, price_amount, currency, code, status, issued_at)
      select gen_random_uuid(), booking_id, payment_id, showtime_id, seat_id, user_id, row_label, number, type, 1200, currency,
        md5(booking_id::text || seat_id::text), 'valid', $1
      from bench_scale_seats`,
      [now],
    );
    await c.query('drop table bench_scale_sb, bench_scale_seats, bench_scale_hall_seats');
    await c.query('set session_replication_role = origin');
    // Vacuumed and checkpointed now, so autovacuum and a checkpoint do not run during the measurement.
    await c.query('vacuum analyze');
    await c.query('checkpoint');
  } finally {
    await c.end();
  }
}

/** `count` more showtimes (every three hours) in the halls of `template`, with its movie, cinema and prices. */
export async function seedMoreShowtimes(db: Kysely<DB>, templateIds: string[], perHall: number): Promise<string[]> {
  const r = await sql<{ id: string }>`
    insert into showtimes (movie_id, hall_id, cinema_id, starts_at, ends_at, prices, currency, status)
    select t.movie_id, t.hall_id, t.cinema_id, t.starts_at + k * interval '3 hours', t.ends_at + k * interval '3 hours',
      t.prices, t.currency, 'scheduled'
    from showtimes t join unnest(${templateIds}::uuid[]) u(id) on u.id = t.id, generate_series(1, ${perHall}) k
    returning id`.execute(db);
  return r.rows.map((x) => x.id);
}
