// The staff report per showtime, from this module's own tables. The payments module serves it,
// refined with what it and tickets own (revenue net of refunds, check-ins): payments/booking-detail.ts.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import type { CatalogCache } from './booking-catalog.cache.ts';
import { showtimeNotFound } from './booking.errors.ts';
import type { Money } from './booking.views.ts';
import { countShowtime } from './seat-state.store.ts';
import type { BookingDb } from './booking.tables.ts';

export interface ShowtimeReport {
  capacity: number;
  sold: number;
  held: number;
  available: number;
  revenue: Money;
  checkedIn: number;
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
      const counts = await countShowtime(moduleDb<BookingDb>(deps.database), showtimeId, deps.clock.now());
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
      };
      return report;
    },
  };
}
