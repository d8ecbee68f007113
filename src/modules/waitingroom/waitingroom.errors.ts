// The waitingroom module's error codes (README "API additions (issue 18)").
import { AppError, conflict, notFound } from '../../platform/errors.ts';

export const roomNotFound = () => notFound('The waiting room', 'waiting_room_not_found');
export const visitNotFound = () => notFound('Your place in the waiting room', 'visit_not_found');
export const showtimeNotFound = () => notFound('The showtime', 'showtime_not_found');
export const movieNotFound = () => notFound('The movie', 'movie_not_found');
export const deviceInUse = () =>
  conflict('waiting_room_device_in_use', 'This device already has a place in this waiting room for someone else');
export const placeTaken = () =>
  conflict(
    'waiting_room_place_taken',
    'This email address already has a place in this waiting room from another device: continue on that device',
  );
export const roomEnded = () => conflict('waiting_room_ended', 'This waiting room has ended');
export const onSaleFixed = () =>
  conflict('waiting_room_on_sale_fixed', 'The on-sale moment cannot move once the room has opened');
export const emailRequired = () =>
  new AppError('unauthorized', 'unauthorized', 'Sign in, or give an email address to wait as a guest');
/** A hold on a guarded showtime without a valid admission token of this caller and showtime. */
export const waitingRoomRequired = (reason: string) =>
  new AppError(
    'forbidden',
    'waiting_room_required',
    `This showtime sells through its waiting room: join it and hold with its admission token (${reason})`,
    { reason },
  );
