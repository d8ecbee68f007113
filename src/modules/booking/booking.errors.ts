// The booking module's error codes: stable, documented in API.md, mapped to HTTP by the platform.
import { AppError, conflict, notFound, unprocessable } from '../../platform/errors.ts';

export const bookingNotFound = () => notFound('The booking', 'not_found');
export const showtimeNotFound = () => notFound('The showtime', 'not_found');

export const showtimeNotBookable = (why: 'cancelled' | 'started') =>
  conflict(
    'showtime_not_bookable',
    why === 'cancelled' ? 'This showtime was cancelled' : 'This showtime has already started',
  );

/** Some seats are held, sold or blocked; `seatIds` names exactly those. */
export const seatsUnavailable = (seatIds: string[]) =>
  conflict('seats_unavailable', 'Some of these seats are no longer available', { seatIds });

/** The hall's noSingleGaps rule: the hold would leave `seatIds` lone; `suggestion` leaves none. */
export const orphanSeat = (seatIds: string[], suggestion: string[]) =>
  conflict('orphan_seat', 'These seats would leave a single empty seat on its own: try the suggested seats', {
    seatIds,
    suggestion,
  });

/** Best available: no block of that many free seats side by side. */
export const noAdjacentSeats = (count: number) =>
  new AppError('not_found', 'no_adjacent_seats', `No ${count} free seats side by side`, { count });

export const seatLimitReached = (limit: number, alreadyHeld: number) =>
  conflict(
    'seat_limit_reached',
    `One customer may hold or own at most ${limit} seats of a showtime (you have ${alreadyHeld})`,
    {
      limit,
      alreadyHeld,
    },
  );

export const companionRequiresAccessible = (seatIds: string[]) =>
  unprocessable(
    'companion_requires_accessible',
    'A companion seat can only be booked together with the accessible seat next to it',
    { seatIds },
  );

/** Releasing or cancelling an accessible seat would leave the customer's companion seat next to it alone. */
export const companionWouldBeAlone = (seatIds: string[]) =>
  unprocessable(
    'companion_requires_accessible',
    'A companion seat cannot be kept without the accessible seat next to it: give up the companion seat first, or both together',
    { seatIds },
  );

/** A companion seat held next to an accessible seat of another booking that is not paid yet. */
export const companionNeedsPaidAccessible = (seatIds: string[]) =>
  unprocessable(
    'companion_requires_accessible',
    'A companion seat is paid for together with the accessible seat next to it, or after it: pay for the accessible seat first',
    { seatIds },
  );

export const unknownSeats = (indexes: number[]) =>
  new AppError('unprocessable', 'validation_failed', "Some seats are not seats of this showtime's hall", {
    errors: indexes.map((i) => ({ path: `/seatIds/${i}`, message: "is not a seat of this showtime's hall" })),
  });

export const bookingNotReleasable = (status: string) =>
  conflict(
    'booking_not_releasable',
    `A ${status} booking cannot be released; a paid booking is cancelled through POST /bookings/{id}/cancel`,
  );

/** The booking's seats were taken back (its hold lapsed and someone else holds a seat now). */
export const bookingClaimsLost = () => conflict('booking_expired', 'The hold on these seats has lapsed');

/** The customer released the hold (DELETE) before the sale went through: not a lapse, so not booking_expired. */
export const bookingReleasedBeforeSale = () =>
  conflict('booking_released', 'This hold was released; hold the seats again to pay');

export const holdAlreadyExtended = (expiresAt: Date) =>
  conflict('hold_already_extended', 'This hold was extended once already; pay before it runs out', {
    expiresAt: expiresAt.toISOString(),
  });

/** Extending a hold that lapsed (or whose seats were taken after it lapsed). */
export const holdLapsed = () => conflict('booking_expired', 'The hold on these seats has expired; hold them again');

/** Extending a booking that is not a hold any more (paid, released, refunded). */
export const holdNotExtendable = (status: string) =>
  conflict('booking_not_payable', `A ${status} booking is not a hold that can be extended`, { bookingStatus: status });

/** 422: a seat asked for as a ticket type the cinema does not sell (unknown or deactivated). */
export const ticketTypeUnknown = (seatIds: string[]) =>
  unprocessable('ticket_type_unknown', 'This cinema sells no such ticket type', { seatIds });
/** 422: the showtime has no price for that ticket type on that seat type. */
export const ticketTypeNotPriced = (seatIds: string[]) =>
  unprocessable('ticket_type_not_priced', 'This showtime sells no ticket of that type for these seats', { seatIds });
/** 422: a ticket type for guests younger than the film's rating admits (a child ticket for a 16 film). */
export const ticketTypeNotAllowed = (seatIds: string[], ageRating: string) =>
  unprocessable(
    'ticket_type_not_allowed',
    `The film is rated ${ageRating}: this ticket type is for guests too young to see it`,
    { seatIds },
  );

/** adjustHeld (promo codes, gift cards) on a booking that is no hold any more (paid, released, refunded). */
export const bookingNotHeld = (status: string) =>
  conflict('booking_not_payable', `A ${status} booking is not a hold: its price can no longer change`, {
    bookingStatus: status,
  });

/** adjustHeld: the discount and gift cards together would be more than the seats cost. */
export const priceBreakdownExceeded = (total: number) =>
  conflict('price_breakdown_exceeded', 'The discount and gift cards together cannot exceed the booking total', {
    total,
  });

/** adjustHeld: food taken off a booking that gift cards already pay more of than would then be due. */
export const giftCardsExceedTotal = (giftCards: number, payable: number) =>
  conflict(
    'gift_cards_exceed_total',
    'Gift cards already pay more than the booking would cost without this food: remove the gift cards first (DELETE /bookings/{id}/gift-cards)',
    { giftCards, payable },
  );
