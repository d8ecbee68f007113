// HTTP for ticket types and the cinemas' default price lists: reads are public (the seat picker
// shows types and prices), changes are for admins.
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { IdParams } from './sales.schemas.ts';
import * as S from './ticket-types.schemas.ts';
import type { TicketTypesService } from './ticket-types.service.ts';

const tags = ['ticket types'];
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];

export function registerTicketTypeRoutes(app: HttpApp, auth: AuthHooks, types: TicketTypesService): void {
  const admin = { onRequest: auth.require('admin') };

  app.get(
    '/api/v1/cinemas/:id/ticket-types',
    {
      schema: {
        tags,
        summary: "A cinema's ticket types in display order (public)",
        params: IdParams,
        querystring: S.TicketTypesQuery,
        response: { 200: S.TicketTypeList },
      },
    },
    async (request) => types.list(request.params.id, request.query),
  );
  app.post(
    '/api/v1/cinemas/:id/ticket-types',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Add a ticket type to a cinema (admin)',
        description: '409 ticket_type_exists when the cinema has the code already; 422 when minAge > maxAge.',
        params: IdParams,
        body: S.CreateTicketTypeBody,
        response: { 201: S.TicketType },
      },
    },
    async (request, reply) => reply.code(201).send(await types.create(request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/ticket-types/:id',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Change a ticket type (admin)',
        description:
          'isDefault: true moves the default here. 409 ticket_type_is_default when the default would be deactivated or stop being the default without another taking over.',
        params: IdParams,
        body: S.PatchTicketTypeBody,
        response: { 200: S.TicketType },
      },
    },
    async (request) => types.update(request.params.id, request.body),
  );
  app.delete(
    '/api/v1/ticket-types/:id',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: 'Deactivate a ticket type (admin): no new sales; sold tickets keep it',
        description: '409 ticket_type_is_default for the default type.',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await types.deactivate(request.params.id);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/cinemas/:id/price-list',
    {
      schema: {
        tags,
        summary: "A cinema's default prices per ticket type and seat type (public)",
        params: IdParams,
        response: { 200: S.PriceList },
      },
    },
    async (request) => types.priceList(request.params.id),
  );
  app.put(
    '/api/v1/cinemas/:id/price-list',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: "Replace a cinema's default price list (admin): new showtimes copy it",
        description: "422 ticket_type_unknown for a code that is not one of the cinema's ticket types.",
        params: IdParams,
        body: S.PriceListBody,
        response: { 200: S.PriceList },
      },
    },
    async (request) => types.setPriceList(request.params.id, request.body, principalOf(request).userId),
  );
}
