// HTTP: /api/v1/me/2fa (TOTP, recovery codes), /api/v1/me/passkeys (staff and admin) and
// /api/v1/admin/security (the admin's second-factor requirement). The second step of a sign-in is
// in auth.routes.ts beside the first. Routes marked `secondFactorEnrolment` also serve a session
// opened only to set up a second factor.
import { type AuthHooks, principalOf } from '../../platform/http/auth.ts';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import type { Limit, RateLimiter } from '../../platform/http/rate-limit.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { IdParams, NoBody } from './accounts.schemas.ts';
import type { PasskeysService } from './passkeys.service.ts';
import * as S from './second-factor.schemas.ts';
import type { SecondFactorService } from './second-factor.service.ts';

const tags = ['accounts'];
const enrolment = { secondFactorEnrolment: true };
const reauthRefused = problemAnswer(
  '`wrong_password`: neither the password nor a current code was right (both under the wrong-password throttle, the session being the source: then 429).',
);

export function registerSecondFactorRoutes(
  app: HttpApp,
  hooks: AuthHooks,
  deps: {
    secondFactors: SecondFactorService;
    passkeys: PasskeysService;
    limiter: RateLimiter;
    perMinute: number;
  },
): void {
  const { secondFactors, passkeys, limiter } = deps;
  // Codes are guessed 6 digits at a time: enrolment and re-authentication are limited per address.
  const perIp: Limit = { name: 'second-factor', max: deps.perMinute, windowMs: 60_000 };

  app.get(
    '/api/v1/me/2fa',
    {
      onRequest: hooks.require(),
      config: enrolment,
      schema: { tags, summary: 'Your second factors (issue 19)', response: { 200: S.SecondFactorStatus } },
    },
    async (request) => secondFactors.status(principalOf(request)),
  );

  app.post(
    '/api/v1/me/2fa/totp',
    {
      onRequest: hooks.require(),
      config: enrolment,
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: a new secret, its otpauth URI and QR code',
        description:
          'It counts only once confirmed with a code (POST /api/v1/me/2fa/totp/confirm); asking again replaces an unconfirmed secret. 409 totp_enabled when one is confirmed already.',
        response: { 200: S.TotpEnrolment, 409: problemAnswer('`totp_enabled`: turn the app off first.') },
      },
    },
    async (request) => secondFactors.beginTotp(principalOf(request)),
  );

  app.post(
    '/api/v1/me/2fa/totp/confirm',
    {
      onRequest: [limiter.hook(perIp), hooks.require()],
      config: enrolment,
      schema: {
        tags,
        summary: 'Confirm the authenticator app with a code; answers the recovery codes, once',
        description:
          '`recoveryCodes` is there when the account had none (its first second factor). An enrolment-only session becomes a full one. 422 invalid_code: wrong or used already.',
        body: S.CodeBody,
        response: {
          200: S.EnrolledAnswer,
          422: problemAnswer('`invalid_code`: the code is wrong or was used already.'),
        },
      },
    },
    async (request) => secondFactors.confirmTotp(principalOf(request), request.body.code),
  );

  app.delete(
    '/api/v1/me/2fa/totp',
    {
      onRequest: [limiter.hook(perIp), hooks.require()],
      schema: {
        tags,
        summary: 'Turn the authenticator app off (password or a current code)',
        description: 'With no second factor left the recovery codes are deleted too.',
        body: S.ReauthBody,
        response: {
          204: NoBody('Turned off'),
          403: reauthRefused,
          409: problemAnswer('`last_second_factor`: the admin requires staff and admin to keep a second factor.'),
        },
      },
    },
    async (request, reply) => {
      await secondFactors.disableTotp(principalOf(request), request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/me/2fa/recovery-codes',
    {
      onRequest: [limiter.hook(perIp), hooks.require()],
      schema: {
        tags,
        summary: 'New recovery codes (password or a current code); the old ones stop working',
        body: S.ReauthBody,
        response: { 200: S.RecoveryCodesAnswer, 403: reauthRefused },
      },
    },
    async (request) => secondFactors.regenerateRecoveryCodes(principalOf(request), request.body),
  );

  app.get(
    '/api/v1/me/passkeys',
    {
      onRequest: hooks.require('staff'),
      config: enrolment,
      schema: { tags, summary: 'Your passkeys (staff and admin)', response: { 200: S.PasskeyList } },
    },
    async (request) => passkeys.list(principalOf(request)),
  );

  app.post(
    '/api/v1/me/passkeys/options',
    {
      onRequest: [limiter.hook(perIp), hooks.require('staff')],
      config: enrolment,
      schema: {
        tags,
        summary: 'Start registering a passkey: options for navigator.credentials.create()',
        description: 'The relying party is PUBLIC_URL: its host name is the RP ID, its origin the only one accepted.',
        response: { 200: S.PasskeyOptions },
      },
    },
    async (request) => passkeys.registrationOptions(principalOf(request)),
  );

  app.post(
    '/api/v1/me/passkeys',
    {
      onRequest: [limiter.hook(perIp), hooks.require('staff')],
      config: enrolment,
      schema: {
        tags,
        summary: 'Finish registering a passkey with the browser’s answer',
        description:
          '`recoveryCodes` is there when the account had none. 422 passkey_rejected: the answer does not verify, the ceremony expired (5 minutes) or was used, or the passkey is registered already.',
        body: S.PasskeyRegisterBody,
        response: {
          201: S.PasskeyRegistered,
          422: problemAnswer('`passkey_rejected` (or `validation_failed`).'),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await secondFactors.addPasskey(principalOf(request), request.body)),
  );

  app.patch(
    '/api/v1/me/passkeys/:id',
    {
      onRequest: hooks.require('staff'),
      schema: {
        tags,
        summary: 'Rename a passkey',
        params: IdParams,
        body: S.PasskeyPatch,
        response: { 200: S.Passkey },
      },
    },
    async (request) => passkeys.rename(principalOf(request), request.params.id, request.body.name),
  );

  app.delete(
    '/api/v1/me/passkeys/:id',
    {
      onRequest: hooks.require('staff'),
      schema: {
        tags,
        summary: 'Delete a passkey',
        description: 'With no second factor left the recovery codes are deleted too.',
        params: IdParams,
        response: {
          204: NoBody('Deleted'),
          409: problemAnswer('`last_second_factor`: the admin requires staff and admin to keep a second factor.'),
        },
      },
    },
    async (request, reply) => {
      await secondFactors.removePasskey(principalOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/admin/security',
    {
      onRequest: hooks.require('admin'),
      schema: { tags, summary: 'Security settings (admin)', response: { 200: S.SecuritySettings } },
    },
    async () => ({ requireSecondFactorForStaff: await secondFactors.required() }),
  );

  app.put(
    '/api/v1/admin/security',
    {
      onRequest: hooks.require('admin'),
      schema: {
        tags,
        summary: 'Change the security settings (admin)',
        description:
          'Turning the requirement on ends no session: it applies from each staff or admin sign-in on. Admins should set up their own second factor first.',
        body: S.SecuritySettings,
        response: { 200: S.SecuritySettings },
      },
    },
    async (request) => secondFactors.setRequired(request.body.requireSecondFactorForStaff),
  );
}
