// Fastify, set up once: logging with request ids, strict validation, problem+json errors,
// security headers, cookies, the OpenAPI document and its docs page.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import secureJson from 'secure-json-parse';
import { AppError } from '../errors.ts';
import { documentIdempotencyKey } from './idempotency.ts';
import { documentDefaultsOptional } from './openapi-parameters.ts';
import { documentProblems } from './problem.schemas.ts';
import { errorHandler, problem, sendProblem, toProblem } from './problem.ts';
import { lazySerializerFactory, validatorCompiler } from './validation.ts';

export type HttpApp = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  Logger,
  TypeBoxTypeProvider
>;

export interface HttpOptions {
  logger: Logger;
  trustProxy: boolean;
  publicUrl: string;
  version: string;
}

const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Answers a request before Fastify sees it (a body already in memory, see docs/adr/0009), or passes
 * it on with null. Answered: the route pattern and status, for the request metrics.
 */
export type RawHandler = (req: IncomingMessage, res: ServerResponse) => { route: string; status: number } | null;
/** Told of every request a raw handler answered (metrics.ts counts them with the others). */
export type RawObserver = (method: string, route: string, status: number, seconds: number) => void;

const raws = new WeakMap<object, { handlers: RawHandler[]; observers: RawObserver[] }>();

/** Lets `handler` answer requests ahead of routing; it must send what the Fastify route would. */
export function addRawHandler(app: HttpApp, handler: RawHandler): void {
  raws.get(app)?.handlers.push(handler);
}

/** Calls `observer` for each request a raw handler answered. */
export function observeRawRequests(app: HttpApp, observer: RawObserver): void {
  raws.get(app)?.observers.push(observer);
}

/** The request id: the client's X-Request-Id when it is a plain short token, else a new UUID. */
const requestIdOf = (req: IncomingMessage): string => {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
};

/** The headers the onSend hook below gives every answer, for raw handlers that answer without it. */
export function commonHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'x-request-id': requestIdOf(req),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'content-security-policy': "frame-ancestors 'none'",
  };
}

/** The JSON pointer of the first string (or key) holding a NUL character in a parsed value, or null. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key.includes('\u0000')) return here;
    const found = nulAt(inner, here);
    if (found !== null) return found;
  }
  return null;
}

export async function createHttpServer(options: HttpOptions): Promise<HttpApp> {
  const raw = { handlers: [] as RawHandler[], observers: [] as RawObserver[] };
  let closing = false;
  const app = Fastify({
    // Raw handlers first (none answers once closing starts); the server set up as Fastify sets up its own.
    serverFactory: (handler, opts) => {
      const server = createServer((req, res) => {
        if (!closing && raw.handlers.length > 0) {
          const started = performance.now();
          for (const h of raw.handlers) {
            const answered = h(req, res);
            if (!answered) continue;
            const seconds = (performance.now() - started) / 1000;
            for (const o of raw.observers) o(req.method ?? 'GET', answered.route, answered.status, seconds);
            return;
          }
        }
        handler(req, res);
      });
      const o = opts as { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number };
      server.keepAliveTimeout = o.keepAliveTimeout ?? 72_000;
      server.requestTimeout = o.requestTimeout ?? 0;
      server.setTimeout(o.connectionTimeout ?? 0);
      return server;
    },
    loggerInstance: options.logger,
    trustProxy: options.trustProxy,
    bodyLimit: JSON_BODY_LIMIT,
    // Not requestIdHeader: Fastify would take that header as it comes (any length, any markup)
    // without asking genReqId, which keeps a client's id only when it is a plain short token.
    requestIdHeader: false,
    genReqId: requestIdOf,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
    // Errors met before routing (a URL with broken percent-encoding) answer problem+json too.
    frameworkErrors: (error, _request, reply) => sendProblem(reply, toProblem(error)),
    // Response serializers compiled on first use (validation.ts): start-up time.
    schemaController: { compilersFactory: { buildSerializer: lazySerializerFactory() as never } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpApp;
  raws.set(app, raw);
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  // JSON bodies: Fastify's parser reports a prototype key as malformed JSON; ours says which field.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '')
      return done(
        Object.assign(new Error('The body is empty but content-type is application/json'), { statusCode: 400 }),
      );
    try {
      done(null, secureJson.parse(body as string, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch (err) {
      const key = /forbidden (prototype|constructor) property/.exec(String((err as Error).message))?.[1];
      if (!key) return done(Object.assign(new Error('The body is not valid JSON'), { statusCode: 400 }));
      const path = key === 'prototype' ? '/__proto__' : '/constructor';
      done(
        new AppError('unprocessable', 'validation_failed', `${path} is not a known field`, {
          errors: [{ path, message: 'is not a known field' }],
        }),
      );
    }
  });
  app.setValidatorCompiler(validatorCompiler());
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`)),
  );
  // PostgreSQL text cannot hold NUL: refused here, with the field named, for every route at once.
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['query', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const path = nulAt(value, '');
      if (path === null) continue;
      const issue = {
        path,
        message: 'may not contain a NUL character',
        ...(part === 'body' ? {} : { in: part === 'query' ? 'querystring' : part }),
      };
      throw new AppError('unprocessable', 'validation_failed', `${path || part} ${issue.message}`, { errors: [issue] });
    }
  });
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', "frame-ancestors 'none'");
    reply.removeHeader('x-powered-by');
    // What a signed-in user gets (bookings with their ticket codes, sessions, profile) is kept by
    // no cache, shared or not, unless the route chose otherwise (public catalog reads do).
    if (
      !reply.hasHeader('cache-control') &&
      (request.headers.authorization || request.headers.cookie?.includes('session='))
    ) {
      reply.header('cache-control', 'private, no-store');
    }
    return payload;
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Marquee cinema box office API',
        version: options.version,
        description:
          'Movies, showtimes, live seat maps, bookings, payments, tickets and check-in. Errors are application/problem+json with a stable `code`. ' +
          'Any route that needs the database may answer 503 `service_unavailable` with `Retry-After` (seconds) while the database is not answering, or once the request has waited REQUEST_DEADLINE_MS for it; retry then, with the same Idempotency-Key for a write. ' +
          'A 429 `rate_limited` carries `Retry-After` too.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'session' },
          // Guest checkout: a booking's management token (`Authorization: Booking <token>` works too).
          bookingToken: { type: 'apiKey', in: 'header', name: 'Booking-Token' },
          // A guest's waiting list entry: the token its join answered (`Authorization: Waitlist <token>` too).
          waitlistToken: { type: 'apiKey', in: 'header', name: 'Waitlist-Token' },
          // Issue 20: Apple's devices send a wallet pass's own token as `Authorization: ApplePass <token>`.
          applePass: { type: 'apiKey', in: 'header', name: 'Authorization' },
        },
      },
    },
    // Every unsafe route honours Idempotency-Key (idempotency.ts), so the document lists it on each.
    transformObject: (d) => {
      if (!('openapiObject' in d)) return d.swaggerObject;
      documentIdempotencyKey(d.openapiObject as Parameters<typeof documentIdempotencyKey>[0]);
      documentDefaultsOptional(d.openapiObject as Parameters<typeof documentDefaultsOptional>[0]);
      documentProblems(d.openapiObject as Parameters<typeof documentProblems>[0]);
      return d.openapiObject;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
