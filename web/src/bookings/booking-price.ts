import type { Booking } from '../api/types.ts';

/** What the booking costs its customer: tickets and food less the discount (gift cards are a way of paying). */
export function bookingPrice(b: Pick<Booking, 'total' | 'priceBreakdown'>): Booking['total'] {
  const p = b.priceBreakdown;
  if (!p) return b.total;
  return { amount: Math.max(0, p.subtotal.amount - (p.discount?.amount.amount ?? 0)), currency: p.subtotal.currency };
}
