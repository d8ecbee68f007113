// The waiting room's gate on holds: a hold (REST, guest REST and gRPC, which goes through REST) of a
// guarded showtime needs the `Waiting-Room-Token` of its session or guest email, else 403
// waiting_room_required. Staff and admins are exempt, as from the other customer rules. A preHandler
// on the two hold routes: the body is validated by then, and an unguarded showtime costs one map read.
// A hold it let through is recorded (onSend, once the booking has its id), so that only such a hold,
// freed, lets one more visitor in.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { hasRole } from '../../platform/http/auth.ts';
import { admissionProblem, guestKey, sessionKey, visitOfToken } from './admission-token.ts';
import type { RoomCache } from './room-cache.ts';
import { waitingRoomRequired } from './waitingroom.errors.ts';

export const TOKEN_HEADER = 'waiting-room-token';
const HOLD_ROUTES = new Set(['/api/v1/bookings', '/api/v1/guest/bookings']);

/** A hold made with an admission token: the visit and room it counts for. */
export interface AdmittedHold {
  bookingId: string;
  visitId: string;
  roomId: string;
}

/** A preHandler for every route (acts on the hold routes only) and the onSend hook recording its holds. */
export function createHoldGate(deps: {
  rooms: RoomCache;
  clock: Clock;
  secret: () => Promise<string>;
  record: (hold: AdmittedHold) => Promise<void>;
}) {
  const admitted = new WeakMap<FastifyRequest, { visitId: string; roomId: string }>();
  const gate = async function waitingRoomGate(request: FastifyRequest): Promise<void> {
    if (request.method !== 'POST' || !HOLD_ROUTES.has(request.routeOptions.url ?? '')) return;
    const body = request.body as { showtimeId?: unknown; email?: unknown } | undefined;
    if (typeof body?.showtimeId !== 'string') return;
    const room = await deps.rooms.roomOf(body.showtimeId);
    if (!room) return;
    let holder: string;
    if (request.routeOptions.url === '/api/v1/bookings') {
      const principal = request.principal;
      if (!principal || hasRole(principal, 'staff')) return;
      holder = sessionKey(principal.sessionId);
    } else {
      if (typeof body.email !== 'string') return;
      holder = guestKey(body.email);
    }
    const header = request.headers[TOKEN_HEADER];
    const token = typeof header === 'string' ? header.trim() : undefined;
    const problem = admissionProblem(await deps.secret(), token, {
      roomId: room.id,
      holder,
      now: deps.clock.now(),
    });
    if (problem) throw waitingRoomRequired(problem);
    admitted.set(request, { visitId: visitOfToken(token as string), roomId: room.id });
  };
  const record = async function waitingRoomHoldRecord(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
  ): Promise<unknown> {
    const hold = admitted.get(request);
    if (!hold || reply.statusCode !== 201 || typeof payload !== 'string') return payload;
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    if (typeof id === 'string') await deps.record({ bookingId: id, ...hold });
    return payload;
  };
  return { gate, record };
}
