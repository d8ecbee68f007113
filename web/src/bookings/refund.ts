// What cancelling a paid booking now would give back, shown before the customer confirms. The
// server's own figure wins when it sends one; otherwise the published policy is applied the way
// the server applies it: a percent by time before the start, floored per ticket.
import type { Booking, Money, Ticket } from '../api/types.ts';

export interface RefundTier {
  minutesBefore: number;
  percent: number;
}

export interface RefundPolicy {
  cutoffMinutes: number;
  tiers?: RefundTier[];
}

/** The box office default (REFUND_CUTOFF_MINUTES=120, no tiers), when the server publishes none. */
export const DEFAULT_POLICY: RefundPolicy = { cutoffMinutes: 120 };

export function refundPercent(policy: RefundPolicy, startsAt: number, now: number): number {
  const minutesBefore = (startsAt - now) / 60_000;
  if (minutesBefore <= 0) return 0;
  if (policy.tiers && policy.tiers.length > 0) {
    const sorted = [...policy.tiers].sort((a, b) => b.minutesBefore - a.minutesBefore);
    return sorted.find((tier) => minutesBefore >= tier.minutesBefore)?.percent ?? 0;
  }
  return minutesBefore >= policy.cutoffMinutes ? 100 : 0;
}

/** The policy the server published with the booking (confirmed bookings). */
export function policyOf(booking: Booking): RefundPolicy | null {
  return booking.refundPolicy ?? null;
}

export interface RefundPreview {
  amount: Money;
  percent: number | null;
}

/** The refund for cancelling the booking's valid tickets at `now`. */
export function previewRefund(
  booking: Booking,
  tickets: Ticket[] | undefined,
  startsAt: string,
  now: number,
): RefundPreview {
  const currency = booking.total.currency;
  const given = booking.refundPreview;
  if (given) return { amount: given.amount, percent: given.percent };
  const percent = refundPercent(policyOf(booking) ?? DEFAULT_POLICY, Date.parse(startsAt), now);
  const voidSeats = new Set((tickets ?? []).filter((tk) => tk.status === 'void').map((tk) => seatIdOf(tk)));
  const prices = booking.seats.filter((s) => !voidSeats.has(s.seatId)).map((s) => s.price.amount);
  const sum = prices.reduce((acc, p) => acc + Math.floor((p * Math.min(percent, 100)) / 100), 0);
  const refunded = (booking.refunds ?? []).reduce((acc, r) => acc + r.amount.amount, 0);
  return { amount: { amount: Math.max(0, Math.min(sum, booking.total.amount - refunded)), currency }, percent };
}

export function seatIdOf(ticket: Ticket): string {
  return ticket.seat.seatId;
}
