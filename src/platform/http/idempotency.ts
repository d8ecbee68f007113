// Idempotency-Key for every unsafe request, built once for all routes. The same key and body from
// the same caller (the signed-in user, else the client address) replays the first answer without
// running the handler again; another body with that key is 422 idempotency_key_reused; a request
// still running with it is 409 idempotency_request_in_progress. Answers of 5xx and 429 are not kept
// (the key is released, so the client may retry). Keys live 24 hours.
//
// It runs as a preHandler, after authentication (routes authenticate in onRequest) and schema
// validation, and stores the answer in onSend. The handler's own transaction and the stored answer
// are not atomic: a request holds its key under a lease its process renews every few seconds, so
// after a crash between the two the key is free again within LEASE_SECONDS, and a retry runs the
// handler again (services that move money keep their own keys). A route whose service keeps such a
// record may say when it holds the outcome (`outcomeRecorded`), and then a retry need not wait for
// the lease: it runs and answers from that record.
//
// Nothing secret is kept: the request is remembered by a keyed hash (a plain SHA-256 of a login
// body is a fast hash of its password), and a route whose answer carries a secret (a session token)
// sets `secretAnswer`: only its status is kept, and a retry with the key runs the request again
// (a login checks the password again and opens a new session) rather than handing out a token.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { withDeadline } from '../deadline.ts';
import { AppError, unprocessable, validationFailed } from '../errors.ts';
import type { Job } from '../jobs.ts';
import * as keys from './idempotency-keys.store.ts';
import type { HttpApp } from './server.ts';

const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** Records written before leases (no lease_until) count as in flight this long. */
const UNLEASED_IN_FLIGHT_MS = 2 * 60_000;
const RENEW_EVERY_MS = (keys.LEASE_SECONDS * 1000) / 3;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEPT_HEADERS = ['content-type', 'location'];
const KEYED = 'k1.';

/** How one route works with Idempotency-Key (route `config.idempotency`). */
export interface RouteIdempotency {
  /** The answer carries a secret (a session token): only its status is kept; a retry runs again. */
  secretAnswer?: boolean;
  /**
   * The route's service keeps its own record of the key: true once that record holds the outcome
   * of the first request, so a retry runs (and answers from it) while the key is still in flight.
   */
  outcomeRecorded?: (request: FastifyRequest) => Promise<boolean>;
}

interface Held extends keys.KeyId {
  hash: string;
  /** null: answering from the route's own record while another request holds the key. */
  leaseId: string | null;
  keepAnswer: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this request answers for while it runs (set by the idempotency preHandler). */
    idempotency: Held | null;
  }
  interface FastifyContextConfig {
    idempotency?: RouteIdempotency;
  }
}

interface Deps {
  database: Database;
  clock: Clock;
}

type Claim =
  | { kind: 'claimed'; leaseId: string }
  | { kind: 'reused' }
  | { kind: 'in_progress' }
  | { kind: 'replay'; status: number; body: string; headers: Record<string, string> };

function requestText(request: FastifyRequest): string {
  const body = Buffer.isBuffer(request.body) ? request.body.toString('base64') : JSON.stringify(request.body ?? null);
  return `${request.method}\n${request.url}\n${body}`;
}

/** Whether a stored hash is this request's: keyed ones, and for a day after the upgrade plain ones. */
function sameRequest(stored: string, text: string, keyed: string): boolean {
  if (stored.startsWith(KEYED)) return stored === keyed;
  return stored === createHash('sha256').update(text).digest('base64url');
}

async function claim(deps: Deps, id: keys.KeyId, text: string, hash: string): Promise<Claim> {
  const db = deps.database.db;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = deps.clock.now();
    const leaseId = randomUUID();
    if (await keys.insertKey(db, id, { hash, now, leaseId })) return { kind: 'claimed', leaseId };
    const row = await keys.findKey(db, id);
    if (!row) continue;
    const age = now.getTime() - new Date(row.created_at).getTime();
    if (age >= IDEMPOTENCY_TTL_MS) {
      // Expired but not cleaned up yet: the key is free.
      await keys.deleteKey(db, id, row.created_at);
      continue;
    }
    if (!sameRequest(row.request_hash, text, hash)) return { kind: 'reused' };
    if (row.status_code === null) {
      const lapsed = row.lapsed ?? age >= UNLEASED_IN_FLIGHT_MS;
      if (!lapsed) return { kind: 'in_progress' };
      // Its process died (or stalled) without an answer: take the key over.
      if (await keys.takeOver(db, id, row, { hash, now, leaseId })) return { kind: 'claimed', leaseId };
      continue;
    }
    if (row.response_body === null) {
      // Its answer held a secret and was not kept: the request runs again.
      if (await keys.takeOver(db, id, row, { hash, now, leaseId })) return { kind: 'claimed', leaseId };
      continue;
    }
    return { kind: 'replay', status: row.status_code, body: row.response_body, headers: row.response_headers ?? {} };
  }
  return { kind: 'in_progress' };
}

/** The answer as it can be kept; null for a stream, which cannot. */
function answerOf(reply: FastifyReply, payload: unknown, keepBody: boolean): keys.Answer | null {
  if (!keepBody) return { status: reply.statusCode, body: null, headers: null };
  let body: string;
  const headers: Record<string, string> = {};
  if (payload === null || payload === undefined) body = '';
  else if (typeof payload === 'string') body = payload;
  else if (Buffer.isBuffer(payload)) {
    body = payload.toString('base64');
    headers['x-marquee-body-encoding'] = 'base64';
  } else return null;
  for (const name of KEPT_HEADERS) {
    const v = reply.getHeader(name);
    if (v !== undefined) headers[name] = String(v);
  }
  return { status: reply.statusCode, body, headers };
}

