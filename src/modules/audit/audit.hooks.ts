// The HTTP side of the audit (issue 19). Every state-changing request by a staff or admin account
// runs inside an audit actor (platform/audit/audit-context.ts), so the database records each row
// it changes in audited tables, in the same transaction (migration 180). A covered route whose
// request left no entry at all (its table has no trigger, or nothing changed) gets one entry for
// the request itself, written before the answer goes out.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { withAuditActor } from '../../platform/audit/audit-context.ts';
import { hasRole, requiredRoleOf } from '../../platform/http/auth.ts';
import { AUDITED_ROUTES, routeKey } from './audit.coverage.ts';
import { insertEntry, requestRecorded } from './audit.store.ts';
import type { AuditDb } from './audit.tables.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const audited = Symbol('audited');
// Body fields never copied into a request entry.
const SECRET_FIELD = /pass|secret|token|otp|recovery|credential/i;

// The route, and a key the server made for this request: the client's X-Request-Id may repeat, so
// asking by it would find another request's entries and skip this one's.
type Marked = FastifyRequest & { [audited]?: { route: string; key: string } };

export interface AuditHooks {
  /** preHandler: runs the rest of a staff or admin write inside its audit actor. */
  enter(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void;
  /** onSend: the request's own entry when a covered route's write left none. */
  complete(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown>;
  /** onRoute: notes each route that changes state and requires staff or admin. */
  collect(route: RouteOptions): void;
  /** Those routes ("METHOD /url"), as registered so far: what the coverage test holds to the lists. */
  staffWriteRoutes(): string[];
}

export function createAuditHooks(deps: {
  db: Kysely<AuditDb>;
  /** The account's email now (it is stored with each entry, as it was at the time). */
  emailOf: (userId: string) => Promise<string | null>;
}): AuditHooks {
  const staffWrites = new Set<string>();
  return {
    collect(route) {
      const hooks = [route.onRequest, route.preHandler].flat();
      const role = hooks.map(requiredRoleOf).find((r) => r !== undefined);
      if (role !== 'staff' && role !== 'admin') return;
      for (const method of [route.method].flat()) {
        if (!SAFE_METHODS.has(method)) staffWrites.add(routeKey(method, route.url));
      }
    },
    staffWriteRoutes: () => [...staffWrites].sort(),
    enter(request, _reply, done) {
      const principal = request.principal;
      if (SAFE_METHODS.has(request.method) || !principal || !hasRole(principal, 'staff')) return done();
      const route = routeKey(request.method, request.routeOptions.url ?? request.url);
      const key = randomUUID();
      (request as Marked)[audited] = { route, key };
      deps.emailOf(principal.userId).then(
        (email) =>
          withAuditActor(
            {
              actorId: principal.userId,
              email,
              role: principal.role,
              ip: request.ip,
              requestId: request.id,
              requestKey: key,
              route,
            },
            done,
          ),
        done,
      );
    },
    async complete(request, reply, payload) {
      const mark = (request as Marked)[audited];
      const objectType = mark === undefined ? undefined : AUDITED_ROUTES[mark.route];
      if (mark === undefined || objectType === undefined || reply.statusCode >= 400) return payload;
      const { route, key } = mark;
      try {
        if (!(await requestRecorded(deps.db, key))) await recordRequest(request, route, key, objectType);
      } catch (error) {
        // The write has committed: its answer stands, and the missing entry is in the error log.
        request.log.error({ err: error, route }, 'audit entry of the request not written');
      }
      return payload;
    },
  };

  async function recordRequest(request: FastifyRequest, route: string, key: string, objectType: string): Promise<void> {
    const principal = request.principal;
    const params = (request.params ?? {}) as Record<string, unknown>;
    await insertEntry(deps.db, {
      actor_id: principal?.userId ?? null,
      actor_email: principal ? await deps.emailOf(principal.userId) : null,
      actor_role: principal?.role ?? null,
      client_address: request.ip,
      request_id: request.id,
      request_key: key,
      route,
      action: `${objectType}.request`,
      object_type: objectType,
      object_id: typeof params.id === 'string' ? params.id : null,
      before: null,
      after: withoutSecrets(request.body),
      cinema_id: null,
    });
  }
}

function withoutSecrets(body: unknown): Record<string, unknown> | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !SECRET_FIELD.test(k)));
}
