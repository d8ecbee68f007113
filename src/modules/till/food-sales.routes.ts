// HTTP for food at the till (issue 17): food sold alone, and food paid back from the drawer.
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { createTillFoodSales } from './food-sales.ts';
import * as S from './till.schemas.ts';

const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];

export function registerTillFoodRoutes(
  app: HttpApp,
  auth: AuthHooks,
  food: ReturnType<typeof createTillFoodSales>,
): void {
  const staff = { onRequest: auth.require('staff') };
  app.post(
    '/api/v1/till-sessions/:id/food-sales',
    {
      ...staff,
      schema: {
        tags: ['till'],
        security,
        summary: 'Sell food and drink without a ticket, for cash or on the card terminal',
        description:
          'The order is paid at once (its pickup code in order.pickupCode; hand it over or let the counter scan it). ' +
          '409 till_closed, food_out_of_stock (variantIds), concession_currency_mismatch; 422 food_not_on_sale ' +
          '(variantIds), combo_choice_invalid, tendered_too_little. Food with tickets: PUT /api/v1/bookings/{id}/food ' +
          'on the hold, then POST /till-sessions/{id}/sales takes the whole due. Receipt: receiptUrl.',
        params: S.IdParams,
        body: S.NewFoodSale,
        response: { 201: S.FoodSold },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'private, no-store')
        .send(await food.sellFood(principalOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/till-sessions/:id/food-refunds',
    {
      ...staff,
      schema: {
        tags: ['till'],
        security,
        summary: 'Pay back food not yet collected of an order sold at a till, from this drawer',
        description:
          'The lines given, or everything left to collect; food sold alone is a food_refund line of the ledger, food ' +
          'of a booking a refund of that booking. 404 concession_order_not_found; 409 booking_not_sold_at_till, ' +
          'already_collected, order_refunded, till_closed; 422 till_wrong_cinema, till_currency_mismatch, unknown_food_lines.',
        params: S.IdParams,
        body: S.NewFoodRefund,
        response: { 201: S.Movement },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await food.refundFood(principalOf(request), request.params.id, request.body)),
  );
}
