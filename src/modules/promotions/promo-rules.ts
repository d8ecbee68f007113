// What a promo code takes off a booking: whether the booking's showtime is in the code's scope, and
// the discount on the seats whose ticket types are. Pure: the service brings the rows.
import type { NotApplicableReason } from './promotions.errors.ts';
import type { PromoScopeValue } from './promotions.schemas.ts';

export interface PromoTerms {
  kind: 'percent' | 'fixed';
  percent: number | null;
  amount: number | null;
  currency: string | null;
  scope: PromoScopeValue;
}

export interface ShowtimeForPromo {
  id: string;
  movieId: string;
  cinemaId: string;
  startsAt: Date;
  /** The cinema's IANA time zone: scope dates are the showtime's local date. */
  timezone: string;
}

export interface BookingForPromo {
  totalAmount: number;
  giftCardAmount: number;
  /** Issue 17: food, which gift cards may pay but a promo code never discounts. */
  foodAmount?: number;
  currency: string;
  seats: readonly { price: number; ticketType: string }[];
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const outside = (list: readonly string[] | undefined, value: string) =>
  list !== undefined && list.length > 0 && !list.includes(value);

/** Why the showtime is outside the scope, or null when it is inside (ticket types are judged per seat). */
export function showtimeOutsideScope(scope: PromoScopeValue, showtime: ShowtimeForPromo): NotApplicableReason | null {
  if (outside(scope.showtimeIds, showtime.id)) return 'showtime';
  if (outside(scope.movieIds, showtime.movieId)) return 'movie';
  if (outside(scope.cinemaIds, showtime.cinemaId)) return 'cinema';
  if (scope.from || scope.to) {
    const day = localDate(showtime.startsAt, showtime.timezone);
    if ((scope.from && day < scope.from) || (scope.to && day > scope.to)) return 'date';
  }
  return null;
}

/**
 * The discount in minor units, or why there is none: only seats of the scope's ticket types count;
 * a percentage rounds down once per booking; a fixed amount is capped at those seats' sum. Never more
 * than what gift cards leave to pay (the booking's checks keep discount + gift cards within the total).
 */
export function discountFor(terms: PromoTerms, booking: BookingForPromo): number | NotApplicableReason {
  const types = terms.scope.ticketTypes;
  const inScope = booking.seats.filter((s) => !types || types.length === 0 || types.includes(s.ticketType));
  if (inScope.length === 0) return 'ticket_types';
  const base = inScope.reduce((sum, s) => sum + s.price, 0);
  let discount: number;
  if (terms.kind === 'percent') discount = Math.floor((base * (terms.percent ?? 0)) / 100);
  else {
    if (terms.currency !== booking.currency) return 'currency';
    discount = Math.min(terms.amount ?? 0, base);
  }
  // Gift cards pay the food first as far as the discount is concerned: it only takes off tickets.
  const left = Math.min(booking.totalAmount, booking.totalAmount + (booking.foodAmount ?? 0) - booking.giftCardAmount);
  if (left <= 0) return 'nothing_to_discount';
  return Math.min(discount, left);
}
