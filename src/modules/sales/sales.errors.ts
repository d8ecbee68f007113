// The sales module's error codes.
import { AppError, notFound } from '../../platform/errors.ts';

export const showtimeNotFound = () => notFound('The showtime');
export const hallNotFound = () => notFound('The hall');

/** A report range runs forwards and spans at most a year. */
export const badRange = (detail: string) =>
  new AppError('unprocessable', 'validation_failed', detail, { errors: [{ path: '/to', message: detail }] });

export const cinemaNotFound = () => notFound('The cinema');
export const ticketTypeNotFound = () => notFound('The ticket type', 'ticket_type_not_found');
export const ticketTypeExists = (code: string) =>
  new AppError('conflict', 'ticket_type_exists', `This cinema has a ticket type "${code}" already`);
/** The default type is what a hold by seatIds sells: it can be replaced as default, not removed. */
export const ticketTypeIsDefault = () =>
  new AppError(
    'conflict',
    'ticket_type_is_default',
    'The default ticket type cannot be removed or deactivated: make another type the default first',
  );
export const ticketTypeUnknownInList = (path: string, code: string) =>
  new AppError('unprocessable', 'ticket_type_unknown', `This cinema has no ticket type "${code}"`, {
    errors: [{ path, message: 'is not a ticket type of this cinema' }],
  });
