// HTTP for the waiting list (issue 18): join a sold-out showtime's line (signed in, or a guest with
// an email), list one's entries, leave; a guest reads and leaves their entry with its token.
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../../platform/errors.ts';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import { clientNetwork, type Limit, type RateLimiter, rateLimited } from '../../platform/http/rate-limit.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { sameSiteOnly } from '../booking/booking.module.ts';
import * as S from './waitlist.schemas.ts';
import type { WaitlistService } from './waitlist.service.ts';

const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const noStore = 'private, no-store';
/** Guest joins one email may make per window: a cap on mail sent to an address nobody proved is theirs. */
export const GUEST_JOINS_PER_EMAIL = 5;
const PER_EMAIL: Limit = { name: 'waitlist-guest-email', max: GUEST_JOINS_PER_EMAIL, windowMs: 10 * 60_000 };

const guestSecurity: { [scheme: string]: string[] }[] = [{ waitlistToken: [] }];

/** A guest entry's token: `Authorization: Waitlist <token>` or `Waitlist-Token: <token>` (as Booking tokens). */
function entryToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const token = header ? /^Waitlist\s+(\S+)\s*$/i.exec(header)?.[1] : request.headers['waitlist-token'];
  const one = Array.isArray(token) ? token[0] : token;
  if (!one)
    throw unauthorized('Send the token your join answered as "Authorization: Waitlist <token>" or "Waitlist-Token"');
  return one;
}

export function registerWaitlistRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: {
    waitlist: WaitlistService;
    publicUrl: string;
    limiter: RateLimiter;
    /** RATE_LIMIT_PER_MINUTE: guest joins one client address may make per minute. */
    perMinute: number;
  },
): void {
  const { waitlist, limiter } = deps;
  const tags = S.tags;
  const perAddress: Limit = { name: 'waitlist-guest', max: deps.perMinute, windowMs: 60_000 };

  app.post(
    '/api/v1/showtimes/:id/waitlist',
    {
      onRequest: [sameSiteOnly(deps.publicUrl), auth.identify],
      // Guests name an email nobody proved is theirs: joins are counted per address and per email.
      preHandler: async (request) => {
        if (request.principal || !request.body.email) return;
        const byAddress = await limiter.hit(perAddress, clientNetwork(request.ip));
        if (!byAddress.allowed) throw rateLimited(byAddress.retryAfterSeconds);
        const byEmail = await limiter.hit(PER_EMAIL, request.body.email.trim().toLowerCase());
        if (!byEmail.allowed)
          throw rateLimited(byEmail.retryAfterSeconds, 'Too many waiting list joins for this email; try again later');
      },
      schema: {
        tags,
        security: [...security, {}],
        summary: 'Join the waiting list of a sold-out showtime for N seats together',
        description:
          'Signed in, or as a guest with `email` (and `name`). When seats come back, the first entry whose seats fit (side by side when possible) is offered them: held as a booking for WAITLIST_OFFER_MINUTES, by email and in `GET /waitlist`. 409 `showtime_not_sold_out` while seats are free, `already_on_waitlist` for a second live entry, `showtime_not_bookable` when cancelled or started; 422 without `email` when signed out; 429 `rate_limited` (with Retry-After) past RATE_LIMIT_PER_MINUTE guest joins per client address or 5 per guest email in 10 minutes.',
        params: S.ShowtimeParams,
        body: S.JoinBody,
        response: {
          201: S.Entry,
          409: problemAnswer('`showtime_not_sold_out`, `already_on_waitlist` or `showtime_not_bookable`'),
          429: problemAnswer('`rate_limited`: too many guest joins from this address or for this email'),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', noStore)
        .send(
          await waitlist.join(request.principal ?? null, request.params.id, {
            ...request.body,
            language: requestLanguage(request, request.body.language),
          }),
        ),
  );

  app.get(
    '/api/v1/waitlist',
    {
      onRequest: auth.require('customer'),
      schema: {
        tags,
        security,
        summary: "The caller's waiting list entries, newest first, with any offer",
        response: { 200: S.EntryList },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', noStore).send({ items: await waitlist.list(request.principal!) }),
  );

  app.delete(
    '/api/v1/waitlist/:id',
    {
      onRequest: auth.require('customer'),
      schema: {
        tags,
        security,
        summary: 'Leave the waiting list (an offer not yet paid is given up)',
        description: "Idempotent for an entry that is no longer live; 404 for another account's entry.",
        params: S.EntryParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await waitlist.leave(request.principal!, request.params.id);
      return reply.code(204).send(null);
    },
  );

  // A guest's entry: no session, the token the join answered (only its digest is stored). A wrong
  // token is 404, as for an entry that does not exist.
  app.get(
    '/api/v1/guest/waitlist/:id',
    {
      schema: {
        tags,
        security: guestSecurity,
        summary: "A guest's waiting list entry, by the token its join answered",
        description:
          'Header `Authorization: Waitlist <token>` (or `Waitlist-Token: <token>`); none is 401, a wrong one 404 `not_found`.',
        params: S.EntryParams,
        response: { 200: S.Entry },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', noStore).send(await waitlist.guestEntry(request.params.id, entryToken(request))),
  );

  app.delete(
    '/api/v1/guest/waitlist/:id',
    {
      onRequest: sameSiteOnly(deps.publicUrl),
      schema: {
        tags,
        security: guestSecurity,
        summary: 'A guest leaves the waiting list (an offer not yet paid is given up)',
        description:
          'With the token the join answered, as GET /guest/waitlist/{id}. Idempotent for an entry that is no longer live.',
        params: S.EntryParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await waitlist.guestLeave(request.params.id, entryToken(request));
      return reply.code(204).send(null);
    },
  );
}
