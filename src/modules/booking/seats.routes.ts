// HTTP for a showtime's seats: the cached seat map and its live Server-Sent Events. The staff report
// is served by the payments module (payments/booking-detail.routes.ts).
import { Type } from 'typebox';
import { matchesEtag } from '../../platform/http/etag.ts';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import { addRawHandler, commonHeaders, type HttpApp } from '../../platform/http/server.ts';
import type { StreamSlots } from '../../platform/http/stream-slots.ts';
import { showtimeNotFound } from './booking.errors.ts';
import { SeatEventStream, SeatEventsQuery, SeatMap, ShowtimeParams } from './booking.schemas.ts';
import type { SeatFeed } from './seat-feed.ts';
import type { SeatMapCopy, SeatMapService } from './seat-map.service.ts';

const MAX_BUFFERED_BYTES = 1024 * 1024;
const SEAT_MAP_ROUTE = '/api/v1/showtimes/:id/seats';
// Only the plain form: a query string, a trailing slash or anything odd goes through Fastify.
const SEAT_MAP_URL = /^\/api\/v1\/showtimes\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/seats$/;

const NotModified = Type.Unsafe<undefined>({
  type: 'null',
  description:
    'The map named by `If-None-Match` is still current (no body). Clients that cannot keep the live stream open poll with the `ETag` of their last answer.',
});

export function registerSeatRoutes(
  app: HttpApp,
  deps: { seatMap: SeatMapService; feed: SeatFeed; slots: StreamSlots },
): void {
  const streams = new Set<import('node:http').ServerResponse>();
  // Open streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
    await deps.feed.close();
  });

  // A cached map is answered before routing, with the headers the route below sends: most of a
  // crowd's requests are these, and Fastify's per-request work cost half their rate (ADR 0009).
  addRawHandler(app, (req, res) => {
    if (req.method !== 'GET') return null;
    const id = SEAT_MAP_URL.exec(req.url ?? '')?.[1];
    const copy = id === undefined ? null : deps.seatMap.peek(id);
    if (!copy) return null;
    const headers: Record<string, string | number> = {
      ...commonHeaders(req),
      'cache-control': 'no-cache',
      etag: copy.etag,
    };
    if (matchesEtag(req.headers['if-none-match'], copy.etag)) {
      res.writeHead(304, headers).end();
      return { route: SEAT_MAP_ROUTE, status: 304 };
    }
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['content-length'] = copy.json.length;
    res.writeHead(200, headers).end(copy.json);
    return { route: SEAT_MAP_ROUTE, status: 200 };
  });

  app.get(
    SEAT_MAP_ROUTE,
    {
      schema: {
        tags: ['booking'],
        summary: "The seat map with each seat's status and price",
        description:
          'Answers with a strong `ETag`; a request whose `If-None-Match` names the current one gets 304 without a body.',
        params: ShowtimeParams,
        response: { 200: SeatMap, 304: NotModified },
      },
    },
    (request, reply): void => {
      // Already serialised, encoded and tagged (and cached): sent as is, without a promise when cached.
      const send = (copy: SeatMapCopy) => {
        reply.header('cache-control', 'no-cache').header('etag', copy.etag);
        if (matchesEtag(request.headers['if-none-match'], copy.etag)) reply.code(304).send();
        else reply.type('application/json; charset=utf-8').send(copy.json as never);
      };
      const hit = deps.seatMap.peek(request.params.id);
      if (hit) {
        send(hit);
        return;
      }
      deps.seatMap.get(request.params.id).then(
        (copy) => (copy === null ? reply.send(showtimeNotFound() as never) : send(copy)),
        (err: Error) => reply.send(err as never),
      );
    },
  );

  app.get(
    '/api/v1/showtimes/:id/seats/events',
    {
      schema: {
        tags: ['booking'],
        summary:
          'Server-Sent Events: a `snapshot` (the seat map) first, then `seats` changes and `ping`s; ids resume with Last-Event-ID or `?lastEventId=`',
        params: ShowtimeParams,
        querystring: SeatEventsQuery,
        response: {
          200: SeatEventStream,
          429: problemAnswer(
            '`rate_limited`: this client address has SSE_MAX_PER_CLIENT streams open on this server already.',
            { retryAfter: true },
          ),
          503: problemAnswer(
            '`stream_limit_reached`: this server has SSE_MAX_CONNECTIONS streams open. Like every route, also `service_unavailable` while the database is not answering.',
            { retryAfter: true },
          ),
        },
      },
    },
    async (request, reply) => {
      // Counted from the first moment, so every way out below must give the slot back.
      const release = deps.slots.take(request.ip);
      const showtimeId = request.params.id;
      try {
        if ((await deps.seatMap.getJson(showtimeId)) === null) throw showtimeNotFound();
      } catch (err) {
        release();
        throw err;
      }
      // The header is what EventSource sends on its own retries: newer than an id in the URL.
      const header = request.headers['last-event-id'];
      const fromHeader = typeof header === 'string' && /^\d{1,15}$/.test(header.trim()) ? header.trim() : undefined;
      const resumeFrom = fromHeader ?? request.query.lastEventId;
      const lastEventId = resumeFrom === undefined ? null : Number(resumeFrom);

      reply.hijack();
      const res = reply.raw;
      streams.add(res);
      let gone = false;
      let remove: (() => Promise<void>) | null = null;
      const onGone = () => {
        if (gone) return;
        gone = true;
        streams.delete(res);
        release();
        void remove?.();
      };
      res.on('close', onGone);
      // A client that dropped while the map was read fired 'close' before anyone listened: it would
      // keep its subscription and memory for good.
      if (res.destroyed) return onGone();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
        'x-request-id': request.id,
        connection: 'keep-alive',
      });
      res.write('retry: 2000\n\n');
      const write = (frame: string) => {
        if (gone) return;
        // A client that stops reading is dropped rather than buffered without end.
        if (res.writableLength > MAX_BUFFERED_BYTES) return void res.destroy();
        res.write(frame);
      };
      try {
        remove = await deps.feed.connect(showtimeId, lastEventId, write);
      } catch (err) {
        request.log.warn({ err }, 'seat feed failed');
        res.end();
        return;
      }
      if (gone) await remove();
    },
  );
}
