// HTTP for extending a hold once (POST /bookings/{id}/extend).
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { Booking, BookingParams } from './booking.schemas.ts';
import type { ExtendHold } from './hold-extension.service.ts';

export function registerHoldExtensionRoute(app: HttpApp, auth: AuthHooks, extendHold: ExtendHold): void {
  app.post(
    '/api/v1/bookings/:id/extend',
    {
      onRequest: auth.require(),
      schema: {
        tags: ['booking'],
        summary: 'Keep a hold longer, once, by HOLD_EXTENSION_MINUTES',
        description:
          'expiresAt (and every held seat) moves on by HOLD_EXTENSION_MINUTES. 409 hold_already_extended the second time (with expiresAt); 409 booking_expired when the hold lapsed; 409 booking_not_payable when the booking is no hold any more (bookingStatus).',
        security: [{ bearer: [] }, { cookie: [] }],
        params: BookingParams,
        response: { 200: Booking },
      },
    },
    async (request) => extendHold(principalOf(request), request.params.id),
  );
}
