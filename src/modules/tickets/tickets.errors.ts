// The tickets module's error codes.
import { AppError } from '../../platform/errors.ts';

export const ticketNotFound = () => new AppError('not_found', 'ticket_not_found', 'No ticket has this code');
/** The PDF of a booking none of whose tickets is still good (never paid, refunded, every ticket cancelled). */
export const noTicketsToPrint = () => new AppError('not_found', 'not_found', 'No valid tickets found for this booking');
export const ticketVoid = (ticketId: string, voidedAt: Date | null) =>
  new AppError('conflict', 'ticket_void', 'This ticket was cancelled and is no longer valid', {
    ticketId,
    voidedAt: voidedAt?.toISOString() ?? null,
  });
export const alreadyCheckedIn = (ticketId: string, checkedInAt: Date) =>
  new AppError('conflict', 'already_checked_in', `This ticket was already checked in at ${checkedInAt.toISOString()}`, {
    ticketId,
    checkedInAt: checkedInAt.toISOString(),
  });
export const checkinNotOpen = (opensAt: Date, startsAt: Date) =>
  new AppError('conflict', 'checkin_not_open', `Check-in for this showtime opens at ${opensAt.toISOString()}`, {
    opensAt: opensAt.toISOString(),
    startsAt: startsAt.toISOString(),
  });
export const checkinClosed = (closedAt: Date, startsAt: Date) =>
  new AppError('conflict', 'checkin_closed', `Check-in for this showtime closed at ${closedAt.toISOString()}`, {
    closedAt: closedAt.toISOString(),
    startsAt: startsAt.toISOString(),
  });
