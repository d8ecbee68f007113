// HTTP for a showtime's prices (admin): PUT /showtimes/{id}/prices.
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { adminSecurity, IdParams } from './catalog.schemas.ts';
import {
  SetShowtimePricesBody,
  type SetShowtimePricesInput,
  Showtime,
  type ShowtimeView,
} from './showtimes.schemas.ts';

export function registerShowtimePricesRoute(
  app: HttpApp,
  auth: AuthHooks,
  setPrices: (id: string, input: SetShowtimePricesInput) => Promise<void>,
  showtimes: { fresh(id: string): Promise<ShowtimeView> },
): void {
  app.put(
    '/api/v1/showtimes/:id/prices',
    {
      onRequest: auth.require('admin'),
      schema: {
        tags: ['catalog'],
        security: adminSecurity,
        summary: "Change a showtime's prices for seats not yet held (admin)",
        description:
          "Holds made from now on pay the new prices; seats already held or sold keep theirs. `prices` (the default ticket type's) must cover every seat type of the hall; 422 ticket_type_unknown for a code that is not an active type of the cinema.",
        params: IdParams,
        body: SetShowtimePricesBody,
        response: { 200: Showtime },
      },
    },
    async (request, reply) => {
      await setPrices(request.params.id, request.body);
      return reply.send(await showtimes.fresh(request.params.id));
    },
  );
}
