// HTTP for visitors: whether a showtime is guarded, joining its waiting room (signed in, or as a guest
// with an email), one's standing by polling or live (SSE). The `wr_device` cookie names the device:
// one place per device as well as per account and guest email, and how a guest is found again.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { sessionCookieOptions } from '../../platform/http/auth.ts';
import type { RateLimiter } from '../../platform/http/rate-limit.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { StreamSlots } from '../../platform/http/stream-slots.ts';
import { guestKey, sessionKey } from './admission-token.ts';
import type { RoomCache } from './room-cache.ts';
import { openSse } from './sse.ts';
import type { Asker, Visitor, VisitsService } from './visits.service.ts';
import { emailRequired } from './waitingroom.errors.ts';
import * as S from './waitingroom.schemas.ts';

const tags = ['waiting-room'];
const security: { [scheme: string]: string[] }[] = [{}, { bearer: [] }, { cookie: [] }];
export const DEVICE_COOKIE = 'wr_device';
const DEVICE_ID = /^[A-Za-z0-9_-]{16,64}$/;
const DEVICE_MAX_AGE_S = 30 * 24 * 3600;

export interface VisitRouteDeps {
  visits: VisitsService;
  cache: RoomCache;
  limiter: RateLimiter;
  joinsPerMinute: number;
  slots: StreamSlots;
  publicUrl: string;
}

type Req = FastifyRequest<{ Params: { id: string } }>;

const deviceOf = (request: FastifyRequest) => {
  const d = request.cookies?.[DEVICE_COOKIE];
  return d && DEVICE_ID.test(d) ? d : null;
};

/** Who asks: an account (its user keeps the place, its session holds the token) or the device alone. */
function visitorOf(request: FastifyRequest): Asker {
  const p = request.principal;
  const deviceId = deviceOf(request);
  return p ? { identity: `u:${p.userId}`, holder: sessionKey(p.sessionId), deviceId } : { holder: null, deviceId };
}

export function registerVisitRoutes(app: HttpApp, auth: AuthHooks, deps: VisitRouteDeps): void {
  const { visits } = deps;
  const secure = deps.publicUrl.startsWith('https:');
  const joinLimit = { name: 'waiting-room-join', max: deps.joinsPerMinute, windowMs: 60_000 };

  app.get(
    '/api/v1/showtimes/:id/waiting-room',
    {
      schema: {
        tags,
        summary: 'Whether holds on this showtime go through a waiting room',
        description:
          'Clients ask this, not `GET /api/v1/showtimes/{id}` (which carries no `waitingRoom`): that answer is ' +
          'the catalog’s cached showtime, while a room opens, pauses and ends on its own clock.',
        params: S.IdParams,
        response: { 200: S.ShowtimeWaitingRoom },
      },
    },
    async (request) => {
      const room = await deps.cache.roomOf(request.params.id);
      return room
        ? { active: true, onSaleAt: (room.on_sale_at as Date).toISOString(), status: room.status }
        : { active: false, onSaleAt: null, status: null };
    },
  );

  app.post(
    '/api/v1/showtimes/:id/waiting-room/visits',
    {
      onRequest: [deps.limiter.hook(joinLimit), auth.identify],
      schema: {
        tags,
        security,
        summary: 'Take a place in the showtime’s waiting room (signed in, or a guest with `email`)',
        description:
          'Joining again (same account, guest email or device: the `wr_device` cookie) answers the same place. ' +
          'Before onSaleAt the place is drawn at random at that moment (position null until then); later joiners queue in order. ' +
          '404 waiting_room_not_found (showtime not guarded); 401 unauthorized without an account or email; ' +
          '409 waiting_room_device_in_use (this device waits for someone else); 409 waiting_room_place_taken (a guest email waiting from another device); 429 rate_limited past WAITING_ROOM_JOINS_PER_MINUTE per client address.',
        params: S.IdParams,
        body: S.JoinBody,
        response: { 200: S.Visit },
      },
    },
    async (request, reply) => {
      let deviceId = deviceOf(request);
      if (!deviceId) {
        deviceId = randomBytes(18).toString('base64url');
        reply.setCookie(DEVICE_COOKIE, deviceId, {
          ...sessionCookieOptions(secure),
          path: '/api/v1/showtimes',
          maxAge: DEVICE_MAX_AGE_S,
        });
      }
      const p = request.principal;
      const email = request.body?.email;
      if (!p && !email) throw emailRequired();
      const who: Visitor = p
        ? { identity: `u:${p.userId}`, holder: sessionKey(p.sessionId), deviceId }
        : { identity: guestKey(email as string), holder: guestKey(email as string), deviceId };
      reply.header('cache-control', 'no-store');
      return visits.join(request.params.id, who);
    },
  );

  app.get(
    '/api/v1/showtimes/:id/waiting-room/visits/current',
    {
      onRequest: auth.identify,
      schema: {
        tags,
        security,
        summary: 'My place in the showtime’s waiting room, with the admission token once admitted',
        description: 'By account, else by the `wr_device` cookie (guests). 404 visit_not_found.',
        params: S.IdParams,
        response: { 200: S.Visit },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return visits.current(request.params.id, visitorOf(request));
    },
  );

  app.get(
    '/api/v1/showtimes/:id/waiting-room/events',
    {
      onRequest: auth.identify,
      schema: {
        tags,
        security,
        summary: 'My place live: `event: visit` (a Visit) at once and on every change of the room',
        description: '404 visit_not_found before joining; 429/503 over the live stream caps.',
        params: S.IdParams,
        response: { 200: S.EventStream('`event: visit` with the Visit') },
      },
    },
    async (request: Req, reply: FastifyReply) => {
      const release = deps.slots.take(request.ip);
      const who = visitorOf(request);
      let found;
      let first;
      try {
        found = await visits.find(request.params.id, who);
        first = await visits.view(found.room, found.visit, found.holder, request.params.id);
      } catch (err) {
        release();
        throw err;
      }
      let { visit } = found;
      const { holder } = found;
      const stream = openSse(request, reply, release);
      stream.send('visit', first);
      let last = JSON.stringify(first);
      // The visit row is kept; the room comes from the process's cache: no query per stream and change.
      const push = async () => {
        const room = await deps.cache.roomOf(request.params.id);
        if (!room) return;
        // Drawn at the on-sale moment: the place is read once, after the draw.
        if (visit.place === null && room.status !== 'scheduled')
          visit = (await visits.find(request.params.id, who)).visit;
        const v = await visits.view(room, visit, holder, request.params.id);
        const text = JSON.stringify(v);
        if (text !== last) stream.send('visit', v);
        last = text;
      };
      const stop = deps.cache.listen((roomId) => {
        if (roomId === found.room.id)
          push().catch((err: unknown) => request.log.warn({ err }, 'waiting room visit not sent'));
      });
      stream.onClose(stop);
    },
  );
}
