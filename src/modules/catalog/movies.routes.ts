// HTTP for movies and people: public cached reads, admin writes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { ConcurrencyLimit } from '../../platform/http/concurrency-limit.ts';
import { requestLanguage } from '../../platform/http/language.ts';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { sendCached } from './catalog.cache.ts';
import { adminSecurity, IdParams } from './catalog.schemas.ts';
import { CreateMovieBody, LangQuery, Movie, MoviePage, MovieQuery, UpdateMovieBody } from './movies.schemas.ts';
import type { MoviesService } from './movies.service.ts';
import { CreatePersonBody, PeoplePage, PeopleQuery, Person, UpdatePersonBody } from './people.schemas.ts';
import type { PeopleService } from './people.service.ts';

// What a search (`q`) may meet besides its results: the process's search slots are all taken.
const searchRefused = {
  429: problemAnswer(
    '`rate_limited`: this client address already has SEARCH_MAX_PER_CLIENT searches running or waiting on this server.',
    { retryAfter: true },
  ),
  503: problemAnswer(
    "`server_busy`: a search found the line for this server's search slots (SEARCH_MAX_CONCURRENT) full, or waited in it SEARCH_MAX_WAIT_MS (2 s by default). Like every route, also `service_unavailable` while the database is not answering.",
    { retryAfter: true },
  ),
};

export function registerMovieRoutes(
  app: HttpApp,
  auth: AuthHooks,
  movies: MoviesService,
  people: PeopleService,
  search: ConcurrencyLimit,
): void {
  const admin = { onRequest: auth.require('admin') };
  const tags = ['catalog'];
  // Searching is the expensive public read: one that misses the cache waits for one of the
  // process's search slots; cached answers never wait.
  const searchGate = (request: FastifyRequest<{ Querystring: { q?: string | undefined } }>, reply: FastifyReply) =>
    request.query.q?.trim() ? search.gate(request, reply) : undefined;

  app.get(
    '/api/v1/movies',
    {
      schema: {
        tags,
        summary: 'Movies: search, filters, now showing / coming soon',
        querystring: MovieQuery,
        response: { 200: MoviePage, ...searchRefused },
      },
    },
    async (request, reply) => {
      const lang = requestLanguage(request, request.query.lang);
      const page = await movies.list(request.query, searchGate(request, reply), lang);
      return sendCached(request, reply.header('vary', 'Accept-Language'), page);
    },
  );
  app.get(
    '/api/v1/movies/:id',
    { schema: { tags, params: IdParams, querystring: LangQuery, response: { 200: Movie } } },
    async (request, reply) => {
      const movie = await movies.get(request.params.id, requestLanguage(request, request.query.lang));
      return sendCached(request, reply.header('vary', 'Accept-Language'), movie);
    },
  );
  app.post(
    '/api/v1/movies',
    { ...admin, schema: { tags, security: adminSecurity, body: CreateMovieBody, response: { 201: Movie } } },
    async (request, reply) => reply.code(201).send(await movies.create(request.body)),
  );
  app.patch(
    '/api/v1/movies/:id',
    {
      ...admin,
      schema: { tags, security: adminSecurity, params: IdParams, body: UpdateMovieBody, response: { 200: Movie } },
    },
    async (request) => movies.update(request.params.id, request.body),
  );
  app.delete(
    '/api/v1/movies/:id',
    { ...admin, schema: { tags, security: adminSecurity, params: IdParams } },
    async (request, reply) => {
      await movies.remove(request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/people',
    { schema: { tags, querystring: PeopleQuery, response: { 200: PeoplePage, ...searchRefused } } },
    async (request, reply) => sendCached(request, reply, await people.list(request.query, searchGate(request, reply))),
  );
  app.get(
    '/api/v1/people/:id',
    { schema: { tags, params: IdParams, response: { 200: Person } } },
    async (request, reply) => sendCached(request, reply, await people.get(request.params.id)),
  );
  app.post(
    '/api/v1/people',
    { ...admin, schema: { tags, security: adminSecurity, body: CreatePersonBody, response: { 201: Person } } },
    async (request, reply) => reply.code(201).send(await people.create(request.body)),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      ...admin,
      schema: { tags, security: adminSecurity, params: IdParams, body: UpdatePersonBody, response: { 200: Person } },
    },
    async (request) => people.update(request.params.id, request.body),
  );
  app.delete(
    '/api/v1/people/:id',
    { ...admin, schema: { tags, security: adminSecurity, params: IdParams } },
    async (request, reply) => {
      await people.remove(request.params.id);
      return reply.code(204).send();
    },
  );
}
