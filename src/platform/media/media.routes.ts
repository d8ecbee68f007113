// Serves stored media at /media/<key>. Keys name their content, so answers are cacheable forever.
import { Type } from 'typebox';
import { notFound } from '../errors.ts';
import type { HttpApp } from '../http/server.ts';
import type { MediaStorage } from './media-storage.ts';

const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export function registerMediaRoutes(app: HttpApp, storage: MediaStorage): void {
  app.get(
    '/media/*',
    { schema: { hide: true, params: Type.Object({ '*': Type.String({ maxLength: 300 }) }) } },
    async (request, reply) => {
      const key = (request.params as { '*': string })['*'];
      const object = await storage.open(key);
      if (!object) throw notFound('This image');
      return reply
        .header('cache-control', IMMUTABLE_CACHE_CONTROL)
        .header('content-length', object.size)
        .type(object.contentType)
        .send(object.stream);
    },
  );
}
