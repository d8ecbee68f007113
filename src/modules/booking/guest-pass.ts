// How a guest proves a booking is theirs over HTTP: its management token as `Authorization: Booking
// <token>` or `Booking-Token: <token>`, checked against the booking in the path before the handler
// runs. No token is 401; a wrong one, or another booking's, 404 booking_not_found, as for a booking
// that does not exist. Guest requests carry no cookie, so there is no session to forge; creating a
// guest booking is still refused when a browser says it comes from another site.
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../../platform/errors.ts';
import type { GuestPass } from '../../platform/http/access.ts';
import { checkSameOrigin, type RequestHook } from '../../platform/http/auth.ts';
import type { GuestService } from './guest.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on guest routes once the booking's management token was checked. */
    guestPass?: GuestPass;
  }
}

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Booking\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) throw unauthorized('The Authorization header must be "Booking <token>" here');
    return m[1];
  }
  const alone = request.headers['booking-token'];
  return Array.isArray(alone) ? alone[0] : alone;
}

/** Checks the management token against `:id`; sets request.guestPass. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function guestPassHook(guests: GuestService): RequestHook {
  return async (request) => {
    const token = tokenOf(request);
    if (!token) throw unauthorized('Send the booking\'s management token as "Authorization: Booking <token>"');
    const { id } = request.params as { id: string };
    // An id that cannot be a booking's is left to the route's schema: 404 not_found, as on every route.
    if (!UUID.test(id)) return;
    request.guestPass = await guests.open(id, token);
  };
}

/** The pass of a route guarded by guestPassHook. */
export function guestPassOf(request: FastifyRequest): GuestPass {
  if (!request.guestPass) throw unauthorized();
  return request.guestPass;
}

/** Refuses a browser request from another site (403 csrf_rejected); API clients that name no origin pass. */
export function sameSiteOnly(publicUrl: string): RequestHook {
  const allowed = new Set([new URL(publicUrl).origin]);
  return async (request) => {
    if (request.headers['sec-fetch-site'] === undefined && request.headers.origin === undefined) return;
    checkSameOrigin(request, allowed);
  };
}
