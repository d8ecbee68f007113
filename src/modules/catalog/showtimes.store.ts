// SQL for showtimes. Seat availability reads the claims booking publishes to the catalog
// (BookingReadModel): exact, in the same query as the showtimes.
import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { CatalogDb, SeatType, TicketPriceMap } from './catalog.tables.ts';

export interface ShowtimeRow {
  id: string;
  movie_id: string;
  hall_id: string;
  cinema_id: string;
  starts_at: Date;
  ends_at: Date;
  format: string;
  language: string | null;
  subtitles: string | null;
  prices: Partial<Record<SeatType, number>>;
  ticket_prices: TicketPriceMap;
  currency: string;
  status: 'scheduled' | 'cancelled';
  /** When the start last moved (PATCH): bookings confirmed before it may be cancelled in full. */
  moved_at: Date | null;
  seats_available: number;
  movie_title: string;
  duration_minutes: number;
  age_rating: string | null;
  hall_name: string;
  capacity: number;
  cinema_name: string;
  timezone: string;
  city: string;
  address: string;
  sort_key: string;
}

export interface ShowtimeFilters {
  movieId?: string | undefined;
  cinemaId?: string | undefined;
  hallId?: string | undefined;
  date?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  status: 'scheduled' | 'cancelled' | 'all';
}

function select(now: Date, where: RawBuilder<unknown>, tail: RawBuilder<unknown>) {
  // Sellable seats minus live claims on them: sold, blocked, or held and not yet expired at `now`.
  // A showtime pinned to an earlier layout (layout_id) counts that layout's seats and capacity.
  return sql<ShowtimeRow>`
    select st.id, st.movie_id, st.hall_id, st.cinema_id, st.starts_at, st.ends_at, st.format, st.language, st.subtitles,
      st.prices, st.ticket_prices, st.currency, st.status, st.moved_at, st.starts_at::text as sort_key,
      m.title as movie_title, m.duration_minutes, m.age_rating, h.name as hall_name,
      coalesce(hl.capacity, h.capacity) as capacity, c.name as cinema_name, c.timezone, c.city, c.address,
      case when st.layout_id is null then
        (select count(*) from seats se where se.hall_id = st.hall_id and se.active and se.type <> 'blocked')::int
        - (select count(*) from seat_claims sc join seats se on se.id = sc.seat_id
           where sc.showtime_id = st.id and se.active and se.type <> 'blocked'
             and (sc.state <> 'held' or sc.expires_at > ${now}))::int
      else
        (select count(*) from hall_layout_seats ls where ls.layout_id = st.layout_id and ls.type <> 'blocked')::int
        - (select count(*) from seat_claims sc join hall_layout_seats ls on ls.layout_id = st.layout_id and ls.seat_id = sc.seat_id
           where sc.showtime_id = st.id and ls.type <> 'blocked'
             and (sc.state <> 'held' or sc.expires_at > ${now}))::int
      end as seats_available
    from showtimes st
    join movies m on m.id = st.movie_id
    join halls h on h.id = st.hall_id
    left join hall_layouts hl on hl.id = st.layout_id
    join cinemas c on c.id = st.cinema_id
    ${where} ${tail}`;
}

export async function findShowtime(ex: Executor<CatalogDb>, id: string, now: Date): Promise<ShowtimeRow | undefined> {
  return (await select(now, sql`where st.id = ${id}`, sql``).execute(ex)).rows[0];
}

/** Several showtimes in one statement (a booking list's); unknown ids are left out. */
export async function findShowtimes(ex: Executor<CatalogDb>, ids: string[], now: Date): Promise<ShowtimeRow[]> {
  if (ids.length === 0) return [];
  return (await select(now, sql`where st.id = any(${ids}::uuid[])`, sql``).execute(ex)).rows;
}

/** A page of showtimes by start time. `date` is the cinema's local day, whatever DST does that day. */
export async function listShowtimes(
  ex: Executor<CatalogDb>,
  f: ShowtimeFilters,
  now: Date,
  limit: number,
  after: string[] | null,
): Promise<ShowtimeRow[]> {
  const conds: RawBuilder<unknown>[] = [];
  if (f.status !== 'all') conds.push(sql`st.status = ${f.status}`);
  if (f.movieId) conds.push(sql`st.movie_id = ${f.movieId}`);
  if (f.cinemaId) conds.push(sql`st.cinema_id = ${f.cinemaId}`);
  if (f.hallId) conds.push(sql`st.hall_id = ${f.hallId}`);
  if (f.date) {
    // Every zone's day lies within UTC ±15 h of it: a plain range the start-time index can use.
    conds.push(sql`st.starts_at >= (${f.date}::date::timestamp at time zone 'UTC') - interval '15 hours'`);
    conds.push(sql`st.starts_at < ((${f.date}::date + 1)::timestamp at time zone 'UTC') + interval '15 hours'`);
    conds.push(sql`st.starts_at >= (${f.date}::date::timestamp at time zone c.timezone)`);
    conds.push(sql`st.starts_at < ((${f.date}::date + 1)::timestamp at time zone c.timezone)`);
  }
  if (f.from) conds.push(sql`st.starts_at >= ${f.from}`);
  if (f.to) conds.push(sql`st.starts_at < ${f.to}`);
  if (after) conds.push(sql`(st.starts_at, st.id) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const where = conds.length > 0 ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  return (await select(now, where, sql`order by st.starts_at, st.id limit ${limit + 1}`).execute(ex)).rows;
}

export async function insertShowtime(
  trx: Executor<CatalogDb>,
  v: {
    movieId: string;
    hallId: string;
    cinemaId: string;
    startsAt: Date;
    endsAt: Date;
    format: string;
    language: string | null;
    subtitles: string | null;
    prices: Record<string, number>;
    ticketPrices: TicketPriceMap;
    currency: string;
  },
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto('showtimes')
    .values({
      movie_id: v.movieId,
      hall_id: v.hallId,
      cinema_id: v.cinemaId,
      starts_at: v.startsAt,
      ends_at: v.endsAt,
      format: v.format,
      language: v.language,
      subtitles: v.subtitles,
      prices: JSON.stringify(v.prices) as never,
      ticket_prices: JSON.stringify(v.ticketPrices) as never,
      currency: v.currency,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The sellable seat types a hall has now. */
export async function hallSeatTypes(ex: Executor<CatalogDb>, hallId: string): Promise<SeatType[]> {
  const rows = await ex
    .selectFrom('seats')
    .select('type')
    .distinct()
    .where('hall_id', '=', hallId)
    .where('active', '=', true)
    .where('type', '<>', 'blocked')
    .execute();
  return rows.map((r) => r.type);
}

export async function lockShowtime(
  trx: Executor<CatalogDb>,
  id: string,
): Promise<{ id: string; status: string } | undefined> {
  return trx.selectFrom('showtimes').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Whether the showtime has confirmed (paid) bookings: from BookingReadModel, like availability. */
export async function hasPaidBookings(ex: Executor<CatalogDb>, showtimeId: string): Promise<boolean> {
  const r = await ex
    .selectFrom('bookings')
    .select('id')
    .where('showtime_id', '=', showtimeId)
    .where('status', '=', 'confirmed')
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function markCancelled(trx: Executor<CatalogDb>, id: string, now: Date): Promise<void> {
  await trx.updateTable('showtimes').set({ status: 'cancelled', updated_at: now }).where('id', '=', id).execute();
}
