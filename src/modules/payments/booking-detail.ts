// Booking detail and the staff report, composed here and nowhere else: booking answers with the
// bookings and the report's counts, and this module adds what payments and tickets own: each
// booking's tickets and refunds, the refund policy and what cancelling now would give back
// (computed by the same rules the cancellation uses, so what the customer is shown is what they
// get), and a showtime's revenue net of refunds and its check-ins. Calls run one way: payments
// reads booking and tickets through their services; booking never calls back.
import type { Kysely } from 'kysely';
import type { BookingView } from '../booking/booking.views.ts';
import type { FoodOrderView } from '../concessions/orders.schemas.ts';
import type { ReportService, ShowtimeReport } from '../booking/report.service.ts';
import type { TicketsService, TicketView } from '../tickets/tickets.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Caller } from '../../platform/http/access.ts';
import { OFFLINE_METHODS } from './offline-payments.ts';
import { netRevenue, refundableOfBookings } from './payments.store.ts';
import { type RefundPolicy, refundOverride, refundPercentOf } from './refund-policy.ts';
import { splitRefund } from './refund-split.ts';
import { type RefundRow, refundsOfBookings } from './refunds.store.ts';
import type { PaymentsDb } from './payments.tables.ts';
import { foodRefundView } from './food-refunds.ts';

const toRefundView = (r: RefundRow) => ({
  id: r.id,
  amount: { amount: r.amount, currency: r.currency.trim() },
  giftCardAmount: { amount: r.gift_card_amount, currency: r.currency.trim() },
  status: r.status,
  reason: r.reason,
  ticketIds: r.ticket_ids,
  // Issue 17: the food lines given back with it (uncollected food of a cancelled booking, or alone).
  food: r.food_amount > 0 ? foodRefundView(r.food_lines, r.food_amount, r.currency.trim()) : null,
  createdAt: r.created_at.toISOString(),
  completedAt: r.completed_at?.toISOString() ?? null,
});

/** What the food lines not yet collected nor refunded cost (a paid order's; cancelling gives it back in full). */
function uncollectedFood(food: FoodOrderView | null | undefined): number {
  if (!food || (food.status !== 'paid' && food.status !== 'held')) return 0;
  return food.items.reduce(
    (sum, l) => sum + Math.max(0, l.quantity - l.collected - l.refunded) * l.unitPrice.amount,
    0,
  );
}

/**
 * A booking as every answer shows it, food names in `lang`; `known`: the booking and its food as the
 * request just wrote them (PUT /food), so they are not read again (the caller checked access).
 */
export type ViewBooking = (
  caller: Caller,
  bookingId: string,
  lang?: string,
  known?: { booking: BookingView; food: FoodOrderView | null },
) => Promise<BookingView>;

export interface BookingDetail {
  /**
   * Adds `tickets`, `refunds`, `food` (names in `lang`, the request's: textLanguage; `food` given:
   * these, not read) and, to confirmed bookings, `refundPolicy` and `refundPreview` (in place).
   */
  compose<T extends BookingView[]>(views: T, lang?: string, food?: Map<string, FoodOrderView>): Promise<T>;
  /** The staff report with revenue net of refunds and check-ins. */
  report(showtimeId: string): Promise<ShowtimeReport>;
}

