// Rate limits on the shared Kv (Redis when configured, so every process counts together). Fixed
// windows keyed by the clock's current window: cheap (one INCR), and tests move time with the clock.
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { Kv } from '../cache/kv.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { RequestHook } from './auth.ts';

export interface Limit {
  /** Names the counter, e.g. `login`; one counter per name and key. */
  name: string;
  /** Hits allowed per window. */
  max: number;
  windowMs: number;
}

export interface Hit {
  count: number;
  allowed: boolean;
  /** Seconds until the window ends (for Retry-After). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit for `key`; `allowed` is false once the window's budget is spent. */
  hit(limit: Limit, key: string): Promise<Hit>;
  /** Reads the count without adding to it. */
  peek(limit: Limit, key: string): Promise<Hit>;
  /** An onRequest hook counting each request by `keyOf` (default: the client's network, see clientNetwork); over the limit → 429 rate_limited. */
  hook(limit: Limit, keyOf?: (request: FastifyRequest) => string): RequestHook;
}

export const rateLimited = (retryAfterSeconds: number, detail = 'Too many requests; try again later') =>
  new AppError('rate_limited', 'rate_limited', detail, {}, retryAfterSeconds);

/**
 * The part of a client address that names one client: an IPv4 address whole, an IPv6 one by its /64
 * (a customer's line or a host usually holds a whole /64, so counting single addresses would let it
 * take 2^64 turns).
 */
export function clientNetwork(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head = '', tail] = ip.split('%')[0]!.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

// Keys may carry emails; only a digest of them reaches Redis.
const digest = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, 22);

export function createRateLimiter(deps: { kv: Kv; clock: Clock }): RateLimiter {
  const { kv, clock } = deps;
  const windowOf = (limit: Limit) => {
    const now = clock.now().getTime();
    const index = Math.floor(now / limit.windowMs);
    return { index, retryAfterSeconds: Math.max(1, Math.ceil(((index + 1) * limit.windowMs - now) / 1000)) };
  };
  const keyFor = (limit: Limit, key: string, index: number) => `rl:${limit.name}:${digest(key)}:${index}`;

  const limiter: RateLimiter = {
    async hit(limit, key) {
      const w = windowOf(limit);
      const { count } = await kv.incr(keyFor(limit, key, w.index), limit.windowMs);
      return { count, allowed: count <= limit.max, retryAfterSeconds: w.retryAfterSeconds };
    },
    async peek(limit, key) {
      const w = windowOf(limit);
      const count = Number((await kv.get(keyFor(limit, key, w.index))) ?? 0);
      return { count, allowed: count < limit.max, retryAfterSeconds: w.retryAfterSeconds };
    },
    hook(limit, keyOf = (request) => clientNetwork(request.ip)) {
      return async (request) => {
        const h = await limiter.hit(limit, keyOf(request));
        if (!h.allowed) throw rateLimited(h.retryAfterSeconds);
      };
    },
  };
  return limiter;
}
