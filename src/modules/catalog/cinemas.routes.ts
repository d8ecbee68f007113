// HTTP for cities, cinemas and halls: public cached reads, admin writes.
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { sendCached } from './catalog.cache.ts';
import { adminSecurity, IdParams } from './catalog.schemas.ts';
import {
  Cinema,
  CinemaPage,
  CinemaQuery,
  CityList,
  CreateCinemaBody,
  CreateHallBody,
  Hall,
  HallPage,
  UpdateCinemaBody,
  UpdateHallBody,
} from './cinemas.schemas.ts';
import type { CinemasService } from './cinemas.service.ts';
import type { HallsService } from './halls.service.ts';

export function registerCinemaRoutes(
  app: HttpApp,
  auth: AuthHooks,
  cinemas: CinemasService,
  halls: HallsService,
): void {
  const admin = { onRequest: auth.require('admin') };
  const tags = ['catalog'];

  app.get(
    '/api/v1/cities',
    { schema: { tags, summary: 'Cities that have cinemas', response: { 200: CityList } } },
    async (request, reply) => sendCached(request, reply, await cinemas.cities()),
  );
  app.get(
    '/api/v1/cinemas',
    { schema: { tags, querystring: CinemaQuery, response: { 200: CinemaPage } } },
    async (request, reply) => sendCached(request, reply, await cinemas.list(request.query)),
  );
  app.get(
    '/api/v1/cinemas/:id',
    { schema: { tags, params: IdParams, response: { 200: Cinema } } },
    async (request, reply) => sendCached(request, reply, await cinemas.get(request.params.id)),
  );
  app.post(
    '/api/v1/cinemas',
    { ...admin, schema: { tags, security: adminSecurity, body: CreateCinemaBody, response: { 201: Cinema } } },
    async (request, reply) => reply.code(201).send(await cinemas.create(request.body)),
  );
  app.patch(
    '/api/v1/cinemas/:id',
    {
      ...admin,
      schema: { tags, security: adminSecurity, params: IdParams, body: UpdateCinemaBody, response: { 200: Cinema } },
    },
    async (request) => cinemas.update(request.params.id, request.body),
  );

  app.get(
    '/api/v1/cinemas/:id/halls',
    { schema: { tags, params: IdParams, response: { 200: HallPage } } },
    async (request, reply) => sendCached(request, reply, await halls.list(request.params.id)),
  );
  app.get(
    '/api/v1/halls/:id',
    { schema: { tags, params: IdParams, response: { 200: Hall } } },
    async (request, reply) => sendCached(request, reply, await halls.get(request.params.id)),
  );
  app.post(
    '/api/v1/cinemas/:id/halls',
    {
      ...admin,
      schema: { tags, security: adminSecurity, params: IdParams, body: CreateHallBody, response: { 201: Hall } },
    },
    async (request, reply) => reply.code(201).send(await halls.create(request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/halls/:id',
    {
      ...admin,
      schema: {
        tags,
        security: adminSecurity,
        summary: 'Rename, re-time or re-seat a hall',
        description:
          'A new layout applies at once to every showtime without sales; coming showtimes with sold or held seats keep the layout they were sold with, listed in `keptLayout`. 409 prices_missing when a showtime taking the new layout has no price for one of its seat types.',
        params: IdParams,
        body: UpdateHallBody,
        response: { 200: Hall },
      },
    },
    async (request) => halls.update(request.params.id, request.body),
  );
}
