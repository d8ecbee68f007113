// HTTP for the booking reads and the staff report. They live here because this module composes
// them (booking-detail.ts): booking's own answers plus tickets, refunds and net revenue. Schemas
// and tags stay booking's, so the API is as it was.
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import {
  Booking,
  BookingListQuery,
  BookingPage,
  BookingParams,
  Report,
  ShowtimeParams,
} from '../booking/booking.schemas.ts';
import type { BookingService } from '../booking/booking.service.ts';
import type { BookingDetail } from './booking-detail.ts';

const security: { [label: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];

export function registerBookingDetailRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: { booking: BookingService; detail: BookingDetail },
): void {
  const { booking, detail } = deps;

  app.get(
    '/api/v1/bookings',
    {
      onRequest: auth.require(),
      schema: {
        tags: ['booking'],
        summary: 'Bookings newest first: your own, or all for staff and admin',
        security,
        querystring: BookingListQuery,
        response: { 200: BookingPage },
      },
    },
    async (request) => {
      const page = await booking.list(principalOf(request), request.query);
      return { items: await detail.compose(page.items), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/bookings/:id',
    {
      onRequest: auth.require(),
      schema: {
        tags: ['booking'],
        summary: 'One booking',
        security,
        params: BookingParams,
        response: { 200: Booking },
      },
    },
    async (request) => (await detail.compose([await booking.get(principalOf(request), request.params.id)]))[0],
  );

  app.get(
    '/api/v1/showtimes/:id/report',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags: ['booking'],
        summary: 'Staff report: capacity, sold, held, available, revenue, checked in',
        security,
        params: ShowtimeParams,
        response: { 200: Report },
      },
    },
    async (request) => detail.report(request.params.id),
  );
}
