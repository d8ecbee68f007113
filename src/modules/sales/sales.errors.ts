// The sales module's error codes.
import { AppError, notFound } from '../../platform/errors.ts';

export const showtimeNotFound = () => notFound('The showtime');
export const hallNotFound = () => notFound('The hall');

/** A report range runs forwards and spans at most a year. */
export const badRange = (detail: string) =>
  new AppError('unprocessable', 'validation_failed', detail, { errors: [{ path: '/to', message: detail }] });
