// HTTP for moving a showtime (admin): PATCH /showtimes/{id} with a new start and/or hall.
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { adminSecurity, IdParams } from './catalog.schemas.ts';
import { MoveShowtimeBody, Showtime, type ShowtimeView } from './showtimes.schemas.ts';
import type { MoveShowtimeInput } from './showtime-move.service.ts';

export function registerShowtimeMoveRoute(
  app: HttpApp,
  auth: AuthHooks,
  move: (id: string, input: MoveShowtimeInput) => Promise<void>,
  showtimes: { fresh(id: string): Promise<ShowtimeView> },
): void {
  app.patch(
    '/api/v1/showtimes/:id',
    {
      onRequest: auth.require('admin'),
      schema: {
        tags: ['catalog'],
        security: adminSecurity,
        summary: 'Move a showtime: a new start, or a new hall while nothing is sold',
        description:
          'endsAt follows. 409 showtime_overlap when the hall is taken then; 409 showtime_has_sales for a new hall while seats are held or sold, 409 showtime_has_blocks while only staff blocks remain; 409 showtime_not_movable (reason cancelled or started); 422 for a start in the past or a hall of another cinema. Holders of paid bookings are emailed the new time, and may cancel with a full refund until the new start whatever the refund policy says.',
        params: IdParams,
        body: MoveShowtimeBody,
        response: { 200: Showtime },
      },
    },
    async (request, reply) => {
      await move(request.params.id, request.body);
      return reply.send(await showtimes.fresh(request.params.id));
    },
  );
}
