// HTTP for paying part (or all) of a held booking with gift cards: POST spends a card at once (the
// hold on the money), DELETE gives every card back. The same for guests with the booking's token.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Caller } from '../../platform/http/access.ts';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import { textLanguage } from '../../platform/http/language.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { guestPassHook, guestPassOf } from '../booking/booking.module.ts';
import { Booking } from '../booking/booking.schemas.ts';
import type { GuestService } from '../booking/guest.service.ts';
import type { BookingView } from '../booking/booking.views.ts';
import { type CodeGuard, guesserOf } from './code-guard.ts';
import { security, tags } from './giftcards.routes.ts';
import * as S from './giftcards.schemas.ts';
import type { GiftCardService } from './giftcards.service.ts';
import type { GiftcardsDb } from './giftcards.tables.ts';

const REDEEM =
  'Spends min(balance, due, amount) of the card on the booking at once; several cards may pay one booking, and what is left is paid as usual (due in priceBreakdown; due 0 is paid without a card). ' +
  'Given back when the hold is released or expires, or with DELETE. 404 gift_card_not_found (unknown, void or expired code; guesses limited as for the balance, 429 rate_limited); ' +
  '409 gift_card_empty, gift_card_currency_mismatch, gift_card_nothing_due; 409 booking_expired / booking_not_payable.';

export function registerBookingGiftCardRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: {
    db: Kysely<GiftcardsDb>;
    cards: GiftCardService;
    guard: CodeGuard;
    guests: GuestService;
    view: (caller: Caller, bookingId: string, lang?: string) => Promise<BookingView>;
  },
): void {
  const { db, cards, guard } = deps;
  const pass = guestPassHook(deps.guests);

  async function redeem(request: FastifyRequest, caller: Caller, id: string, body: { code: string; amount?: number }) {
    const card = await guard.cardFor(guesserOf(request), body.code);
    await db.transaction().execute((trx) => cards.redeem(trx, caller, id, card, body.amount));
    return deps.view(caller, id, textLanguage(request));
  }

  async function unredeem(request: FastifyRequest, caller: Caller, id: string) {
    await db.transaction().execute((trx) => cards.unredeem(trx, caller, id));
    return deps.view(caller, id, textLanguage(request));
  }

  for (const guest of [false, true]) {
    const base = guest ? '/api/v1/guest/bookings/:id/gift-cards' : '/api/v1/bookings/:id/gift-cards';
    const callerOf = (request: FastifyRequest): Caller => (guest ? guestPassOf(request) : principalOf(request));
    const common = {
      onRequest: guest ? pass : auth.require(),
      schema: { tags: guest ? ['guest', ...tags] : tags, security: guest ? [{ bookingToken: [] }] : security },
    };
    app.post(
      base,
      {
        onRequest: common.onRequest,
        schema: {
          ...common.schema,
          summary: guest
            ? 'Pay part of a held guest booking with a gift card'
            : 'Pay part of a held booking with a gift card',
          description: REDEEM,
          params: S.IdParams,
          body: S.RedeemBody,
          response: { 200: Booking },
        },
      },
      async (request) => redeem(request, callerOf(request), request.params.id, request.body),
    );
    app.delete(
      base,
      {
        onRequest: common.onRequest,
        schema: {
          ...common.schema,
          summary: 'Give the gift card money of a held booking back to its cards',
          description: '409 booking_expired / booking_not_payable unless the booking is still held.',
          params: S.IdParams,
          response: { 200: Booking },
        },
      },
      async (request) => unredeem(request, callerOf(request), request.params.id),
    );
  }
}