function replay(reply: FastifyReply, r: Extract<Claim, { kind: 'replay' }>): FastifyReply {
  const { 'x-marquee-body-encoding': encoding, ...headers } = r.headers;
  reply.code(r.status).headers(headers).header('idempotent-replayed', 'true');
  return reply.send(encoding === 'base64' ? Buffer.from(r.body, 'base64') : r.body);
}

type OpenApiParameter = { name: string; in: string; required?: boolean; description?: string; schema?: object };
type OpenApiOperation = { parameters?: OpenApiParameter[] };

/** Lists the Idempotency-Key header on every unsafe operation of an OpenAPI document (all of them honour it). */
export function documentIdempotencyKey<T extends { paths?: Record<string, Record<string, unknown> | undefined> }>(
  doc: T,
): T {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, value] of Object.entries(item ?? {})) {
      if (!UNSAFE.has(method.toUpperCase()) || typeof value !== 'object' || value === null) continue;
      const op = value as OpenApiOperation;
      if (op.parameters?.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key')) continue;
      op.parameters = [
        ...(op.parameters ?? []),
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: KEY_PATTERN.source },
        },
      ];
    }
  }
  return doc;
}

/** Adds the Idempotency-Key hooks to every route of the app. */
export function registerIdempotency(app: HttpApp, deps: Deps): void {
  const db = deps.database.db;
  // Leases of the requests this process is running, renewed together while they run.
  const running = new Set<string>();
  // The next renewal is set once the last has finished: on a slow database renewals on a fixed
  // interval would pile up, each holding a pool connection that requests need.
  let closed = false;
  let renewal: NodeJS.Timeout | undefined;
  const scheduleRenewal = () => {
    if (!closed) renewal = setTimeout(renew, RENEW_EVERY_MS).unref();
  };
  const renew = async () => {
    try {
      if (running.size > 0) await keys.renewLeases(db, [...running]);
    } catch (err) {
      app.log.warn({ err }, 'idempotency leases not renewed');
    }
    scheduleRenewal();
  };
  scheduleRenewal();
  app.addHook('onClose', async () => {
    closed = true;
    clearTimeout(renewal);
  });

  let hashKey: Promise<Buffer> | undefined;
  const keyedHash = async (text: string) => {
    hashKey ??= keys.hashKey(db);
    hashKey.catch(() => (hashKey = undefined));
    return (
      KEYED +
      createHmac('sha256', await hashKey)
        .update(text)
        .digest('base64url')
    );
  };

  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (key === undefined || !KEY_PATTERN.test(key)) {
      throw validationFailed('/idempotency-key', 'Idempotency-Key must be 1 to 255 printable ASCII characters');
    }
    const route: RouteIdempotency = request.routeOptions.config.idempotency ?? {};
    const id = { userKey: request.principal ? `user:${request.principal.userId}` : `ip:${request.ip}`, key };
    const text = requestText(request);
    const hash = await keyedHash(text);
    const outcome = await claim(deps, id, text, hash);
    switch (outcome.kind) {
      case 'claimed':
        running.add(outcome.leaseId);
        request.idempotency = { ...id, hash, leaseId: outcome.leaseId, keepAnswer: !route.secretAnswer };
        return;
      case 'reused':
        throw unprocessable(
          'idempotency_key_reused',
          'This Idempotency-Key was used with another request; use a new key',
        );
      case 'in_progress':
        if (route.outcomeRecorded && (await route.outcomeRecorded(request))) {
          request.idempotency = { ...id, hash, leaseId: null, keepAnswer: !route.secretAnswer };
          return;
        }
        throw new AppError(
          'conflict',
          'idempotency_request_in_progress',
          'A request with this Idempotency-Key is still running; retry shortly',
          {},
          1,
        );
      case 'replay':
        return replay(reply, outcome);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency;
    if (!held) return payload;
    request.idempotency = null;
    if (held.leaseId) running.delete(held.leaseId);
    const answer =
      reply.statusCode < 500 && reply.statusCode !== 429 ? answerOf(reply, payload, held.keepAnswer) : null;
    if (answer) {
      try {
        await keys.complete(db, held, held, answer);
        return payload;
      } catch (err) {
        request.log.error({ err }, 'idempotency key not recorded');
      }
    }
    const leaseId = held.leaseId;
    if (leaseId) {
      // Outside the request's deadline, so a key is freed as soon as the database answers (not when
      // the lease lapses). Awaited, so a retry right after the answer finds it free, except for a
      // 503: the database may be what is slow, and that answer must go out at once.
      const released = withDeadline(undefined, () => keys.release(db, held, leaseId)).catch((err: unknown) =>
        request.log.warn({ err }, 'idempotency key not released; its lease lapses'),
      );
      if (reply.statusCode !== 503) await released;
    }
    return payload;
  });
}

/** Forgets idempotency keys after 24 hours. */
export function createIdempotencyCleanup(deps: Deps): Job {
  return {
    name: 'idempotency-cleanup',
    intervalMs: 10 * 60_000,
    async runOnce() {
      await keys.deleteOlderThan(deps.database.db, new Date(deps.clock.now().getTime() - IDEMPOTENCY_TTL_MS));
      return 0;
    },
  };
}
