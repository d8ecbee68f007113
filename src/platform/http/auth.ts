// Who is calling. Credentials come as a Bearer token or the `session` cookie; a cookie-borne
// request that changes state must come from our own origin (CSRF). The accounts module supplies
// the resolver; routes only say which role they need.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../modules/accounts/accounts.tables.ts';
import { AppError, forbidden, unauthorized } from '../errors.ts';

export interface Principal {
  userId: string;
  role: Role;
  sessionId: string;
  /** Signed in only to enrol a second factor (the admin requires one): only enrolment routes accept it. */
  enrolmentOnly?: true;
}

export interface ResolvedSession {
  principal: Principal;
  /** Set when this request slid the session's end: seconds it now has left, for the cookie's Max-Age. */
  extendedForSeconds?: number;
}

export interface SessionResolver {
  /** The session of a raw token, or null when it is unknown, expired or revoked. */
  resolve(token: string, meta: { ip: string; userAgent: string | undefined }): Promise<ResolvedSession | null>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The raw token of this request, when it carried one (logout needs it). */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** The route serves a session opened only to enrol a second factor (every other route refuses one). */
    secondFactorEnrolment?: boolean;
  }
}

export const SESSION_COOKIE = 'session';
/** The session cookie's attributes (its Max-Age is the session's own remaining lifetime, set by whoever sets it). */
export const sessionCookieOptions = (secure: boolean) =>
  ({ httpOnly: true, sameSite: 'lax', path: '/', secure }) as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const rank: Record<Role, number> = { customer: 0, staff: 1, admin: 2 };

export function hasRole(principal: Principal, role: Role): boolean {
  return rank[principal.role] >= rank[role];
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+([A-Za-z0-9_\-.~+/]+=*)\s*$/i.exec(header);
  if (!m?.[1]) throw unauthorized('The Authorization header must be "Bearer <token>"');
  return m[1];
}

/** A cookie session (or a guest checkout, which has none) may change state only from our own pages. */
export function checkSameOrigin(request: FastifyRequest, allowedOrigins: Set<string>): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin' || site === 'none') return;
  const origin = request.headers.origin;
  if (site === undefined && typeof origin === 'string' && allowedOrigins.has(origin)) return;
  if (site === undefined && typeof origin === 'string') {
    const host = request.headers.host;
    if (host && (origin === `http://${host}` || origin === `https://${host}`)) return;
  }
  throw new AppError('forbidden', 'csrf_rejected', 'This request must come from the box office itself');
}

/** An onRequest hook usable on any route of HttpApp (a plain function: no `this` to mismatch). */
export type RequestHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface AuthHooks {
  /** Resolves the caller if credentials are present; never refuses by itself (except bad ones). */
  identify: RequestHook;
  /** Refuses with 401 without a valid session and with 403 below `role`. */
  require(role?: Role): RequestHook;
}

export function createAuthHooks(resolver: SessionResolver, publicUrl: string): AuthHooks {
  const allowedOrigins = new Set([new URL(publicUrl).origin]);
  const cookieOptions = sessionCookieOptions(new URL(publicUrl).protocol === 'https:');

  async function identify(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.principal !== undefined && request.principal !== null) return;
    request.principal = null;
    request.sessionToken = null;
    let token = bearerToken(request);
    let viaCookie = false;
    if (!token) {
      token = request.cookies?.[SESSION_COOKIE] ?? null;
      viaCookie = token !== null;
    }
    if (!token) return;
    const session =
      token.length > 200
        ? null
        : await resolver.resolve(token, { ip: request.ip, userAgent: request.headers['user-agent'] });
    if (!session) {
      // A stale cookie (the session ended while the browser kept it) leaves the caller anonymous, so
      // public pages still work; routes that need a session refuse in `require`. A bad bearer
      // token is always an error: the client sent it on purpose.
      if (viaCookie) return;
      throw unauthorized('The session has ended or is not valid; sign in again');
    }
    if (viaCookie && !SAFE_METHODS.has(request.method)) checkSameOrigin(request, allowedOrigins);
    // The cookie slides with the session, so the browser keeps it exactly as long as the session lives.
    if (viaCookie && session.extendedForSeconds !== undefined) {
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: session.extendedForSeconds });
    }
    // Checked here, not in `require`, so that public routes that act for a signed-in caller refuse it too.
    if (session.principal.enrolmentOnly && request.routeOptions.config.secondFactorEnrolment !== true)
      throw new AppError(
        'forbidden',
        'second_factor_enrolment_required',
        'Staff and admin accounts must set up a second factor before anything else',
      );
    request.principal = session.principal;
    request.sessionToken = token;
  }

  return {
    identify: async (request: FastifyRequest, reply: FastifyReply) => identify(request, reply),
    require(role?: Role) {
      const hook = async (request: FastifyRequest, reply: FastifyReply) => {
        await identify(request, reply);
        const principal = request.principal;
        if (!principal) {
          const stale = request.cookies?.[SESSION_COOKIE] !== undefined;
          throw unauthorized(stale ? 'The session has ended or is not valid; sign in again' : undefined);
        }
        if (role && !hasRole(principal, role)) throw forbidden();
      };
      // Tagged, so a walk over the route table can tell staff and admin routes (the audit's coverage test).
      return Object.assign(hook, { [REQUIRED_ROLE]: role ?? 'customer' });
    },
  };
}

const REQUIRED_ROLE = Symbol('requiredRole');

/** The role a hook made by `require` asks for, or undefined for any other hook. */
export function requiredRoleOf(hook: unknown): Role | undefined {
  return typeof hook === 'function' ? (hook as { [REQUIRED_ROLE]?: Role })[REQUIRED_ROLE] : undefined;
}

/** The caller of a route guarded by `require`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}
