// The staff console's reports, over the reporting read model (SalesReadModel in sales.tables.ts):
// joins across booking, payments, tickets, accounts and the catalog in one statement each (who
// holds which seat, money net of refunds per showtime) that no single module's service offers.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { SalesDb } from './sales.tables.ts';

interface ClaimRow {
  seat_id: string;
  row_label: string;
  number: number;
  state: 'held' | 'sold';
  expires_at: Date | null;
  booking_id: string;
  booking_status: string;
  user_id: string;
  name: string | null;
  email: string | null;
  ticket_id: string | null;
  ticket_status: string | null;
  checked_in_at: Date | null;
}

/** Live claims of a showtime (sold, or held and not lapsed) with their booking and customer. */
export async function liveClaims(ex: Executor<SalesDb>, showtimeId: string, now: Date): Promise<ClaimRow[]> {
  const r = await sql<ClaimRow>`
    select c.seat_id, s.row_label, s.number, c.state, c.expires_at, c.booking_id, b.status as booking_status,
           b.user_id, u.name, u.email, t.id as ticket_id, t.status as ticket_status, t.checked_in_at
      from seat_claims c
      join seats s on s.id = c.seat_id
      join bookings b on b.id = c.booking_id
      left join users u on u.id = b.user_id
      left join tickets t on t.showtime_id = c.showtime_id and t.seat_id = c.seat_id and t.status <> 'void'
     where c.showtime_id = ${showtimeId} and (c.state = 'sold' or c.expires_at > ${now})
     order by s.row_index, s.number`.execute(ex);
  return r.rows;
}

interface MoneyRow {
  currency: string | null;
  gross: number;
  refunded: number;
}

/** Money taken for a showtime and what was given back (refunds reserve their amount on the payment). */
export async function showtimeMoney(ex: Executor<SalesDb>, showtimeId: string): Promise<MoneyRow> {
  const r = await sql<MoneyRow>`
    select max(currency) as currency, coalesce(sum(amount), 0)::int as gross, coalesce(sum(refunded_amount), 0)::int as refunded
      from payments where showtime_id = ${showtimeId} and status in ('succeeded', 'refunded')`.execute(ex);
  return r.rows[0] ?? { currency: null, gross: 0, refunded: 0 };
}

interface RefundExposure {
  bookings: number;
  customers: number;
  tickets: number;
  amount: number;
}

/** What cancelling the showtime would refund: its confirmed bookings, their customers and the money still kept. */
export async function refundExposure(ex: Executor<SalesDb>, showtimeId: string): Promise<RefundExposure> {
  const r = await sql<RefundExposure>`
    select count(*)::int as bookings, count(distinct b.user_id)::int as customers,
           coalesce(sum((select count(*) from tickets t where t.booking_id = b.id and t.status <> 'void')), 0)::int as tickets,
           coalesce(sum((select sum(p.amount - p.refunded_amount) from payments p where p.booking_id = b.id and p.status = 'succeeded')), 0)::int as amount
      from bookings b where b.showtime_id = ${showtimeId} and b.status = 'confirmed'`.execute(ex);
  return r.rows[0] ?? { bookings: 0, customers: 0, tickets: 0, amount: 0 };
}

interface TicketCounts {
  tickets: number;
  checked_in: number;
}

export async function ticketCounts(ex: Executor<SalesDb>, showtimeId: string): Promise<TicketCounts> {
  const r = await sql<TicketCounts>`
    select count(*) filter (where status <> 'void')::int as tickets, count(*) filter (where status = 'used')::int as checked_in
      from tickets where showtime_id = ${showtimeId}`.execute(ex);
  return r.rows[0] ?? { tickets: 0, checked_in: 0 };
}

export interface SalesRow {
  showtime_id: string;
  starts_at: Date;
  status: string;
  day: string;
  local_time: string;
  movie_id: string;
  movie_title: string;
  hall_name: string;
  cinema_id: string;
  cinema_name: string;
  capacity: number;
  currency: string;
  tickets: number;
  checked_in: number;
  gross: number;
  refunded: number;
  /** Live tickets per ticket type, as `adult 3; child 1` (the CSV's last column). */
  ticket_types: string;
}

