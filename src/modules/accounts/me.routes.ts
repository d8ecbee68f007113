// HTTP: /api/v1/session (who is signed in), /api/v1/me (own profile, password, erasure) and /api/v1/users (admin).
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import * as S from './accounts.schemas.ts';
import type { ProfileService } from './profile.service.ts';

const tags = ['accounts'];
const lastAdmin = problemAnswer('`last_admin`: this is the only admin account; make another user admin first.');

export function registerMeRoutes(app: HttpApp, hooks: AuthHooks, profile: ProfileService): void {
  app.get(
    '/api/v1/session',
    {
      onRequest: hooks.identify,
      config: { secondFactorEnrolment: true },
      schema: {
        tags,
        summary: 'Who is signed in, if anyone',
        description:
          'Always 200: `{ "user": null }` without a valid session (a stale cookie included), so a page can ask without a 401 the browser logs as an error. A bearer token that is not valid is still 401.',
        response: { 200: S.SessionAnswer },
      },
    },
    async (request) => ({ user: request.principal ? await profile.me(request.principal) : null }),
  );

  app.get(
    '/api/v1/me',
    {
      onRequest: hooks.require(),
      config: { secondFactorEnrolment: true },
      schema: { tags, summary: 'Your profile', response: { 200: S.User } },
    },
    async (request) => profile.me(principalOf(request)),
  );

  app.patch(
    '/api/v1/me',
    {
      onRequest: hooks.require(),
      schema: {
        tags,
        summary: 'Change your name, phone or language',
        description: "`language` ('en', 'de', 'fr') is what your emails, PDFs and receipts speak; another is 422.",
        body: S.ProfilePatch,
        response: { 200: S.User },
      },
    },
    async (request) => profile.updateMe(principalOf(request).userId, request.body),
  );

  app.post(
    '/api/v1/me/password',
    {
      onRequest: hooks.require(),
      schema: {
        tags,
        summary: 'Change your password; your other sessions end',
        description:
          'The current password is checked under the wrong-password throttle (per session): 403 wrong_password, then 429 rate_limited with Retry-After.',
        body: S.PasswordChangeBody,
      },
    },
    async (request, reply) => {
      await profile.changePassword(principalOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/v1/me',
    {
      onRequest: hooks.require(),
      schema: {
        tags,
        summary: 'Delete your account: personal data erased, paid bookings kept anonymised',
        description:
          'The password is checked under the wrong-password throttle (per session): 403 wrong_password, then 429 rate_limited with Retry-After. 409 last_admin: the only admin cannot erase the account.',
        body: S.DeleteAccountBody,
        response: { 204: S.NoBody('Erased; the session cookie is cleared'), 409: lastAdmin },
      },
    },
    async (request, reply) => {
      await profile.deleteMe(principalOf(request), request.body.password);
      return reply.clearCookie('session', { path: '/' }).code(204).send();
    },
  );

  app.get(
    '/api/v1/users',
    {
      onRequest: hooks.require('admin'),
      schema: { tags, summary: 'Find users (admin)', querystring: S.UserQuery, response: { 200: S.UserList } },
    },
    async (request) => profile.listUsers(request.query),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      onRequest: hooks.require('admin'),
      schema: {
        tags,
        summary: "Change a user's role (admin)",
        description:
          '409 last_admin: the only admin cannot be made staff or customer (two admins demoting each other at once leave one).',
        params: S.IdParams,
        body: S.RolePatch,
        response: { 200: S.User, 409: lastAdmin },
      },
    },
    async (request) => profile.setRole(request.params.id, request.body.role),
  );
}
