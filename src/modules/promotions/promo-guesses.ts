// Wrong promo codes are rate limited, so codes cannot be found by trying: per account (or guest
// booking) and per client network, counting only the codes that do not exist. Correct codes cost nothing.
import { type Limit, type RateLimiter, rateLimited } from '../../platform/http/rate-limit.ts';
import type { GuessLimit } from './redemption.service.ts';

export const WRONG_CODES_PER_CUSTOMER = 10;
export const WRONG_CODES_PER_NETWORK = 50;
const WINDOW_MS = 15 * 60_000;
const PER_CUSTOMER: Limit = { name: 'promo-guess', max: WRONG_CODES_PER_CUSTOMER, windowMs: WINDOW_MS };
const PER_NETWORK: Limit = { name: 'promo-guess-net', max: WRONG_CODES_PER_NETWORK, windowMs: WINDOW_MS };

export function createGuessLimit(limiter: RateLimiter): GuessLimit {
  return {
    async check({ who, network }) {
      const [mine, net] = await Promise.all([limiter.peek(PER_CUSTOMER, who), limiter.peek(PER_NETWORK, network)]);
      const spent = [
        mine.count >= PER_CUSTOMER.max ? mine.retryAfterSeconds : 0,
        net.count >= PER_NETWORK.max ? net.retryAfterSeconds : 0,
      ];
      const wait = Math.max(...spent);
      if (wait > 0) throw rateLimited(wait, 'Too many wrong promo codes; try again later');
    },
    async miss({ who, network }) {
      await Promise.all([limiter.hit(PER_CUSTOMER, who), limiter.hit(PER_NETWORK, network)]);
    },
  };
}