/** Every showtime whose local calendar day (in its cinema's zone) is within [from, to], with its sales. */
export async function salesByShowtime(
  ex: Executor<SalesDb>,
  q: { from: string; to: string; cinemaId?: string | undefined },
): Promise<SalesRow[]> {
  const cinema = q.cinemaId ? sql`and s.cinema_id = ${q.cinemaId}` : sql``;
  const r = await sql<SalesRow>`
    select s.id as showtime_id, s.starts_at, s.status,
           to_char(s.starts_at at time zone c.timezone, 'YYYY-MM-DD') as day,
           to_char(s.starts_at at time zone c.timezone, 'HH24:MI') as local_time,
           m.id as movie_id, m.title as movie_title, h.name as hall_name, c.id as cinema_id, c.name as cinema_name,
           h.capacity, s.currency,
           coalesce(t.tickets, 0)::int as tickets, coalesce(t.checked_in, 0)::int as checked_in,
           coalesce(p.gross, 0)::int as gross, coalesce(p.refunded, 0)::int as refunded,
           coalesce((select string_agg(x.ticket_type || ' ' || x.n, '; ' order by x.ticket_type)
             from (select ticket_type, count(*) as n from tickets where showtime_id = s.id and status <> 'void'
                   group by ticket_type) x), '') as ticket_types
      from showtimes s
      join cinemas c on c.id = s.cinema_id
      join halls h on h.id = s.hall_id
      join movies m on m.id = s.movie_id
      left join lateral (
        select sum(amount) as gross, sum(refunded_amount) as refunded
          from payments where showtime_id = s.id and status in ('succeeded', 'refunded')
      ) p on true
      left join lateral (
        select count(*) filter (where status <> 'void') as tickets, count(*) filter (where status = 'used') as checked_in
          from tickets where showtime_id = s.id
      ) t on true
     where s.starts_at >= (${q.from}::date - interval '1 day') and s.starts_at < (${q.to}::date + interval '2 days')
       and (s.starts_at at time zone c.timezone)::date between ${q.from}::date and ${q.to}::date
       ${cinema}
     order by s.starts_at, s.id`.execute(ex);
  return r.rows;
}

/** Live tickets and their prices per ticket type and currency over the showtimes of [from, to] (local days). */
export async function salesByTicketType(
  ex: Executor<SalesDb>,
  q: { from: string; to: string; cinemaId?: string | undefined },
): Promise<{ ticket_type: string; name: string | null; currency: string; sold: number; revenue: number }[]> {
  const cinema = q.cinemaId ? sql`and s.cinema_id = ${q.cinemaId}` : sql``;
  const r = await sql<{ ticket_type: string; name: string | null; currency: string; sold: number; revenue: number }>`
    select t.ticket_type, min(tt.names ->> 'en') as name, trim(t.currency) as currency,
           count(*)::int as sold, sum(t.price_amount)::int as revenue
      from tickets t
      join showtimes s on s.id = t.showtime_id
      join cinemas c on c.id = s.cinema_id
      left join ticket_types tt on tt.cinema_id = s.cinema_id and tt.code = t.ticket_type
     where t.status <> 'void'
       and s.starts_at >= (${q.from}::date - interval '1 day') and s.starts_at < (${q.to}::date + interval '2 days')
       and (s.starts_at at time zone c.timezone)::date between ${q.from}::date and ${q.to}::date
       ${cinema}
     group by t.ticket_type, trim(t.currency)
     order by t.ticket_type, 3`.execute(ex);
  return r.rows;
}

/**
 * Live tickets per movie over the showtimes of [from, to] (local days), and the confirmed bookings of
 * those showtimes with their movie: the base of the concessions attach rate (items per ticket).
 */
export async function ticketsAndBookingsByMovie(
  ex: Executor<SalesDb>,
  q: { from: string; to: string; cinemaId?: string | undefined },
): Promise<{
  movies: { movie_id: string; title: string; tickets: number }[];
  bookings: { id: string; movie_id: string }[];
}> {
  const cinema = q.cinemaId ? sql`and s.cinema_id = ${q.cinemaId}` : sql``;
  const inRange = sql`s.starts_at >= (${q.from}::date - interval '1 day') and s.starts_at < (${q.to}::date + interval '2 days')
       and (s.starts_at at time zone c.timezone)::date between ${q.from}::date and ${q.to}::date ${cinema}`;
  const [movies, bookings] = await Promise.all([
    sql<{ movie_id: string; title: string; tickets: number }>`
      select m.id as movie_id, m.title, count(t.id)::int as tickets
        from showtimes s
        join cinemas c on c.id = s.cinema_id
        join movies m on m.id = s.movie_id
        join tickets t on t.showtime_id = s.id and t.status <> 'void'
       where ${inRange}
       group by m.id, m.title
       order by m.title, m.id`.execute(ex),
    sql<{ id: string; movie_id: string }>`
      select b.id, s.movie_id
        from bookings b
        join showtimes s on s.id = b.showtime_id
        join cinemas c on c.id = s.cinema_id
       where b.status in ('confirmed', 'refunded') and ${inRange}`.execute(ex),
  ]);
  return { movies: movies.rows, bookings: bookings.rows };
}
