// HTTP: paying for a hold, cancelling paid tickets, cancelling a showtime (its paid bookings are
// refunded here), and provider webhooks (raw body kept for the HMAC).
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { FastifyRequest } from 'fastify';
import { adminSecurity, IdParams } from '../catalog/catalog.schemas.ts';
import { Showtime, type ShowtimeView } from '../catalog/showtimes.schemas.ts';
import * as S from './payments.schemas.ts';
import type { PaymentService } from './payments.service.ts';
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
    refunds: RefundService;
    webhooks: WebhookReceiver;
    cancelShowtime: (id: string) => Promise<ShowtimeView>;
  },
) {
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
          'Pay for a held booking by card; the same Idempotency-Key replays the first answer and never charges twice',
        description:
          '402 payment_declined leaves the hold as it was. 409 booking_expired: the hold lapsed; 409 booking_not_payable: already paid (bookingStatus), the showtime was cancelled (reason showtime_cancelled), or the hold was released with DELETE (reason released), before paying or while the card was charged (then refunded: true). ' +
          '422 companion_requires_accessible: a companion seat whose accessible neighbour is in another booking not paid yet (pay that one first).',
        params: S.BookingIdParams,
        headers: S.IdempotencyHeaders,
        body: S.PayBody,
        response: { 201: S.PayAnswer },
      },
    },
    async (request, reply) => {
      const answer = await deps.payments.pay(
        principalOf(request),
        request.params.id,
        request.body.card,
        request.headers['idempotency-key'],
      );
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
    async (request) => deps.refunds.cancel(principalOf(request), request.params.id, request.body?.ticketIds),
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
          summary: 'Payment provider events, signed with PAYMENT_WEBHOOK_SECRET (Webhook-Signature: t=…,v1=…)',
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
