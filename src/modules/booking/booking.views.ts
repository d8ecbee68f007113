// Bookings as clients see them: status derived (a hold past its expiry reads `expired`), money as
// {amount, currency}. The payments module adds `tickets`, `refunds` and the refund preview when it
// composes the booking detail (payments/booking-detail.ts).
import type { FoodOrderView } from '../concessions/orders.schemas.ts';
import type { BookingRefundView, BookingTicketView } from './booking.schemas.ts';
import type { BookingStatus } from './booking.tables.ts';
import type { BookingRow } from './booking.store.ts';

export interface Money {
  amount: number;
  currency: string;
}

export interface BookingView {
  id: string;
  status: BookingStatus;
  showtimeId: string;
  userId: string | null;
  seats: {
    seatId: string;
    row: string;
    number: number;
    type: string;
    price: Money;
    ticketType: string;
    ticketTypeName: string;
  }[];
  total: Money;
  /** Issue 16: subtotal (= total), a promo code's discount, gift cards, and what is left to pay. */
  priceBreakdown: PriceBreakdown;
  expiresAt: string;
  createdAt: string;
  confirmedAt: string | null;
  /** When the hold was kept longer (POST /bookings/{id}/extend); a hold extends once only. */
  holdExtendedAt: string | null;
  /** Filled by payments/booking-detail.ts, which serves the booking reads. */
  food?: FoodOrderView | null;
  tickets?: BookingTicketView[];
  refunds?: BookingRefundView[];
  refundPolicy?: {
    cutoffMinutes: number;
    tiers?: { minutesBefore: number; percent: number }[];
    /** The showtime moved after this booking was paid: a full refund until then, whatever the policy. */
    fullRefundUntil?: string;
    /** showtime_moved, or at_till: paid at a box office till, refunded only there (in full until the start). */
    reason?: 'showtime_moved' | 'at_till';
  };
  refundPreview?: { amount: Money; percent: number; asOf: string };
}

export interface PriceBreakdown {
  /** Issue 17: the seats (= total) and the food basket; subtotal = tickets + food. */
  tickets: Money;
  food: Money;
  subtotal: Money;
  discount: { code: string; amount: Money } | null;
  giftCards: Money;
  due: Money;
}

/** What is left to pay of a booking: seats and food less its discount and gift cards (never below 0). */
export function dueAmount(
  b: Pick<BookingRow, 'totalAmount' | 'discountAmount' | 'giftCardAmount'> & { foodAmount?: number },
): number {
  return Math.max(0, b.totalAmount + (b.foodAmount ?? 0) - b.discountAmount - b.giftCardAmount);
}

/** The booking's price numbers as clients see them (issue 16, food since issue 17). */
export function priceBreakdownOf(
  b: Pick<BookingRow, 'totalAmount' | 'discountAmount' | 'giftCardAmount' | 'promoCode' | 'currency' | 'foodAmount'>,
): PriceBreakdown {
  const currency = b.currency;
  return {
    tickets: { amount: b.totalAmount, currency },
    food: { amount: b.foodAmount, currency },
    subtotal: { amount: b.totalAmount + b.foodAmount, currency },
    discount: b.promoCode !== null ? { code: b.promoCode, amount: { amount: b.discountAmount, currency } } : null,
    giftCards: { amount: b.giftCardAmount, currency },
    due: { amount: dueAmount(b), currency },
  };
}

/** The status a client sees at `now`. */
export function effectiveStatus(status: BookingStatus, expiresAt: Date, now: Date): BookingStatus {
  return status === 'held' && expiresAt.getTime() <= now.getTime() ? 'expired' : status;
}

export function toView(b: Omit<BookingRow, 'guestEmail'>, now: Date): BookingView {
  const currency = b.currency;
  return {
    id: b.id,
    status: effectiveStatus(b.status, b.expiresAt, now),
    showtimeId: b.showtimeId,
    userId: b.userId,
    seats: b.seats.map((s) => ({
      seatId: s.seatId,
      row: s.row,
      number: s.number,
      type: s.type,
      price: { amount: s.price, currency },
      ticketType: s.ticketType,
      ticketTypeName: s.ticketTypeName,
    })),
    total: { amount: b.totalAmount, currency },
    priceBreakdown: priceBreakdownOf(b),
    expiresAt: b.expiresAt.toISOString(),
    createdAt: b.createdAt.toISOString(),
    confirmedAt: b.confirmedAt ? b.confirmedAt.toISOString() : null,
    holdExtendedAt: b.holdExtendedAt ? b.holdExtendedAt.toISOString() : null,
  };
}
