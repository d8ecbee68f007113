// How much of a ticket comes back when a customer cancels. Either a single cut-off (everything
// back until REFUND_CUTOFF_MINUTES before the start, nothing after) or REFUND_POLICY tiers
// (`minutesBefore:percent`, the first tier whose minutesBefore has not yet been passed applies).
//
// Rounding rule: each ticket's refund is floor(price × percent / 100) in minor units, so rounding
// never favours a refund over what was paid; a booking's refunds are further capped at what remains
// of its payment.
import type { RefundTier } from '../../config.ts';

export interface RefundPolicy {
  cutoffMinutes: number;
  tiers: RefundTier[] | undefined;
}

const MINUTE = 60_000;

/** The percent refunded for a cancellation at `now` of a showtime starting at `startsAt`. */
export function refundPercent(policy: RefundPolicy, startsAt: Date, now: Date): number {
  const minutesBefore = (startsAt.getTime() - now.getTime()) / MINUTE;
  if (minutesBefore <= 0) return 0;
  if (policy.tiers && policy.tiers.length > 0) {
    const sorted = [...policy.tiers].sort((a, b) => b.minutesBefore - a.minutesBefore);
    return sorted.find((tier) => minutesBefore >= tier.minutesBefore)?.percent ?? 0;
  }
  return minutesBefore >= policy.cutoffMinutes ? 100 : 0;
}

/** One ticket's refund in minor units: floor(price × percent / 100), integer arithmetic only. */
export function ticketRefund(priceMinor: number, percent: number): number {
  if (percent <= 0 || priceMinor <= 0) return 0;
  return Math.floor((priceMinor * Math.min(percent, 100)) / 100);
}

/** The refund of several tickets, never more than what is left of the payment. */
export function refundAmount(pricesMinor: number[], percent: number, refundableMinor: number): number {
  const total = pricesMinor.reduce((sum, price) => sum + ticketRefund(price, percent), 0);
  return Math.max(0, Math.min(total, refundableMinor));
}

/** Why a booking may be cancelled in full whatever the policy, and until when. */
export interface RefundOverride {
  fullRefundUntil: Date;
  reason: 'showtime_moved';
}

/**
 * A booking paid before its showtime last moved was bought for another time: everything back until
 * the (new) start, whatever the cut-off or tiers say. Bookings paid after the move follow the policy.
 */
export function refundOverride(
  showtime: { startsAt: Date; movedAt?: Date | null | undefined },
  confirmedAt: Date | null,
): RefundOverride | null {
  if (!showtime.movedAt || !confirmedAt || confirmedAt.getTime() >= showtime.movedAt.getTime()) return null;
  return { fullRefundUntil: showtime.startsAt, reason: 'showtime_moved' };
}

/** The percent refunded at `now`, the booking's override (if any) taken into account. */
export function refundPercentOf(
  policy: RefundPolicy,
  showtime: { startsAt: Date; movedAt?: Date | null | undefined },
  confirmedAt: Date | null,
  now: Date,
): number {
  const override = refundOverride(showtime, confirmedAt);
  if (override && now.getTime() < override.fullRefundUntil.getTime()) return 100;
  return refundPercent(policy, showtime.startsAt, now);
}
