// HTTP: PUT/DELETE /api/v1/me/avatar. The image as multipart/form-data (one file part) or the raw
// body, in a scope of its own so the multipart parser and the avatar's size limit apply here only.
import multipart from '@fastify/multipart';
import { principalOf, type AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { IMAGE_UPLOAD_TYPES, uploadedBytes } from '../catalog/catalog.module.ts';
import * as S from './accounts.schemas.ts';
import type { AvatarsService } from './avatars.service.ts';

/** An avatar is shown at most 256 px wide: a phone photo fits, anything larger is 413. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

export async function registerAvatarRoutes(app: HttpApp, hooks: AuthHooks, avatars: AvatarsService): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 10, parts: 20 } });
    scope.addContentTypeParser(IMAGE_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: AVATAR_MAX_BYTES }, (_r, b, done) =>
      done(null, b),
    );
    scope.put(
      '/api/v1/me/avatar',
      {
        onRequest: hooks.require(),
        schema: {
          tags: ['accounts'],
          summary: 'Upload your avatar (JPEG, PNG or WebP, up to 5 MiB)',
          description:
            'Checked by its bytes, re-encoded without metadata and cut to a centred square (64, 128 and 256 px, WebP and JPEG); the answer is your profile with `avatarUrl`. 413 payload_too_large over 5 MiB; 415 unsupported_media_type for anything but a readable image; 422 image_too_large over 40 megapixels.',
          consumes: ['multipart/form-data', ...IMAGE_UPLOAD_TYPES],
          response: { 200: S.User },
        },
      },
      async (request) => avatars.upload(principalOf(request).userId, await uploadedBytes(request)),
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
