// HTTP for best available seats (issue 18): public, like the seat map, and never cached (it reads
// the claims of the moment).
import { Type } from 'typebox';
import { problemAnswer } from '../../platform/http/problem.schemas.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { SeatFinder } from './best-seats.service.ts';
import { Money, ShowtimeParams } from './booking.schemas.ts';

const BestSeatsQuery = Type.Object({
  count: Type.Integer({ minimum: 1, maximum: 10, description: 'Seats wanted side by side' }),
});

export const BestSeats = Type.Object({
  seats: Type.Array(
    Type.Object({ seatId: Type.String({ format: 'uuid' }), row: Type.String(), number: Type.Integer(), price: Money }),
  ),
  zone: Type.Union([Type.Literal('centre'), Type.Literal('front'), Type.Literal('back'), Type.Literal('side')], {
    description:
      'Where the block sits: `centre` near the middle of the preferred rows (about two thirds back from the screen), else the nearest of front, back or side',
  }),
});

export function registerBestSeatsRoute(app: HttpApp, finder: SeatFinder): void {
  app.get(
    '/api/v1/showtimes/:id/best-seats',
    {
      schema: {
        tags: ['booking'],
        summary: 'Best available: N free seats side by side in the best zone',
        description:
          "The block nearest the middle of the preferred rows (the screen is at the layout's top). Special seats (accessible, companion) are not offered. Where the hall has `seatRules.noSingleGaps`, blocks that would leave a lone seat are passed over while another fits.",
        params: ShowtimeParams,
        querystring: BestSeatsQuery,
        response: {
          200: BestSeats,
          404: problemAnswer('`not_found` (no such showtime) or `no_adjacent_seats` (no block of that many is free)'),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return finder.bestSeats(request.params.id, request.query.count);
    },
  );
}
