// HTTP: PUT/DELETE /api/v1/me/avatar. The image as multipart/form-data (one file part) or the raw
// body, in a scope of its own so the multipart parser and the avatar's size limit apply here only.
import multipart from '@fastify/multipart';
import { principalOf, type AuthHooks } from '../../platform/http/auth.ts';
import { createConcurrencyLimit } from '../../platform/http/concurrency-limit.ts';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import type { Limit, RateLimiter } from '../../platform/http/rate-limit.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { IMAGE_UPLOAD_TYPES, uploadedBytes } from '../catalog/catalog.module.ts';
import * as S from './accounts.schemas.ts';
import type { AvatarsService } from './avatars.service.ts';

/** An avatar is shown at most 256 px wide: a phone photo fits, anything larger is 413. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Uploads per user and hour. Each one decodes up to 40 megapixels and encodes six files: a person
 * changes a picture a few times, a script looping on it would take the CPU from every other route.
 */
export const AVATAR_UPLOAD_LIMIT: Limit = { name: 'avatar-upload', max: 10, windowMs: 3_600_000 };

export async function registerAvatarRoutes(
  app: HttpApp,
  hooks: AuthHooks,
  avatars: AvatarsService,
  limiter: RateLimiter,
): Promise<void> {
  // However many users upload at once, this process decodes two pictures at a time (a 40 MP decode
  // holds ~160 MB); a few more wait briefly in line, the rest are 503 server_busy with Retry-After.
  const decoding = createConcurrencyLimit({
    maxActive: 2,
    maxQueued: 8,
    maxWaitMs: 10_000,
    maxPerClient: 2,
    what: 'avatar uploads',
  });
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 10, parts: 20 } });
    scope.addContentTypeParser(IMAGE_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: AVATAR_MAX_BYTES }, (_r, b, done) =>
      done(null, b),
    );
    scope.put(
      '/api/v1/me/avatar',
      {
        onRequest: [hooks.require(), limiter.hook(AVATAR_UPLOAD_LIMIT, (request) => principalOf(request).userId)],
        schema: {
          tags: ['accounts'],
          summary: 'Upload your avatar (JPEG, PNG or WebP, up to 5 MiB)',
          description:
            'Checked by its bytes, re-encoded without metadata and cut to a centred square (64, 128 and 256 px, WebP and JPEG); the answer is your profile with `avatarUrl`. 413 payload_too_large over 5 MiB; 415 unsupported_media_type for anything but a readable image; 422 image_too_large over 40 megapixels; 429 rate_limited after 10 uploads in an hour; 503 server_busy while this server is busy with other uploads.',
          consumes: ['multipart/form-data', ...IMAGE_UPLOAD_TYPES],
          response: {
            200: S.User,
            429: problemAnswer('`rate_limited`: 10 avatar uploads in the current hour already.', { retryAfter: true }),
            503: problemAnswer(
              "`server_busy`: this server's avatar slots were taken for too long. Also `service_unavailable` while the database is not answering.",
              { retryAfter: true },
            ),
          },
        },
      },
      async (request, reply) => {
        const bytes = await uploadedBytes(request);
        return decoding.gate(request, reply)(() => avatars.upload(principalOf(request).userId, bytes));
      },
    );
  });
  app.delete(
    '/api/v1/me/avatar',
    {
      onRequest: hooks.require(),
      schema: {
        tags: ['accounts'],
        summary: 'Remove your avatar; its files are deleted',
        response: { 200: S.User },
      },
    },
    async (request) => avatars.delete(principalOf(request).userId),
  );
}
