// HTTP for food with a booking and the counter (issue 17, part B): set a held booking's food (the
// customer, a guest with the booking's token, staff on a till hold), read an order, its pickup QR,
// the staff's list, and the counter's pickup (preview and collect, exactly once).
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Caller } from '../../platform/http/access.ts';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { guestPassHook, guestPassOf } from '../booking/booking.module.ts';
import { Booking } from '../booking/booking.schemas.ts';
import type { GuestService } from '../booking/guest.service.ts';
import { languageOf } from './language.ts';
import * as S from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';
import type { ViewBooking } from '../payments/payments.module.ts';
import { pickupSvg, type PickupService } from './pickup.service.ts';

const tags = ['concessions'];
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const noStore = 'private, no-store';
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

const SET_FOOD =
  'Replaces the food of a held booking with these items (`[]` removes it); stock is taken now and given back when the food changes, the hold is released or expires. ' +
  'priceBreakdown.food and .due follow; one payment covers seats and food; the pickup code comes once it is paid. ' +
  'The booking answered names its food in ?lang=, else Accept-Language (as the menu). ' +
  '409 booking_not_payable / booking_expired unless the booking is a live hold; 422 food_not_on_sale (variantIds), combo_choice_invalid; ' +
  '409 food_out_of_stock (variantIds); 409 gift_cards_exceed_total when gift cards already pay more than the booking would then cost (remove them first); 409 concession_currency_mismatch.';

const PICKUP =
  'Hands over what is left of the order of this pickup code (or the lines given, part of a line too) and answers what to hand over. Exactly once under concurrent scans. ' +
  '404 pickup_not_found; 409 already_collected (collectedAt, lineIds), order_not_paid, order_refunded, pickup_wrong_cinema (cinemaId); 422 pickup_line_invalid.';

export function registerOrderRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: {
    orders: OrdersService;
    pickup: PickupService;
    guests: GuestService;
    viewBooking: ViewBooking;
  },
): void {
  const { orders, pickup } = deps;
  const pass = guestPassHook(deps.guests);

  for (const guest of [false, true]) {
    const base = guest ? '/api/v1/guest/bookings/:id/food' : '/api/v1/bookings/:id/food';
    const callerOf = (request: FastifyRequest): Caller => (guest ? guestPassOf(request) : principalOf(request));
    app.put(
      base,
      {
        onRequest: guest ? pass : auth.require(),
        schema: {
          tags: guest ? ['guest', ...tags] : tags,
          security: guest ? [{ bookingToken: [] }] : security,
          summary: guest ? 'Set the food of a held guest booking' : 'Set the food of a held booking',
          description: SET_FOOD,
          params: IdParams,
          querystring: LangQuery,
          body: S.SetFoodBody,
          response: { 200: Booking },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const lang = languageOf(request, request.query.lang);
        const set = await orders.setFood(caller, request.params.id, request.body.items, lang);
        return reply
          .header('cache-control', noStore)
          .send(await deps.viewBooking(caller, request.params.id, lang, set));
      },
    );
  }

  // The pickup QR: a guest's by the booking (its token), anyone else's by the order (owner or staff).
  for (const guest of [true, false]) {
    app.get(
      guest ? '/api/v1/guest/bookings/:id/food/pickup.svg' : '/api/v1/concession-orders/:id/pickup.svg',
      {
        onRequest: guest ? pass : auth.require(),
        schema: {
          tags: guest ? ['guest', ...tags] : tags,
          security: guest ? [{ bookingToken: [] }] : security,
          summary: guest
            ? "The pickup QR (SVG) of a guest booking's paid food"
            : "A paid food order's pickup QR (SVG): the owner or staff",
          description: '404 concession_order_not_found (also before it is paid).',
          params: IdParams,
        },
      },
      async (request, reply) => {
        const code = guest
          ? await orders.pickupCodeOf(guestPassOf(request), { bookingId: request.params.id })
          : await orders.pickupCodeOf(principalOf(request), { orderId: request.params.id });
        return reply
          .header('cache-control', noStore)
          .type('image/svg+xml')
          .send(await pickupSvg(code));
      },
    );
  }

  app.get(
    '/api/v1/concession-orders/:id',
    {
      onRequest: auth.require(),
      schema: {
        tags,
        security,
        summary: 'A food order: its owner or staff',
        description: '404 concession_order_not_found. Names in ?lang= or Accept-Language.',
        params: IdParams,
        querystring: LangQuery,
        response: { 200: S.FoodOrder },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', noStore)
        .send(await orders.get(principalOf(request), request.params.id, languageOf(request, request.query.lang))),
  );

  app.get(
    '/api/v1/concession-orders',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags,
        security,
        summary: "A cinema's food orders, newest first (staff)",
        description:
          "date: paid on that day in the cinema's zone. 404 cinema_not_found for a date at an unknown cinema.",
        querystring: S.OrderListQuery,
        response: { 200: S.OrderList },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', noStore)
        .send({ items: await orders.list(request.query, languageOf(request, request.query.lang)) }),
  );

  app.post(
    '/api/v1/concession-pickups',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags,
        security,
        summary: 'Hand over a food order at the counter by its pickup code (staff)',
        description: PICKUP,
        body: S.PickupBody,
        querystring: LangQuery,
        response: { 200: S.PickupAnswer },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', noStore)
        .send(await pickup.collect(principalOf(request), request.body, languageOf(request, request.query.lang))),
  );

  app.get(
    '/api/v1/concession-pickups/:code',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags,
        security,
        summary: 'What a pickup code would hand over, without collecting (staff)',
        description: '404 pickup_not_found.',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }),
        querystring: LangQuery,
        response: { 200: S.PickupPreview },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', noStore)
        .send(await pickup.preview(request.params.code, languageOf(request, request.query.lang))),
  );
}
