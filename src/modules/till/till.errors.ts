// The till module's error codes (API.md "Till").
import { AppError, conflict, notFound, unprocessable } from '../../platform/errors.ts';

export const tillNotFound = () => notFound('The till', 'till_not_found');
export const cinemaNotFound = () => notFound('The cinema', 'cinema_not_found');
export const sessionNotFound = () => notFound('The till session', 'till_session_not_found');
export const saleNotFound = () => notFound('The till sale', 'till_sale_not_found');
export const foodOrderNotFound = () => notFound('The food order', 'concession_order_not_found');
export const tillNameTaken = () => conflict('till_name_taken', 'This cinema already has a till with this name');
/** A till has one drawer and a cashier one till: one open session each. */
export const tillAlreadyOpen = (extra: Record<string, unknown> = {}) =>
  conflict('till_already_open', 'This till, or this staff member, already has an open session', extra);
export const tillClosed = () => conflict('till_closed', 'This till session is closed');
export const tenderedTooLittle = (total: number, tendered: number) =>
  unprocessable('tendered_too_little', 'The cash tendered is less than the total', { total, tendered });
export const tenderedNotCash = () =>
  unprocessable('validation_failed', 'Only a cash sale takes a tendered amount', {
    errors: [{ path: '/tendered', message: 'only for method "cash"' }],
  });
export const currencyMismatch = (till: string, booking: string) =>
  new AppError('unprocessable', 'till_currency_mismatch', `This till takes ${till}; the booking is in ${booking}`, {
    till,
    booking,
  });
export const notSoldAtTill = () =>
  conflict('booking_not_sold_at_till', 'This booking was not sold at a till; refund it online');
/** A till sells and pays back only its own cinema's showtimes: the money stays in that cinema's drawers. */
export const wrongCinema = () =>
  unprocessable('till_wrong_cinema', "This booking's showtime is at another cinema than this till");
