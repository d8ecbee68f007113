// The staff report per showtime, from this module's own tables. The payments module serves it,
// refined with what it and tickets own (revenue net of refunds, check-ins): payments/booking-detail.ts.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import type { CatalogCache } from './booking-catalog.cache.ts';
import { showtimeNotFound } from './booking.errors.ts';
import type { Money } from './booking.views.ts';
import { countShowtime, soldByTicketType } from './seat-state.store.ts';
import type { BookingDb } from './booking.tables.ts';

export interface ShowtimeReport {
  capacity: number;
  sold: number;
  held: number;
  available: number;
  revenue: Money;
  checkedIn: number;
  /** Sold seats and their revenue (as sold, before refunds) per ticket type. */
  byTicketType: { ticketType: string; name: string; sold: number; revenue: Money }[];
}

export interface ReportService {
  /** Capacity (bookable seats), sold, live holds, available, revenue of confirmed bookings; checkedIn 0. */
  report(showtimeId: string): Promise<ShowtimeReport>;
}

export function createReportService(deps: {
  database: ModuleDatabase;
  clock: Clock;
  catalog: CatalogCache;
}): ReportService {
  return {
    async report(showtimeId) {
      const info = await deps.catalog.get(showtimeId);
      if (!info) throw showtimeNotFound();
      const db = moduleDb<BookingDb>(deps.database);
      const [counts, byType] = await Promise.all([
        countShowtime(db, showtimeId, deps.clock.now()),
        soldByTicketType(db, showtimeId),
      ]);
      const capacity = info.seats.filter((s) => s.type !== 'blocked').length;
      const report: ShowtimeReport = {
        capacity,
        sold: counts.sold,
        held: counts.held,
        // Blocked seats are neither sold nor held, and not for sale either.
        available: Math.max(0, capacity - counts.sold - counts.held - counts.blocked),
        // Payments replaces it with revenue net of refunds; here: the totals of confirmed bookings.
        revenue: { amount: counts.revenue, currency: info.showtime.currency },
        // Payments fills it in from tickets.
        checkedIn: 0,
        byTicketType: byType.map((r) => ({
          ticketType: r.ticket_type,
          name: info.typeByCode.get(r.ticket_type)?.names.en ?? r.ticket_type,
          sold: r.sold,
          revenue: { amount: r.revenue, currency: info.showtime.currency },
        })),
      };
      return report;
    },
  };
}
