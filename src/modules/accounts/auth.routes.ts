// HTTP: /api/v1/auth/* — sign-up, sign-in and out, sessions, email verification, password reset.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type AuthHooks, principalOf, SESSION_COOKIE, sessionCookieOptions } from '../../platform/http/auth.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import type { Limit, RateLimiter } from '../../platform/http/rate-limit.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import * as S from './accounts.schemas.ts';
import * as SF from './second-factor.schemas.ts';
import { type AuthService, DEVICE_TRUST_MS } from './auth.service.ts';
import type { ProfileService } from './profile.service.ts';
import { SESSION_IDLE_MS } from './sessions.service.ts';

interface AuthRouteDeps {
  auth: AuthService;
  profile: ProfileService;
  limiter: RateLimiter;
  perMinute: number;
  secureCookies: boolean;
}

const tags = ['accounts'];
/** Names a browser that has signed in before (login-throttle.ts); sent to the sign-in route only. */
const DEVICE_COOKIE = 'device';

export function registerAuthRoutes(app: HttpApp, hooks: AuthHooks, deps: AuthRouteDeps): void {
  const { auth, profile, limiter } = deps;
  const perIp = (name: string): Limit => ({ name, max: deps.perMinute, windowMs: 60_000 });
  const cookieOptions = sessionCookieOptions(deps.secureCookies);
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);
  const signInMeta = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    device: request.cookies?.[DEVICE_COOKIE],
  });
  /** Sets the session and device cookies of a finished sign-in and answers the rest. */
  function sendSignedIn<T extends { token: string; device: string }>(reply: FastifyReply, signedIn: T) {
    const { device, ...answer } = signedIn;
    // A new session ends after SESSION_IDLE_MS unused; the cookie then slides with it (auth.ts).
    reply.setCookie(SESSION_COOKIE, answer.token, { ...cookieOptions, maxAge: Math.floor(SESSION_IDLE_MS / 1000) });
    // The browser is known to this account from now on: wrong passwords from elsewhere never slow it.
    reply.setCookie(DEVICE_COOKIE, device, {
      ...cookieOptions,
      path: '/api/v1/auth/login',
      maxAge: Math.floor(DEVICE_TRUST_MS / 1000),
    });
    return answer;
  }

  app.post(
    '/api/v1/auth/register',
    {
      onRequest: limiter.hook(perIp('register')),
      schema: { tags, summary: 'Create a customer account', body: S.RegisterBody, response: { 201: S.UserEnvelope } },
    },
    async (request, reply) => {
      const language = requestLanguage(request, request.body.language);
      return reply.code(201).send({ user: await auth.register({ ...request.body, language }) });
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      onRequest: limiter.hook(perIp('login')),
      // A session token is never kept for a replay: a retry with the same Idempotency-Key signs in again.
      config: { idempotency: { secretAnswer: true } },
      schema: {
        tags,
        summary: 'Sign in: a session token, also set as the `session` cookie',
        description:
          'Also sets the HttpOnly `device` cookie (path /api/v1/auth/login, 180 days from the last sign-in): a browser that has signed in to an account before is its own source for the wrong-password throttle, so wrong passwords from elsewhere never slow it. ' +
          'Per account and source (that browser, else the client address, an IPv6 one by its /64), 3 wrong passwords pass; then each try waits 5 s, doubling, and the 10th closes the source out until the 15-minute window ends.',
        body: S.LoginBody,
        response: {
          200: S.LoginAnswer,
          401: problemAnswer(
            '`invalid_credentials`; or (issue 19) `second_factor_required`: the password is right and the account has a second factor: no session yet. The problem carries `challenge` (send it to POST /api/v1/auth/login/second-factor within 5 minutes), `methods` (`totp`, `passkey`, `recovery_code`), `expiresAt` and, with passkeys, `passkey` (PublicKeyCredentialRequestOptionsJSON).',
          ),
          429: problemAnswer(
            '`rate_limited`: this source must wait after wrong passwords for the account (even the right password is refused until Retry-After), or the client address sent more than RATE_LIMIT_PER_MINUTE sign-ins this minute.',
            { retryAfter: true },
          ),
        },
      },
    },
    async (request, reply) => {
      const signedIn = await auth.login(request.body, signInMeta(request));
      return sendSignedIn(reply, signedIn);
    },
  );

  app.post(
    '/api/v1/auth/login/second-factor',
    {
      onRequest: limiter.hook(perIp('login')),
      config: { idempotency: { secretAnswer: true } },
      schema: {
        tags,
        summary: 'Finish a sign-in that answered second_factor_required (issue 19)',
        description:
          "With the challenge from that answer and exactly one of `code` (TOTP, one step early or late accepted, each code once), `recoveryCode` (each once) or `passkey` (an assertion over the answer's `passkey` options). The same session and cookies as POST /api/v1/auth/login. " +
          'Wrong ones are throttled per account and source like wrong passwords (3 pass, then 5 s doubling, 10 in 15 minutes).',
        body: SF.SecondFactorLoginBody,
        response: {
          200: S.LoginAnswer,
          401: problemAnswer(
            '`invalid_second_factor`: the code, recovery code or passkey was not accepted (the challenge stays for another try); `challenge_expired`: sign in again (5 minutes, or already finished).',
          ),
          429: problemAnswer('`rate_limited`: too many wrong second factors from here; wait Retry-After.', {
            retryAfter: true,
          }),
        },
      },
    },
    async (request, reply) => {
      const signedIn = await auth.loginSecondFactor(request.body, signInMeta(request));
      return sendSignedIn(reply, signedIn);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      onRequest: hooks.require(),
      config: { secondFactorEnrolment: true },
      schema: { tags, summary: 'End the current session' },
    },
    async (request, reply) => {
      const p = principalOf(request);
      await auth.logout(p.userId, p.sessionId);
      return clearSession(reply).code(204).send();
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      onRequest: hooks.require(),
      schema: {
        tags,
        summary: 'Own live sessions',
        querystring: Type.Object(S.Paging),
        response: { 200: S.SessionList },
      },
    },
    async (request) => profile.listSessions(principalOf(request), request.query),
  );

  app.delete(
    '/api/v1/auth/sessions/:id',
    { onRequest: hooks.require(), schema: { tags, summary: 'End one of your sessions', params: S.IdParams } },
    async (request, reply) => {
      const p = principalOf(request);
      await profile.revokeSession(p, request.params.id);
      if (request.params.id === p.sessionId) clearSession(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/auth/verify-email',
    { schema: { tags, summary: 'Confirm an email address with the mailed token', body: S.TokenBody } },
    async (request, reply) => {
      await auth.verifyEmail(request.body.token);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/auth/verify-email/resend',
    {
      onRequest: [limiter.hook(perIp('verify-resend')), hooks.require()],
      schema: { tags, summary: 'Mail a new verification link (202; nothing is sent when already verified)' },
    },
    async (request, reply) => {
      await auth.resendVerification(principalOf(request).userId);
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      onRequest: limiter.hook(perIp('password-reset')),
      schema: {
        tags,
        summary: 'Mail a password reset link (202 whether or not the account exists)',
        body: S.ResetRequestBody,
        response: {
          202: S.NoBody(
            'Accepted, whether or not the account exists; also past the 3 reset mails an hour one account gets, however many requests and addresses ask (then nothing is sent)',
          ),
        },
      },
    },
    async (request, reply) => {
      await auth.requestPasswordReset(request.body.email);
      return reply.code(202).send();
    },
  );

  app.post(
    '/api/v1/auth/password-reset/confirm',
    {
      onRequest: limiter.hook(perIp('password-reset')),
      schema: {
        tags,
        summary: 'Set a new password with the mailed token; every session ends',
        body: S.ResetConfirmBody,
      },
    },
    async (request, reply) => {
      await auth.confirmPasswordReset(request.body.token, request.body.password);
      return reply.code(204).send();
    },
  );
}
