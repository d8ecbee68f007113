// HTTP for bookings: hold and release. The reads (list, one booking) are served by the payments
// module, which composes them with tickets and refunds (payments/booking-detail.routes.ts).
import { Type } from 'typebox';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { Booking, BookingParams, HoldBody, seatRequestsOf } from './booking.schemas.ts';
import type { BookingService } from './booking.service.ts';

const security: { [label: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];

export function registerBookingRoutes(app: HttpApp, auth: AuthHooks, service: BookingService): void {
  app.post(
    '/api/v1/bookings',
    {
      onRequest: auth.require(),
      schema: {
        tags: ['booking'],
        summary: 'Hold 1–10 seats of a showtime for HOLD_MINUTES, all or none',
        description:
          "Exactly one of seatIds (the cinema's default ticket type) and seats (a ticket type each); prices come from the showtime. 409 seats_unavailable lists the seats taken (held, sold or blocked); 409 showtime_not_bookable; 409 seat_limit_reached; 422 companion_requires_accessible; 422 ticket_type_unknown (no such active type at this cinema), ticket_type_not_priced (not on the showtime's price list for that seat type), ticket_type_not_allowed (the film's age rating excludes the type), each with the seatIds concerned.",
        security,
        body: HoldBody,
        response: { 201: Booking },
      },
    },
    async (request, reply) => {
      const booking = await service.hold(principalOf(request), request.body.showtimeId, seatRequestsOf(request.body));
      return reply.code(201).send(booking);
    },
  );

  app.delete(
    '/api/v1/bookings/:id',
    {
      onRequest: auth.require(),
      schema: {
        tags: ['booking'],
        summary: 'Release a held booking at once (409 booking_not_releasable once paid)',
        description:
          "422 companion_requires_accessible (seatIds: the companion seats) when a customer would keep a companion seat, held or bought in another booking, without this booking's accessible seat next to it: release that one first. Staff are exempt.",
        security,
        params: BookingParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await service.release(principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