export function createBookingDetail(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  tickets: TicketsService;
  reports: ReportService;
  /** The showtimes of a page of bookings in one read (the catalog's multi-get), by id. */
  showtimes: (ids: string[]) => Promise<ReadonlyMap<string, { startsAt: Date; movedAt?: Date | null }>>;
  policy: RefundPolicy;
  /** Issue 17: the food of these bookings (concessions), names in `lang`, by booking id; without it no booking has food. */
  food?: (bookings: { id: string; status: string }[], lang?: string) => Promise<Map<string, FoodOrderView>>;
}): BookingDetail {
  const { db, policy } = deps;
  const published = { cutoffMinutes: policy.cutoffMinutes, ...(policy.tiers ? { tiers: policy.tiers } : {}) };

  /** Adds the policy and the refund for cancelling every valid ticket now to confirmed bookings. */
  async function addRefundPreviews(views: BookingView[]): Promise<void> {
    const paid = views.filter((v) => v.status === 'confirmed');
    if (paid.length === 0) return;
    const showtimeIds = [...new Set(paid.map((v) => v.showtimeId))];
    const [refundable, shows] = await Promise.all([
      refundableOfBookings(
        db,
        paid.map((v) => v.id),
      ),
      deps.showtimes(showtimeIds),
    ]);
    const now = deps.clock.now();
    for (const v of paid) {
      const show = shows.get(v.showtimeId);
      if (!show) continue;
      const confirmedAt = v.confirmedAt ? new Date(v.confirmedAt) : null;
      const paid = refundable.get(v.id);
      // Paid at a till: paid back there, in full until the start (refunds.service cancelOffline).
      const atTill = paid !== undefined && OFFLINE_METHODS.includes(paid.provider);
      const percent = atTill
        ? now.getTime() < show.startsAt.getTime()
          ? 100
          : 0
        : refundPercentOf(policy, show, confirmedAt, now);
      const tickets = (v.tickets ?? []) as TicketView[];
      const valid = tickets
        .filter((t) => t.status === 'valid')
        .map((t) => ({ seatId: t.seat.seatId, price: t.price.amount }));
      // Cancelling every ticket left gives back the food not yet collected too (refunds.service cancel).
      const whole = valid.length > 0 && valid.length === tickets.filter((t) => t.status !== 'void').length;
      const food = whole ? uncollectedFood(v.food) : 0;
      // As cancelling would split it (refund-split.ts): less the discount's share, card and gift cards.
      const b = v.priceBreakdown;
      const split = splitRefund(
        valid,
        percent,
        {
          totalAmount: b.tickets.amount,
          discountAmount: b.discount?.amount.amount ?? 0,
          giftCardAmount: b.giftCards.amount,
          seats: v.seats.map((x) => ({ seatId: x.seatId, price: x.price.amount })),
        },
        {
          cardPaid: paid?.paid ?? 0,
          cardLeft: paid?.left ?? 0,
          giftLeft: Math.max(0, b.giftCards.amount - (paid?.giftCardRefunded ?? 0)),
        },
        food,
      );
      const amount = split.cardAmount + split.giftCardAmount;
      const override = atTill
        ? { fullRefundUntil: show.startsAt, reason: 'at_till' as const }
        : refundOverride(show, confirmedAt);
      v.refundPolicy = override
        ? { ...published, fullRefundUntil: override.fullRefundUntil.toISOString(), reason: override.reason }
        : published;
      v.refundPreview = { amount: { amount, currency: v.total.currency }, percent, asOf: now.toISOString() };
    }
  }

  return {
    async compose(views, lang, known) {
      const ids = views.map((v) => v.id);
      if (ids.length === 0) return views;
      // A live hold was never paid: tickets are issued in the transaction that confirms a booking.
      const sold = views.filter((v) => v.status !== 'held').map((v) => v.id);
      const [tickets, refunds, food] = await Promise.all([
        sold.length > 0 ? deps.tickets.forBookings(db, sold) : new Map<string, TicketView[]>(),
        refundsOfBookings(db, ids),
        known ?? deps.food?.(views, lang) ?? new Map<string, FoodOrderView>(),
      ]);
      for (const v of views) {
        v.food = food.get(v.id) ?? null;
        v.tickets = tickets.get(v.id) ?? [];
        v.refunds = refunds.filter((r) => r.booking_id === v.id).map(toRefundView);
      }
      await addRefundPreviews(views);
      return views;
    },

    // Revenue net of refunds (money actually kept) from our own tables, check-ins from tickets.
    async report(showtimeId) {
      const report = await deps.reports.report(showtimeId);
      const [revenue, counts] = await Promise.all([netRevenue(db, showtimeId), deps.tickets.counts(showtimeId)]);
      report.revenue = { amount: revenue.amount, currency: revenue.currency ?? report.revenue.currency };
      report.checkedIn = counts.checkedIn;
      return report;
    },
  };
}
