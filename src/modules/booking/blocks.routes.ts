// HTTP for seat blocks (staff and admin): block seats of a showtime with a reason, list, unblock.
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { BlockBody, BlockParams, BlockSeatParams, SeatBlockList, UnblockBody } from './blocks.schemas.ts';
import type { BlocksService } from './blocks.service.ts';

const security: { [label: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];

export function registerBlockRoutes(app: HttpApp, auth: AuthHooks, service: BlocksService): void {
  app.get(
    '/api/v1/showtimes/:id/blocks',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags: ['booking'],
        summary: "The showtime's blocked seats with reason, who and when (staff)",
        security,
        params: BlockParams,
        response: { 200: SeatBlockList },
      },
    },
    async (request) => ({ items: await service.list(request.params.id) }),
  );

  app.post(
    '/api/v1/showtimes/:id/blocks',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags: ['booking'],
        summary: 'Block seats of one showtime with a reason, all or none (staff)',
        description:
          'Blocked seats show as `blocked` on the seat map and cannot be held until unblocked. 409 seats_unavailable (`seatIds`: the ones held, sold or blocked already); 409 showtime_not_bookable when cancelled or started; 422 for seats not of the hall. Answers with all blocks of the showtime.',
        security,
        params: BlockParams,
        body: BlockBody,
        response: { 201: SeatBlockList },
      },
    },
    async (request, reply) => {
      const { seatIds, reason } = request.body;
      const items = await service.block(principalOf(request), request.params.id, seatIds, reason);
      return reply.code(201).send({ items });
    },
  );

  app.delete(
    '/api/v1/showtimes/:id/blocks',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags: ['booking'],
        summary: 'Unblock seats of a showtime (staff)',
        description: 'Seats not blocked are left as they are. Answers with the blocks left.',
        security,
        params: BlockParams,
        body: UnblockBody,
        response: { 200: SeatBlockList },
      },
    },
    async (request) => ({ items: await service.unblock(request.params.id, request.body.seatIds) }),
  );

  app.delete(
    '/api/v1/showtimes/:id/blocks/:seatId',
    {
      onRequest: auth.require('staff'),
      schema: {
        tags: ['booking'],
        summary: 'Unblock one seat of a showtime (staff)',
        description: 'A seat not blocked is left as it is. Answers with the blocks left.',
        security,
        params: BlockSeatParams,
        response: { 200: SeatBlockList },
      },
    },
    async (request) => ({ items: await service.unblock(request.params.id, [request.params.seatId]) }),
  );
}
