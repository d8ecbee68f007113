// Image uploads: multipart/form-data (one file part, any field name) or the raw image as the body.
// The size limit is the API's 10 MiB, separate from the 1 MiB JSON limit; the type is decided by
// the bytes, never by the name or the declared type.
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { notCounted } from '../../platform/deadline.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { MAX_UPLOAD_BYTES } from '../../platform/media/image-processing.ts';
import { adminSecurity, IdParams } from './catalog.schemas.ts';
import type { ImagesService } from './images.service.ts';
import { Movie } from './movies.schemas.ts';
import { Person } from './people.schemas.ts';

export const RAW_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

/** The uploaded image bytes: a multipart file part or the raw body (concessions uses it too). */
export async function uploadedBytes(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    // Receiving the file is the client's time, not the request deadline's (that bounds the database).
    const file = await notCounted(request.file());
    if (!file) throw validationFailed('/file', 'a multipart upload needs one file part');
    return notCounted(file.toBuffer());
  }
  if (Buffer.isBuffer(request.body)) return request.body;
  // JSON (e.g. an image URL) or no body at all: not an image.
  throw new AppError(
    'unsupported_media_type',
    'unsupported_media_type',
    'Send a JPEG, PNG or WebP image as multipart/form-data or as the raw body',
  );
}

export async function registerImageRoutes(app: HttpApp, auth: AuthHooks, images: ImagesService): Promise<void> {
  // An encapsulated scope: the multipart parser and the larger limit apply to these routes only.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 20 } });
    scope.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    const schema = (summary: string, response: unknown) => ({
      tags: ['catalog'],
      summary,
      security: adminSecurity,
      consumes: ['multipart/form-data', ...RAW_TYPES],
      params: IdParams,
      response: { 200: response },
    });
    const admin = auth.require('admin');
    for (const kind of ['poster', 'backdrop'] as const) {
      scope.put(
        `/api/v1/movies/:id/${kind}`,
        { onRequest: admin, schema: schema(`Upload the movie's ${kind} (JPEG, PNG or WebP, up to 10 MiB)`, Movie) },
        async (request) =>
          images.uploadMovieImage((request.params as { id: string }).id, kind, await uploadedBytes(request)),
      );
    }
    scope.put(
      '/api/v1/people/:id/photo',
      { onRequest: admin, schema: schema("Upload the person's photo (JPEG, PNG or WebP, up to 10 MiB)", Person) },
      async (request) => images.uploadPersonPhoto((request.params as { id: string }).id, await uploadedBytes(request)),
    );
  });
}
