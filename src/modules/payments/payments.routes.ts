// HTTP: paying for a hold, cancelling paid tickets, cancelling a showtime (its paid bookings are
// refunded here), and provider webhooks (raw body kept for the HMAC).
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import { textLanguage } from '../../platform/http/language.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { FastifyRequest } from 'fastify';
import type { CardInput } from './card.ts';
import { adminSecurity, IdParams } from '../catalog/catalog.schemas.ts';
import { Showtime, type ShowtimeView } from '../catalog/showtimes.schemas.ts';
import * as S from './payments.schemas.ts';
import type { ClientPayments } from './client-payments.ts';
import type { PayMethod, PaymentService } from './payments.service.ts';
import type { RefundService } from './refunds.service.ts';

const tags = ['payments'];

interface WebhookReceiver {
  receive(
    provider: string,
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<{ received: boolean; duplicate: boolean }>;
}

export const WEBHOOK_PATH = '/api/v1/payments/webhooks';

export async function registerPaymentRoutes(
  app: HttpApp,
  hooks: AuthHooks,
  deps: {
    payments: PaymentService;
    client: ClientPayments;
    resolveMethod: (body: { card?: CardInput; paymentIntentId?: string }) => Promise<PayMethod>;
    refunds: RefundService;
    webhooks: WebhookReceiver;
    cancelShowtime: (id: string) => Promise<ShowtimeView>;
    config: { provider: 'test_card' | 'stripe'; publishableKey: string | null; stripeJsUrl: string | null };
  },
) {
  app.get(
    '/api/v1/payments/config',
    {
      schema: {
        tags,
        summary: 'Which payment provider the checkout uses, with its publishable key and Stripe.js address',
        response: { 200: S.PaymentsConfig },
      },
    },
    async () => deps.config,
  );

  app.post(
    '/api/v1/bookings/:id/payment-intents',
    {
      onRequest: hooks.require(),
      schema: {
        tags,
        summary: 'Start paying a held booking with Stripe: a PaymentIntent for what is due, confirmed in the browser',
        description:
          'Asking again answers the same PaymentIntent while the amount due is the same (a new one after a promo code or gift card changed it). ' +
          'Nothing due: settled at once without a provider (provider none, status succeeded). 409 provider_not_client_confirmed with the test card processor; 409 booking_expired / booking_not_payable / payment_in_progress.',
        params: S.BookingIdParams,
        response: { 201: S.IntentAnswer },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await deps.client.startForBooking(principalOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/bookings/:id/payments',
    {
      onRequest: hooks.require(),
      // The payment row keeps the key too: once it has settled, a retry is answered from it even
      // while the first request's key is still held (by a process that died, say).
      config: {
        idempotency: {
          outcomeRecorded: (request) =>
            deps.payments.settledWithKey(principalOf(request).userId, String(request.headers['idempotency-key'])),
        },
      },
      schema: {
        tags,
        summary:
          'Pay for a held booking: {card} with the test card processor, {paymentIntentId} with Stripe, {} when nothing is due; the same Idempotency-Key replays the first answer and never charges twice',
        description:
          '{} confirms a booking that promo code and gift cards pay in full (payment provider none; a PaymentIntent started before is cancelled); 422 payment_method_required (with due) while something is due. ' +
          '202 {payment: pending, nextAction} while the PaymentIntent waits for the customer (3-D Secure: redirect to nextAction.redirectUrl) or the provider. 422 card_data_not_accepted: a card while Stripe is the provider. 404 payment_not_found: a PaymentIntent not started for this booking. ' +
          '402 payment_declined leaves the hold as it was. 409 booking_expired: the hold lapsed; 409 booking_not_payable: already paid (bookingStatus), the showtime was cancelled (reason showtime_cancelled), or the hold was released with DELETE (reason released), before paying or while the card was charged (then refunded: true). ' +
          '422 companion_requires_accessible: a companion seat whose accessible neighbour is in another booking not paid yet (pay that one first).',
        params: S.BookingIdParams,
        headers: S.IdempotencyHeaders,
        body: S.PayBody,
        response: { 201: S.PayAnswer, 202: S.PayPending },
      },
    },
    async (request, reply) => {
      const method = await deps.resolveMethod(request.body);
      const answer = await deps.payments.pay(
        principalOf(request),
        request.params.id,
        method,
        request.headers['idempotency-key'],
        textLanguage(request),
      );
      if ('pending' in answer) return reply.code(202).send({ payment: answer.payment, nextAction: answer.nextAction });
      return reply.code(201).send(answer);
    },
  );

  app.post(
    '/api/v1/bookings/:id/cancel',
    {
      onRequest: hooks.require(),
      // "All when omitted": no body at all is the same as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Cancel paid tickets (all when none are named) and refund them by the refund policy',
        description:
          '409 cancellation_window_closed when the policy gives nothing back. 422 companion_requires_accessible (seatIds: the companion seats) when a customer would keep a companion ticket without the accessible seat next to it: cancel the companion ticket first, or both together. Staff are exempt.',
        params: S.BookingIdParams,
        body: S.CancelBody,
        response: { 200: S.CancelAnswer },
      },
    },
    async (request) =>
      deps.refunds.cancel(principalOf(request), request.params.id, request.body?.ticketIds, textLanguage(request)),
  );

  // The catalog's route in the catalog's words (tags, schema); served here because cancelling
  // refunds every paid booking, which the catalog, below payments, cannot do.
  app.post(
    '/api/v1/showtimes/:id/cancel',
    {
      onRequest: hooks.require('admin'),
      schema: { tags: ['catalog'], security: adminSecurity, params: IdParams, response: { 200: Showtime } },
    },
    async (request) => deps.cancelShowtime(request.params.id),
  );

  // The signature covers the exact bytes sent, so this scope reads every body as a raw string.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    scope.post(
      `${WEBHOOK_PATH}/:provider`,
      {
        schema: {
          tags,
          summary:
            'Payment provider events: builtin signed with PAYMENT_WEBHOOK_SECRET (Webhook-Signature: t=…,v1=…), stripe with STRIPE_WEBHOOK_SECRET (Stripe-Signature)',
          params: S.ProviderParams,
          response: { 200: S.WebhookAnswer },
        },
      },
      async (request: FastifyRequest<{ Params: { provider: string } }>) =>
        deps.webhooks.receive(
          request.params.provider,
          typeof request.body === 'string' ? request.body : '',
          request.headers,
        ),
    );
  });
}
