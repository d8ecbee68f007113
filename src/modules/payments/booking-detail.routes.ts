// HTTP for the booking reads and the staff report. They live here because this module composes
// them (booking-detail.ts): booking's own answers plus tickets, refunds and net revenue. Schemas
// and tags stay booking's, so the API is as it was.
import { Type } from 'typebox';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import { textLanguage, TextLangQuery } from '../../platform/http/language.ts';
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
// The list's query with the food names' language.
const ListQuery = Type.Object(
  { ...BookingListQuery.properties, ...TextLangQuery.properties },
  { additionalProperties: false },
);
const FOOD_NAMES = 'Food names in ?lang=, else Accept-Language (as the menu), else English.';

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
        description: FOOD_NAMES,
        security,
        querystring: ListQuery,
        response: { 200: BookingPage },
      },
    },
    async (request) => {
      const { lang, ...query } = request.query;
      const page = await booking.list(principalOf(request), query);
      return { items: await detail.compose(page.items, textLanguage(request, lang)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/bookings/:id',
    {
      onRequest: auth.require(),
      schema: {
        tags: ['booking'],
        summary: 'One booking',
        description: FOOD_NAMES,
        security,
        params: BookingParams,
        querystring: TextLangQuery,
        response: { 200: Booking },
      },
    },
    async (request) =>
      (
        await detail.compose(
          [await booking.get(principalOf(request), request.params.id)],
          textLanguage(request, request.query.lang),
        )
      )[0],
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
