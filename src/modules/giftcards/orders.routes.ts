// HTTP for buying a gift card online: an order, then its payment ({card} with the test processor,
// {paymentIntentId} with Stripe, or a PaymentIntent to confirm in the browser). Guests may buy too.
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { sameSiteOnly } from '../booking/booking.module.ts';
import { IdempotencyHeaders } from '../payments/payments.schemas.ts';
import { security, tags } from './giftcards.routes.ts';
import * as S from './giftcards.schemas.ts';
import type { OrderService } from './orders.service.ts';

const noStore = 'private, no-store';

export function registerOrderRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: { orders: OrderService; publicUrl: string },
): void {
  const { orders } = deps;
  const who = [sameSiteOnly(deps.publicUrl), auth.identify];
  const keyOf = (h: { 'idempotency-key'?: string | undefined }) => h['idempotency-key'];

  app.post(
    '/api/v1/gift-cards/orders',
    {
      onRequest: who,
      schema: {
        tags,
        security: [...security, {}],
        summary: 'Order a gift card (signed in, or as a guest with buyerEmail); pay it next',
        description:
          'amount in a currency of GIFT_CARD_CURRENCIES within its range (EUR 500..50000 minor units), else 422 validation_failed; also 422 without buyerEmail when signed out. A guest order is reached by its id alone (a random UUID).',
        body: S.NewOrder,
        response: { 201: S.Order },
      },
    },
    async (request, reply) => reply.code(201).send(await orders.create(request.principal ?? null, request.body)),
  );

  app.get(
    '/api/v1/gift-cards/orders/:id',
    {
      onRequest: auth.identify,
      schema: {
        tags,
        security: [...security, {}],
        summary: "A gift card order; once paid, status issued and the card's id, last four and balance",
        description: "404 gift_card_order_not_found (also for another account's order).",
        params: S.IdParams,
        response: { 200: S.Order },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', noStore).send(await orders.get(request.principal ?? null, request.params.id)),
  );

  app.post(
    '/api/v1/gift-cards/orders/:id/payments',
    {
      onRequest: who,
      schema: {
        tags,
        security: [...security, {}],
        summary: 'Pay a gift card order: the card is issued and emailed to the recipient with its code',
        description:
          '{card} with the built-in test processor (402 payment_declined), {paymentIntentId} with Stripe (202 while the PaymentIntent still needs action). 409 gift_card_order_not_payable once paid.',
        params: S.IdParams,
        headers: IdempotencyHeaders,
        body: S.OrderPayBody,
        response: { 201: S.OrderPayAnswer, 202: S.OrderPayAnswer },
      },
    },
    async (request, reply) => {
      const answer = await orders.pay(
        request.principal ?? null,
        request.params.id,
        request.body,
        keyOf(request.headers),
      );
      return reply.code(answer.payment.status === 'succeeded' ? 201 : 202).send(answer);
    },
  );

  app.post(
    '/api/v1/gift-cards/orders/:id/payment-intents',
    {
      onRequest: who,
      schema: {
        tags,
        security: [...security, {}],
        summary: 'Start a client-confirmed payment (Stripe PaymentIntent) for a gift card order',
        description:
          '409 provider_not_client_confirmed with the test processor; 409 gift_card_order_not_payable once paid.',
        params: S.IdParams,
        response: { 201: S.OrderIntent },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await orders.startIntent(request.principal ?? null, request.params.id)),
  );
}
