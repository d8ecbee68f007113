// Idempotency-Key for every unsafe request, built once for all routes. The same key and body from
// the same caller (the signed-in user, else the client address) replays the first answer without
// running the handler again; another body with that key is 422 idempotency_key_reused; a request
// still running with it is 409 idempotency_request_in_progress. Answers of 5xx and 429 are not kept
// (the key is released, so the client may retry). Keys live 24 hours.
//
// It runs as a preHandler, after authentication (routes authenticate in onRequest) and schema
// validation, and stores the answer in onSend. The handler's own transaction and the stored answer
// are not atomic: after a crash between the two, the key is free again once its 2-minute in-flight
// lease runs out, and a retry runs the handler again (services that move money keep their own keys).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { AppError, unprocessable, validationFailed } from '../errors.ts';
import type { Job } from '../jobs.ts';
import type { HttpApp } from './server.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const IN_FLIGHT_LEASE_MS = 2 * 60_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEPT_HEADERS = ['content-type', 'location'];

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this request holds while it runs (set by the idempotency preHandler). */
    idempotency: { userKey: string; key: string } | null;
  }
}

interface Deps {
  database: Database;
  clock: Clock;
}

type Claim =
  | { kind: 'claimed' }
  | { kind: 'reused' }
  | { kind: 'in_progress' }
  | { kind: 'replay'; status: number; body: string; headers: Record<string, string> };

function requestHash(request: FastifyRequest): string {
  const body = Buffer.isBuffer(request.body) ? request.body.toString('base64') : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method}\n${request.url}\n${body}`).digest('base64url');
}

async function claim(deps: Deps, userKey: string, key: string, hash: string): Promise<Claim> {
  const db = deps.database.db;
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = deps.clock.now();
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ user_key: userKey, idempotency_key: key, request_hash: hash, created_at: now })
      .onConflict((oc) => oc.columns(['user_key', 'idempotency_key']).doNothing())
      .returning('user_key')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed' };
    const row = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_key', '=', userKey)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!row) continue;
    const age = now.getTime() - new Date(row.created_at).getTime();
    const mine = (q: typeof db) =>
      q.updateTable('idempotency_keys').where('user_key', '=', userKey).where('idempotency_key', '=', key).where('created_at', '=', row.created_at);
    if (age >= IDEMPOTENCY_TTL_MS) {
      // Expired but not cleaned up yet: the key is free.
      await db.deleteFrom('idempotency_keys').where('user_key', '=', userKey).where('idempotency_key', '=', key).where('created_at', '=', row.created_at).execute();
      continue;
    }
    if (row.request_hash !== hash) return { kind: 'reused' };
    if (row.status_code === null) {
      if (age < IN_FLIGHT_LEASE_MS) return { kind: 'in_progress' };
      // Its request died without an answer: take the key over.
      const taken = await mine(db).set({ created_at: now }).where('status_code', 'is', null).returning('user_key').executeTakeFirst();
      if (taken) return { kind: 'claimed' };
      continue;
    }
    return { kind: 'replay', status: row.status_code, body: row.response_body ?? '', headers: row.response_headers ?? {} };
  }
  return { kind: 'in_progress' };
}

async function release(deps: Deps, held: { userKey: string; key: string }): Promise<void> {
  await deps.database.db
    .deleteFrom('idempotency_keys')
    .where('user_key', '=', held.userKey)
    .where('idempotency_key', '=', held.key)
    .where('status_code', 'is', null)
    .execute();
}

async function store(deps: Deps, held: { userKey: string; key: string }, reply: FastifyReply, payload: unknown): Promise<boolean> {
  let body: string;
  const headers: Record<string, string> = {};
  if (payload === null || payload === undefined) body = '';
  else if (typeof payload === 'string') body = payload;
  else if (Buffer.isBuffer(payload)) {
    body = payload.toString('base64');
    headers['x-marquee-body-encoding'] = 'base64';
  } else return false; // a stream cannot be kept
  for (const name of KEPT_HEADERS) {
    const v = reply.getHeader(name);
    if (v !== undefined) headers[name] = String(v);
  }
  await deps.database.db
    .updateTable('idempotency_keys')
    .set({ status_code: reply.statusCode, response_body: body, response_headers: JSON.stringify(headers) as never })
    .where('user_key', '=', held.userKey)
    .where('idempotency_key', '=', held.key)
    .execute();
  return true;
}

function replay(reply: FastifyReply, r: Extract<Claim, { kind: 'replay' }>): FastifyReply {
  const { 'x-marquee-body-encoding': encoding, ...headers } = r.headers;
  reply.code(r.status).headers(headers).header('idempotent-replayed', 'true');
  return reply.send(encoding === 'base64' ? Buffer.from(r.body, 'base64') : r.body);
}

type OpenApiParameter = { name: string; in: string; required?: boolean; description?: string; schema?: object };
type OpenApiOperation = { parameters?: OpenApiParameter[] };

/** Lists the Idempotency-Key header on every unsafe operation of an OpenAPI document (all of them honour it). */
export function documentIdempotencyKey<T extends { paths?: Record<string, Record<string, unknown> | undefined> }>(doc: T): T {
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
            'Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress`.',
          schema: { type: 'string', minLength: 1, maxLength: 255, pattern: KEY_PATTERN.source },
        },
      ];
    }
  }
  return doc;
}

/** Adds the Idempotency-Key hooks to every route of the app. */
export function registerIdempotency(app: HttpApp, deps: Deps): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (key === undefined || !KEY_PATTERN.test(key)) {
      throw validationFailed('/idempotency-key', 'Idempotency-Key must be 1 to 255 printable ASCII characters');
    }
    const userKey = request.principal ? `user:${request.principal.userId}` : `ip:${request.ip}`;
    const outcome = await claim(deps, userKey, key, requestHash(request));
    switch (outcome.kind) {
      case 'claimed':
        request.idempotency = { userKey, key };
        return;
      case 'reused':
        throw unprocessable('idempotency_key_reused', 'This Idempotency-Key was used with another request; use a new key');
      case 'in_progress':
        throw new AppError('conflict', 'idempotency_request_in_progress', 'A request with this Idempotency-Key is still running; retry shortly', {}, 1);
      case 'replay':
        return replay(reply, outcome);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const held = request.idempotency;
    if (!held) return payload;
    request.idempotency = null;
    try {
      const keep = reply.statusCode < 500 && reply.statusCode !== 429 && (await store(deps, held, reply, payload));
      if (!keep) await release(deps, held);
    } catch (err) {
      request.log.error({ err }, 'idempotency key not recorded');
      await release(deps, held).catch(() => {});
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
      const before = new Date(deps.clock.now().getTime() - IDEMPOTENCY_TTL_MS);
      await deps.database.db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
      return 0;
    },
  };
}
