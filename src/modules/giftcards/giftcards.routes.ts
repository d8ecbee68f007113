// HTTP for gift cards: the balance of a code (anyone, guesses limited), and the staff's list, detail
// with ledger, and void (admin); refunds owed on void cards (staff) and marked paid out (admin).
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { sameSiteOnly } from '../booking/booking.module.ts';
import { type CodeGuard, guesserOf } from './code-guard.ts';
import * as S from './giftcards.schemas.ts';
import type { GiftCardService } from './giftcards.service.ts';
import type { Payouts } from './payouts.ts';

export const tags = ['gift-cards'];
export const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const noStore = 'private, no-store';

export function registerGiftCardRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: { cards: GiftCardService; guard: CodeGuard; payouts: Payouts; publicUrl: string },
): void {
  const { cards, guard } = deps;
  app.post(
    '/api/v1/gift-cards/balance',
    {
      onRequest: [sameSiteOnly(deps.publicUrl), auth.identify],
      schema: {
        tags,
        summary: "A gift card's balance by its code",
        description:
          '404 gift_card_not_found for any code that is not a card. 429 rate_limited past 20 look-ups a minute, or 10 unknown codes in 15 minutes, per account (signed out: per client network).',
        body: S.CodeBody,
        response: { 200: S.Balance },
      },
    },
    async (request, reply) => {
      const card = await guard.cardFor(guesserOf(request), request.body.code);
      reply.header('cache-control', noStore);
      return {
        last4: card.last4,
        balance: { amount: card.balance, currency: card.currency.trim() },
        expiresAt: card.expires_at?.toISOString() ?? null,
        status: cards.statusOf(card),
      };
    },
  );

  app.get(
    '/api/v1/gift-cards',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags,
        security,
        summary: 'Gift cards, newest first (staff); q: the last four characters of a code',
        querystring: S.ListQuery,
        response: { 200: S.GiftCardList },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await cards.list(request.query)),
  );

  app.get(
    '/api/v1/gift-cards/:id',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags,
        security,
        summary: 'A gift card with its ledger (staff)',
        description: '404 gift_card_not_found.',
        params: S.IdParams,
        response: { 200: S.GiftCardDetail },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await cards.get(request.params.id)),
  );

  app.post(
    '/api/v1/gift-cards/:id/void',
    {
      onRequest: auth.require('admin'),
      schema: {
        tags,
        security,
        summary: 'Void a gift card (admin): its balance goes to 0 and it can no longer be used',
        description: '404 gift_card_not_found; 409 gift_card_void when it is void already.',
        params: S.IdParams,
        response: { 200: S.GiftCardDetail },
      },
    },
    async (request) => cards.void(principalOf(request).userId, request.params.id),
  );

  app.get(
    '/api/v1/gift-card-payouts',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags,
        security,
        summary: 'Refunds owed to customers whose gift card was void (staff): to pay out by hand',
        querystring: S.PayoutQuery,
        response: { 200: S.PayoutList },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await deps.payouts.list(request.query)),
  );

  app.post(
    '/api/v1/gift-card-payouts/:id/paid',
    {
      onRequest: auth.require('admin'),
      schema: {
        tags,
        security,
        summary: 'Mark a gift card payout paid out (admin)',
        description: '404 gift_card_payout_not_found; 409 gift_card_payout_paid when it is marked paid already.',
        params: S.IdParams,
        response: { 200: S.Payout },
      },
    },
    async (request) => deps.payouts.markPaid(principalOf(request).userId, request.params.id),
  );
}
