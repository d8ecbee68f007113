// The catalog's error codes (API.md "Catalog").
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';

export const movieNotFound = () => notFound('The movie');
export const personNotFound = () => notFound('The person');
export const cinemaNotFound = () => notFound('The cinema');
export const hallNotFound = () => notFound('The hall');
export const showtimeNotFound = () => notFound('The showtime');

export const showtimeOverlap = () =>
  conflict('showtime_overlap', 'The hall already has a showtime at that time (cleaning included)');
export const movieInUse = () =>
  conflict('movie_in_use', 'The movie has showtimes; cancel them instead of deleting the movie');
export const hallNameTaken = () => conflict('hall_name_taken', 'The cinema already has a hall with this name');
export const showtimeHasPaidBookings = () =>
  conflict(
    'showtime_has_paid_bookings',
    'The showtime has paid bookings; it cannot be cancelled until refunds are supported',
  );
export const pricesMissing = (showtimeIds: string[], seatTypes: string[]) =>
  conflict(
    'prices_missing',
    `Coming showtimes of this hall have no price for ${seatTypes.join(', ')}; the layout cannot add those seat types`,
    {
      showtimeIds,
      seatTypes,
    },
  );

export const showtimeNotMovable = (why: 'cancelled' | 'started') =>
  conflict(
    'showtime_not_movable',
    why === 'cancelled' ? 'A cancelled showtime cannot be moved' : 'A showtime that has started cannot be moved',
    { reason: why },
  );
export const showtimeHasSales = () =>
  conflict(
    'showtime_has_sales',
    'Seats of this showtime are held or sold; it can move to another time but not to another hall',
  );

export const showtimeHasBlocks = () =>
  conflict(
    'showtime_has_blocks',
    'Seats of this showtime are blocked; lift the blocks to move it to another hall (it can move to another time)',
  );

export { validationFailed };
