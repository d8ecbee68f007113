// Guessing gift card codes is limited twice over, per account (or, signed out, per client network):
// every look-up counts against a per-minute budget, and every miss against a tighter budget over 15
// minutes, so a script learns nothing at a useful rate while a customer mistyping once is unaffected.
// Unknown, malformed, void and expired codes answer alike where a card is spent.
import type { FastifyRequest } from 'fastify';
import { clientNetwork, type Limit, type RateLimiter } from '../../platform/http/rate-limit.ts';
import { giftCardNotFound, guessesLimited } from './giftcards.errors.ts';
import type { GiftCardService } from './giftcards.service.ts';
import type { CardRow } from './giftcards.store.ts';

export const LOOKUPS: Limit = { name: 'gift-card-lookup', max: 20, windowMs: 60_000 };
export const MISSES: Limit = { name: 'gift-card-miss', max: 10, windowMs: 15 * 60_000 };

/** Whom a request's guesses are counted against. */
export function guesserOf(request: FastifyRequest): string {
  const p = request.principal;
  return p ? `user:${p.userId}` : `net:${clientNetwork(request.ip)}`;
}

export type CodeGuard = ReturnType<typeof createCodeGuard>;

export function createCodeGuard(limiter: RateLimiter, cards: GiftCardService) {
  return {
    /** The card of a code (any status), counted against `who`; 404 gift_card_not_found, 429 rate_limited. */
    async cardFor(who: string, code: string): Promise<CardRow> {
      const lookups = await limiter.hit(LOOKUPS, who);
      if (!lookups.allowed) throw guessesLimited(lookups.retryAfterSeconds);
      const misses = await limiter.peek(MISSES, who);
      if (!misses.allowed) throw guessesLimited(misses.retryAfterSeconds);
      const card = await cards.byCode(code);
      if (!card) {
        await limiter.hit(MISSES, who);
        throw giftCardNotFound();
      }
      return card;
    },
  };
}
