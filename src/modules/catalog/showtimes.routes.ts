// HTTP for showtimes: public cached reads (with live availability) and admin scheduling. Cancelling
// is served by the payments module, which refunds the paid bookings (payments.routes.ts).
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { sendCached } from './catalog.cache.ts';
import { adminSecurity, IdParams } from './catalog.schemas.ts';
import { CreateShowtimeBody, Showtime, ShowtimePage, ShowtimeQuery } from './showtimes.schemas.ts';
import type { ShowtimesService } from './showtimes.service.ts';

export function registerShowtimeRoutes(app: HttpApp, auth: AuthHooks, showtimes: ShowtimesService): void {
  const admin = { onRequest: auth.require('admin') };
  const tags = ['catalog'];

  app.get(
    '/api/v1/showtimes',
    {
      schema: {
        tags,
        summary: "Showtimes; date is the cinema's local day",
        querystring: ShowtimeQuery,
        response: { 200: ShowtimePage },
      },
    },
    async (request, reply) => sendCached(request, reply, await showtimes.list(request.query)),
  );
  app.get(
    '/api/v1/showtimes/:id',
    { schema: { tags, params: IdParams, response: { 200: Showtime } } },
    async (request, reply) => sendCached(request, reply, await showtimes.get(request.params.id)),
  );
  app.post(
    '/api/v1/showtimes',
    {
      ...admin,
      schema: {
        tags,
        security: adminSecurity,
        summary: 'Schedule a showtime (409 showtime_overlap when the hall is taken)',
        body: CreateShowtimeBody,
        response: { 201: Showtime },
      },
    },
    async (request, reply) => reply.code(201).send(await showtimes.create(request.body)),
  );
}
