// HTTP for waiting rooms as admins and staff use them: set up and end per showtime or per movie
// (admin), list, watch live, pause, resume and change the rate (staff).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { StreamSlots } from '../../platform/http/stream-slots.ts';
import type { RoomCache } from './room-cache.ts';
import type { RoomsService, RoomTarget } from './rooms.service.ts';
import * as S from './waitingroom.schemas.ts';
import { openSse } from './sse.ts';

const tags = ['waiting-room'];
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const STATS_EVERY_MS = 2000;

export function registerRoomRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: { rooms: RoomsService; cache: RoomCache; slots: StreamSlots },
): void {
  const { rooms } = deps;
  const admin = { onRequest: auth.require('admin') };
  const staff = { onRequest: auth.require('staff') };

  for (const [kind, key] of [
    ['showtimes', 'showtimeId'],
    ['movies', 'movieId'],
  ] as const) {
    const target = (id: string) => ({ [key]: id }) as RoomTarget;
    app.put(
      `/api/v1/${kind}/:id/waiting-room`,
      {
        ...admin,
        schema: {
          tags,
          security,
          summary: `Guard the ${kind === 'showtimes' ? 'showtime' : "movie's showtimes"} with a waiting room from its on-sale moment (admin)`,
          description:
            'Creates the room or changes its rate and admission length; onSaleAt may move only while the room is scheduled (409 waiting_room_on_sale_fixed). ' +
            `404 ${kind === 'showtimes' ? 'showtime' : 'movie'}_not_found.`,
          params: S.IdParams,
          body: S.RoomSettings,
          response: { 200: S.WaitingRoom },
        },
      },
      async (request) =>
        rooms.configure(target(request.params.id), { ...request.body, onSaleAt: new Date(request.body.onSaleAt) }),
    );
    app.delete(
      `/api/v1/${kind}/:id/waiting-room`,
      {
        ...admin,
        schema: {
          tags,
          security,
          summary: 'End the waiting room: holds need no admission token any more (admin)',
          description: '404 waiting_room_not_found when none is live.',
          params: S.IdParams,
          response: { 204: Type.Null() },
        },
      },
      async (request, reply) => {
        await rooms.end(target(request.params.id));
        return reply.code(204).send(null);
      },
    );
  }

  app.get(
    '/api/v1/waiting-rooms',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Live waiting rooms with their figures (staff)',
        response: { 200: S.WaitingRoomList },
      },
    },
    async () => ({ items: await rooms.list() }),
  );
  app.get(
    '/api/v1/waiting-rooms/:id',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'A waiting room live: line length, admissions, holds and sales (staff)',
        params: S.IdParams,
        response: { 200: S.WaitingRoom },
      },
    },
    async (request) => rooms.get(request.params.id),
  );
  const action = (path: string, summary: string, run: (id: string) => ReturnType<RoomsService['get']>) =>
    app.post(
      `/api/v1/waiting-rooms/:id/${path}`,
      {
        ...staff,
        schema: {
          tags,
          security,
          summary,
          description: '409 waiting_room_ended.',
          params: S.IdParams,
          response: { 200: S.WaitingRoom },
        },
      },
      async (request) => run(request.params.id),
    );
  action('pause', 'Stop admitting; places are kept (staff)', rooms.pause);
  action('resume', 'Admit again at the rate from now (staff)', rooms.resume);
  app.patch(
    '/api/v1/waiting-rooms/:id',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Change the admission rate (staff)',
        params: S.IdParams,
        body: S.RatePatch,
        response: { 200: S.WaitingRoom },
      },
    },
    async (request) => rooms.setRate(request.params.id, request.body.admissionsPerMinute),
  );
  app.get(
    '/api/v1/waiting-rooms/:id/events',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'The room live (staff): `event: stats` (a WaitingRoom) at once, on each change and every 2 s',
        params: S.IdParams,
        response: { 200: S.EventStream('`event: stats` with the WaitingRoom') },
      },
    },
    async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const release = deps.slots.take(request.ip);
      let first;
      try {
        first = await rooms.get(request.params.id);
      } catch (err) {
        release();
        throw err;
      }
      const stream = openSse(request, reply, release);
      stream.send('stats', first);
      let busy = false;
      const push = () => {
        if (busy) return;
        busy = true;
        rooms
          .get(request.params.id)
          .then((s) => stream.send('stats', s))
          .catch((err: unknown) => request.log.warn({ err }, 'waiting room stats not sent'))
          .finally(() => (busy = false));
      };
      const timer = setInterval(push, STATS_EVERY_MS);
      const stop = deps.cache.listen((roomId) => roomId === request.params.id && push());
      stream.onClose(() => {
        clearInterval(timer);
        stop();
      });
    },
  );
}
