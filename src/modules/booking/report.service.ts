// The staff report per showtime. Payments and tickets refine it (revenue net of refunds, check-ins)
// through `extend`, without this module reading their tables.
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { CatalogCache } from './booking-catalog.cache.ts';
import { showtimeNotFound } from './booking.errors.ts';
import type { Money } from './booking.views.ts';
import { countShowtime } from './seat-state.store.ts';

interface ShowtimeReport {
  capacity: number;
  sold: number;
  held: number;
  available: number;
  revenue: Money;
  checkedIn: number;
}

/** Refines a report in place; called in registration order. */
export type ReportExtension = (showtimeId: string, report: ShowtimeReport) => Promise<void>;

export interface ReportService {
  /** Capacity (bookable seats), sold, live holds, available, confirmed revenue, check-ins. */
  report(showtimeId: string): Promise<ShowtimeReport>;
  extend(extension: ReportExtension): void;
}

export function createReportService(deps: { database: Database; clock: Clock; catalog: CatalogCache }): ReportService {
  const extensions: ReportExtension[] = [];
  return {
    async report(showtimeId) {
      const info = await deps.catalog.get(showtimeId);
      if (!info) throw showtimeNotFound();
      const counts = await countShowtime(deps.database.db, showtimeId, deps.clock.now());
      const capacity = info.seats.filter((s) => s.type !== 'blocked').length;
      const report: ShowtimeReport = {
        capacity,
        sold: counts.sold,
        held: counts.held,
        available: Math.max(0, capacity - counts.sold - counts.held),
        // Until payments refines it: the totals of confirmed bookings.
        revenue: { amount: counts.revenue, currency: info.showtime.currency },
        // Until tickets reports check-ins.
        checkedIn: 0,
      };
      for (const ext of extensions) await ext(showtimeId, report);
      return report;
    },
    extend(extension) {
      extensions.push(extension);
    },
  };
}
