// Concession reports: takings (units, gross, refunded) per cinema and local day, product or staff,
// from paid orders; and the attach rate per movie, items bought with bookings per ticket sold. Tickets
// and bookings are the sales reports' (a port), names of staff the accounts' (a port).
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { ConcessionsDb } from './concessions.tables.ts';
import { inLanguage } from './language.ts';
import type { AttachQueryInput, TakingsQueryInput } from './reports.schemas.ts';

export interface ConcessionsReportsPort {
  /** Live tickets per movie, and confirmed bookings with their movie, over showtimes of local days [from, to]. */
  ticketsAndBookingsByMovie(q: { from: string; to: string; cinemaId?: string }): Promise<{
    movies: { movie_id: string; title: string; tickets: number }[];
    bookings: { id: string; movie_id: string }[];
  }>;
  /** A cinema's time zone (its local days), null when there is no such cinema. */
  timezone(cinemaId: string): Promise<string | null>;
  /** A staff member's name, null when unknown. */
  staffName(userId: string): Promise<string | null>;
}

const MAX_RANGE_DAYS = 366;

function checkRange(q: { from: string; to: string }) {
  const from = Date.parse(`${q.from}T00:00:00Z`);
  const to = Date.parse(`${q.to}T00:00:00Z`);
  if (to < from) throw validationFailed('/to', '"to" must not be before "from"');
  if ((to - from) / 86_400_000 >= MAX_RANGE_DAYS) throw validationFailed('/to', `at most ${MAX_RANGE_DAYS} days`);
}

interface TakingsRow {
  cinema_id: string;
  day: string | null;
  product_id: string | null;
  product_names: Record<string, string> | null;
  staff_user_id: string | null;
  currency: string;
  quantity: number;
  gross: number;
  refunded: number;
}

export function createReportsService(deps: { db: Executor<ConcessionsDb>; port: ConcessionsReportsPort }) {
  const { db, port } = deps;

  /** The cinemas with paid orders around the range, with their time zones (local days are theirs). */
  async function zones(q: { from: string; to: string; cinemaId?: string }) {
    let query = db
      .selectFrom('concession_orders')
      .select('cinema_id')
      .distinct()
      .where('paid_at', '>=', new Date(Date.parse(`${q.from}T00:00:00Z`) - 86_400_000))
      .where('paid_at', '<', new Date(Date.parse(`${q.to}T00:00:00Z`) + 2 * 86_400_000));
    if (q.cinemaId) query = query.where('cinema_id', '=', q.cinemaId);
    const ids = (await query.execute()).map((r) => r.cinema_id);
    const tzs = await Promise.all(ids.map(async (id) => (await port.timezone(id)) ?? 'UTC'));
    return { ids, tzs };
  }

  return {
    /** Takings per cinema and local day, product or staff member (null staff: online), per currency. */
    async takings(q: TakingsQueryInput) {
      checkRange(q);
      const groupBy = q.groupBy ?? 'day';
      const lang = q.lang ?? 'en';
      const { ids, tzs } = await zones(q);
      const day = sql`to_char(o.paid_at at time zone z.tz, 'YYYY-MM-DD')`;
      const key =
        groupBy === 'day'
          ? sql`${day} as day, null::uuid as product_id, null::jsonb as product_names, null::uuid as staff_user_id`
          : groupBy === 'product'
            ? sql`null as day, l.product_id, min(p.names::text)::jsonb as product_names, null::uuid as staff_user_id`
            : sql`null as day, null::uuid as product_id, null::jsonb as product_names, o.staff_user_id`;
      const group = groupBy === 'day' ? sql`${day}` : groupBy === 'product' ? sql`l.product_id` : sql`o.staff_user_id`;
      const { rows } = await sql<TakingsRow>`
        select o.cinema_id, ${key}, trim(o.currency) as currency,
          sum(l.quantity)::int as quantity, sum(l.quantity * l.unit_price)::int as gross,
          sum(l.refunded_quantity * l.unit_price)::int as refunded
        from concession_orders o
        join unnest(${ids}::uuid[], ${tzs}::text[]) as z(cinema_id, tz) on z.cinema_id = o.cinema_id
        join concession_order_lines l on l.order_id = o.id
        join concession_products p on p.id = l.product_id
        where o.paid_at is not null
          and (o.paid_at at time zone z.tz)::date between ${q.from}::date and ${q.to}::date
        group by o.cinema_id, ${group}, trim(o.currency)
        order by o.cinema_id, 2, 3, 5`.execute(db);
      const names = new Map<string, string>();
      if (groupBy === 'staff') {
        for (const id of new Set(rows.map((r) => r.staff_user_id).filter((x): x is string => x !== null)))
          names.set(id, (await port.staffName(id)) ?? id);
      }
      const money = (amount: number, currency: string) => ({ amount, currency });
      const totals = new Map<string, { quantity: number; gross: number; refunded: number }>();
      for (const r of rows) {
        const t = totals.get(r.currency) ?? { quantity: 0, gross: 0, refunded: 0 };
        t.quantity += r.quantity;
        t.gross += r.gross;
        t.refunded += r.refunded;
        totals.set(r.currency, t);
      }
      return {
        items: rows.map((r) => ({
          cinemaId: r.cinema_id,
          ...(groupBy === 'day' && { day: r.day! }),
          ...(groupBy === 'product' && {
            productId: r.product_id!,
            productName: inLanguage(r.product_names ?? { en: '' }, lang),
          }),
          ...(groupBy === 'staff' && {
            staffUserId: r.staff_user_id,
            staffName: r.staff_user_id ? names.get(r.staff_user_id)! : 'online',
          }),
          quantity: r.quantity,
          gross: money(r.gross, r.currency),
          refunded: money(r.refunded, r.currency),
        })),
        totals: [...totals].map(([currency, t]) => ({
          quantity: t.quantity,
          gross: money(t.gross, currency),
          refunded: money(t.refunded, currency),
        })),
      };
    },

    /** Items per ticket per movie: food units (net of refunds) of paid orders with bookings of its showtimes. */
    async attachRate(q: AttachQueryInput) {
      checkRange(q);
      const base = await port.ticketsAndBookingsByMovie({ from: q.from, to: q.to, cinemaId: q.cinemaId });
      const movieOf = new Map(base.bookings.map((b) => [b.id, b.movie_id]));
      const items = new Map<string, number>();
      const ids = [...movieOf.keys()];
      if (ids.length > 0) {
        const { rows } = await sql<{ booking_id: string; items: number }>`
          select o.booking_id, sum(l.quantity - l.refunded_quantity)::int as items
          from concession_orders o
          join concession_order_lines l on l.order_id = o.id
          where o.booking_id = any(${ids}::uuid[]) and o.paid_at is not null
          group by o.booking_id`.execute(db);
        for (const r of rows) {
          const movie = movieOf.get(r.booking_id)!;
          items.set(movie, (items.get(movie) ?? 0) + r.items);
        }
      }
      return {
        items: base.movies.map((m) => {
          const n = items.get(m.movie_id) ?? 0;
          return {
            movieId: m.movie_id,
            title: m.title,
            tickets: m.tickets,
            items: n,
            attachRate: m.tickets > 0 ? Math.round((n / m.tickets) * 1000) / 1000 : 0,
          };
        }),
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
