// What the staff console reads about sales: who holds which seat, a showtime's money and check-ins,
// totals per day and movie over a range (JSON and CSV), and default prices per hall.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { validationFailed } from '../../platform/errors.ts';
import { isIso4217Currency } from '../../platform/iso-4217.ts';
import type { CatalogService } from '../catalog/catalog.module.ts';
import { decimalAmount } from '../../platform/money.ts';
import { toCsv } from './csv.ts';
import { badRange, hallNotFound, showtimeNotFound } from './sales.errors.ts';
import type { SalesQueryInput, SalesReportQueryInput, ShowtimeSummaryView, StaffSeatsView } from './sales.schemas.ts';
import * as store from './sales.store.ts';
import * as defaults from './price-defaults.store.ts';
import type { PriceMap, SalesDb } from './sales.tables.ts';
import { buildReport, type SalesReportView } from './sales-report.ts';

const MAX_RANGE_DAYS = 366;

export interface SalesService {
  /** Held and sold seats of a showtime with booking and customer (staff). */
  seats(showtimeId: string): Promise<StaffSeatsView>;
  /** Tickets, check-ins, money net of refunds and what a cancellation would refund. */
  summary(showtimeId: string): Promise<ShowtimeSummaryView>;
  /** Totals per day, per movie and per showtime over a range of local days; showtimes a page at a time. */
  report(query: SalesReportQueryInput): Promise<SalesReportView>;
  /** The same per-showtime rows as CSV. */
  csv(query: SalesQueryInput): Promise<string>;
  /** Live tickets per movie and the confirmed bookings with their movie over local days (concessions' attach rate). */
  ticketsAndBookingsByMovie(query: SalesQueryInput): ReturnType<typeof store.ticketsAndBookingsByMovie>;
  /** A hall's default prices (empty when none were saved). */
  priceDefaults(
    hallId: string,
  ): Promise<{ hallId: string; prices: PriceMap; currency: string | null; updatedAt: string | null }>;
  /** Replaces a hall's default prices (admin). */
  setPriceDefaults(
    hallId: string,
    input: { prices: PriceMap; currency: string },
    by: string,
  ): Promise<{ hallId: string; prices: PriceMap; currency: string | null; updatedAt: string | null }>;
}

function checkRange(q: SalesQueryInput): void {
  const from = Date.parse(`${q.from}T00:00:00Z`);
  const to = Date.parse(`${q.to}T00:00:00Z`);
  if (to < from) throw badRange('"to" must not be before "from"');
  if ((to - from) / 86_400_000 >= MAX_RANGE_DAYS) throw badRange(`a report covers at most ${MAX_RANGE_DAYS} days`);
}

export function createSalesService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  catalog: CatalogService;
}): SalesService {
  const db = moduleDb<SalesDb>(deps.database);

  async function showtime(id: string) {
    const s = await deps.catalog.getShowtime(id);
    if (!s) throw showtimeNotFound();
    return s;
  }

  async function rows(q: SalesQueryInput) {
    checkRange(q);
    return store.salesByShowtime(db, q);
  }

  return {
    async seats(showtimeId) {
      await showtime(showtimeId);
      const claims = await store.liveClaims(db, showtimeId, deps.clock.now());
      return {
        showtimeId,
        seats: claims.map((c) => ({
          seatId: c.seat_id,
          row: c.row_label,
          number: c.number,
          status: c.state as 'held' | 'sold',
          expiresAt: c.state === 'held' && c.expires_at ? c.expires_at.toISOString() : null,
          bookingId: c.booking_id,
          bookingStatus: c.booking_status,
          customer: { id: c.user_id, name: c.name, email: c.email },
          ticket: c.ticket_id
            ? {
                id: c.ticket_id,
                status: c.ticket_status ?? 'valid',
                checkedInAt: c.checked_in_at?.toISOString() ?? null,
              }
            : null,
        })),
      };
    },

    async summary(showtimeId) {
      const s = await showtime(showtimeId);
      const [money, tickets, exposure] = await Promise.all([
        store.showtimeMoney(db, showtimeId),
        store.ticketCounts(db, showtimeId),
        store.refundExposure(db, showtimeId),
      ]);
      const currency = money.currency ?? s.currency;
      const m = (amount: number) => ({ amount, currency });
      return {
        showtimeId,
        status: s.status,
        capacity: s.hall.capacity,
        tickets: tickets.tickets,
        checkedIn: tickets.checked_in,
        gross: m(money.gross),
        refunded: m(money.refunded),
        net: m(money.gross - money.refunded),
        refundOnCancel: {
          bookings: exposure.bookings,
          customers: exposure.customers,
          tickets: exposure.tickets,
          amount: m(exposure.amount),
        },
      };
    },

    async ticketsAndBookingsByMovie(q) {
      checkRange(q);
      return store.ticketsAndBookingsByMovie(db, q);
    },

    async report(q) {
      const [report, byType] = await Promise.all([
        rows(q).then((r) => buildReport(q, r)),
        store.salesByTicketType(db, q),
      ]);
      return {
        ...report,
        byTicketType: byType.map((r) => ({
          ticketType: r.ticket_type,
          name: r.name ?? r.ticket_type,
          sold: r.sold,
          revenue: { amount: r.revenue, currency: r.currency },
        })),
      };
    },

    async csv(q) {
      const header = [
        'date',
        'time',
        'cinema',
        'hall',
        'movie',
        'showtime_id',
        'status',
        'capacity',
        'tickets',
        'checked_in',
        'currency',
        'gross',
        'refunded',
        'net',
        'ticket_types',
      ];
      const body = (await rows(q)).map((r) => [
        r.day,
        r.local_time,
        r.cinema_name,
        r.hall_name,
        r.movie_title,
        r.showtime_id,
        r.status,
        r.capacity,
        r.tickets,
        r.checked_in,
        r.currency,
        decimalAmount(r.gross, r.currency),
        decimalAmount(r.refunded, r.currency),
        decimalAmount(r.gross - r.refunded, r.currency),
        r.ticket_types,
      ]);
      return toCsv(header, body);
    },

    async priceDefaults(hallId) {
      const row = await defaults.findDefaults(db, hallId);
      if (!row) {
        if (!(await deps.catalog.getHall(hallId))) throw hallNotFound();
        return { hallId, prices: {}, currency: null, updatedAt: null };
      }
      return { hallId, prices: row.prices, currency: row.currency, updatedAt: row.updated_at.toISOString() };
    },

    async setPriceDefaults(hallId, input, by) {
      // The showtime form starts from these: a code no showtime may have would only fail there.
      if (!isIso4217Currency(input.currency)) throw validationFailed('/currency', 'is not an ISO 4217 currency code');
      if (!(await deps.catalog.getHall(hallId))) throw hallNotFound();
      await defaults.upsertDefaults(db, {
        hallId,
        prices: input.prices,
        currency: input.currency,
        by,
        now: deps.clock.now(),
      });
      return this.priceDefaults(hallId);
    },
  };
}
