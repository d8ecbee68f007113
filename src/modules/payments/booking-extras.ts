// What payments and tickets add to bookings and to the staff report: each booking's tickets and
// refunds, and a showtime's revenue net of refunds and its check-ins.
import type { Kysely } from 'kysely';
import type { BookingView } from '../booking/booking.views.ts';
import type { ReportExtension } from '../booking/report.service.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { TicketsService } from '../tickets/tickets.service.ts';
import { netRevenue } from './payments.store.ts';
import { type RefundRow, refundsOfBookings } from './refunds.store.ts';

export const toRefundView = (r: RefundRow) => ({
  id: r.id,
  amount: { amount: r.amount, currency: r.currency.trim() },
  status: r.status,
  reason: r.reason,
  ticketIds: r.ticket_ids,
  createdAt: r.created_at.toISOString(),
  completedAt: r.completed_at?.toISOString() ?? null,
});

export function createBookingExtras(deps: { db: Kysely<DB>; tickets: TicketsService }) {
  const { db } = deps;
  return {
    /** Adds `tickets` and `refunds` to booking views. */
    async decorate(views: BookingView[]): Promise<void> {
      const ids = views.map((v) => v.id);
      if (ids.length === 0) return;
      const [tickets, refunds] = await Promise.all([deps.tickets.forBookings(db, ids), refundsOfBookings(db, ids)]);
      for (const v of views) {
        v.tickets = tickets.get(v.id) ?? [];
        v.refunds = refunds.filter((r) => r.booking_id === v.id).map(toRefundView);
      }
    },

    /** Revenue net of refunds (money actually kept) and check-ins, from our own tables. */
    report: (async (showtimeId, report) => {
      const [revenue, counts] = await Promise.all([netRevenue(db, showtimeId), deps.tickets.counts(showtimeId)]);
      report.revenue = { amount: revenue.amount, currency: revenue.currency ?? report.revenue.currency };
      report.checkedIn = counts.checkedIn;
    }) satisfies ReportExtension,
  };
}
