// The waitlist module's error codes: stable, documented in the README (issue 18).
import { conflict, notFound } from '../../platform/errors.ts';

export const entryNotFound = () => notFound('The waiting list entry', 'not_found');

/** Joining is for sold-out showtimes: with seats free, the customer books them. */
export const showtimeNotSoldOut = (seatsAvailable: number) =>
  conflict('showtime_not_sold_out', 'This showtime still has seats: book them instead of waiting', {
    seatsAvailable,
  });

/** One live place per account or guest address and showtime. */
export const alreadyOnWaitlist = (entryId: string) =>
  conflict('already_on_waitlist', 'You are already on the waiting list of this showtime', { entryId });

/** A cancelled or started showtime takes no one on its list. */
export const showtimeNotWaitable = () =>
  conflict('showtime_not_bookable', 'This showtime was cancelled or has already started');
