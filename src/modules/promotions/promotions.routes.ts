// HTTP for promo codes: campaigns for admins (create, list, read, change, deactivate, generated
// codes as CSV), and a customer's code on a held booking (with an account, or a guest's booking token).
import { Type } from 'typebox';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { clientNetwork } from '../../platform/http/rate-limit.ts';
import { Booking } from '../booking/booking.schemas.ts';
import { type BookingModule, guestPassHook, guestPassOf } from '../booking/booking.module.ts';
import { guestSecurity } from '../payments/guest.schemas.ts';
import type { PromoAdmin } from './promo-admin.service.ts';
import * as S from './promotions.schemas.ts';
import type { Redemptions } from './redemption.service.ts';

const tags = ['promo-codes'];
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const noStore = 'private, no-store';

const APPLY_ERRORS =
  'Replaces an earlier code. 404 promo_code_not_found (unknown or inactive; wrong codes are rate limited: 429 rate_limited); ' +
  '422 promo_code_not_applicable with `reason` (not_yet_valid, movie, cinema, showtime, date, ticket_types, currency, nothing_to_discount); ' +
  '409 promo_code_expired, promo_code_exhausted (total uses), promo_code_customer_limit; 409 booking_expired / booking_not_payable when the booking is no live hold. ' +
  "The discount applies to the seats of the scope's ticket types; a percentage rounds down per booking; a fixed amount is capped at those seats' sum. " +
  'The answer shows it in priceBreakdown.';

export function registerPromoRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: { admin: PromoAdmin; redemptions: Redemptions; guests: BookingModule['guests'] },
): void {
  const { admin, redemptions } = deps;
  const adminOnly = { onRequest: auth.require('admin') };

  app.post(
    '/api/v1/promo-codes',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: 'Create a promo code, or a campaign of single-use generated codes (admin)',
        description:
          'Exactly one of `code` (a shared code) and `generate` ({count, prefix?}: that many single-use codes, see codes.csv). ' +
          'kind percent takes `percent`, kind fixed takes `amount`. 409 promo_code_taken.',
        body: S.NewPromoCode,
        response: { 201: S.PromoCode },
      },
    },
    async (request, reply) => reply.code(201).send(await admin.create(request.body)),
  );
  app.get(
    '/api/v1/promo-codes',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: 'Promo codes, newest first (admin)',
        querystring: S.PromoCodeListQuery,
        response: { 200: S.PromoCodePage },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await admin.list(request.query)),
  );
  app.get(
    '/api/v1/promo-codes/:id',
    {
      ...adminOnly,
      schema: { tags, security, summary: 'A promo code (admin)', params: S.IdParams, response: { 200: S.PromoCode } },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await admin.get(request.params.id)),
  );
  app.patch(
    '/api/v1/promo-codes/:id',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: "Change a promo code's name, validity, limits or active flag (admin)",
        description: '409 promo_code_limit_below_uses when maxUses would be below the live uses.',
        params: S.IdParams,
        body: S.PromoCodePatch,
        response: { 200: S.PromoCode },
      },
    },
    async (request) => admin.update(request.params.id, request.body),
  );
  app.delete(
    '/api/v1/promo-codes/:id',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: 'Deactivate a promo code: it is then unknown to customers; bookings keep their discount (admin)',
        params: S.IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await admin.update(request.params.id, { active: false });
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/promo-codes/:id/codes.csv',
    {
      ...adminOnly,
      schema: {
        tags,
        security,
        summary: "A campaign's generated codes as CSV: code,used (admin)",
        params: S.IdParams,
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="promo-codes-${request.params.id.slice(0, 8)}.csv"`)
        .header('cache-control', noStore)
        .send(await admin.codesCsv(request.params.id)),
  );

  const customer = { onRequest: auth.require() };
  const pass = { onRequest: guestPassHook(deps.guests) };
  for (const guest of [false, true]) {
    const base = guest ? '/api/v1/guest/bookings/:id/promo-code' : '/api/v1/bookings/:id/promo-code';
    const who = guest ? 'guest booking' : 'booking';
    app.post(
      base,
      {
        ...(guest ? pass : customer),
        schema: {
          tags,
          security: guest ? guestSecurity : security,
          summary: `Apply a promo code to a held ${who}`,
          description: APPLY_ERRORS,
          params: S.IdParams,
          body: S.ApplyPromoBody,
          response: { 200: Booking },
        },
      },
      async (request) => {
        const caller = guest ? guestPassOf(request) : principalOf(request);
        return redemptions.apply(caller, request.params.id, request.body.code, {
          who: guest ? `booking:${request.params.id}` : `user:${principalOf(request).userId}`,
          network: clientNetwork(request.ip),
        });
      },
    );
    app.delete(
      base,
      {
        ...(guest ? pass : customer),
        schema: {
          tags,
          security: guest ? guestSecurity : security,
          summary: `Take the promo code off a held ${who} (its use is given back)`,
          params: S.IdParams,
          response: { 200: Booking },
        },
      },
      async (request) => redemptions.remove(guest ? guestPassOf(request) : principalOf(request), request.params.id),
    );
  }
}
