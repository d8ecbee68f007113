// HTTP for stock at a cinema (staff): levels, deliveries, counts, write-offs and movements.
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { languageOf } from './language.ts';
import { CinemaParams } from './offers.schemas.ts';
import { LangOnly } from './products.schemas.ts';
import { security, tags } from './products.routes.ts';
import * as S from './stock.schemas.ts';
import type { StockService } from './stock.service.ts';

const noStore = 'private, no-store';
const lineErrors =
  '404 cinema_not_found; 422 concession_variant_not_found (variantIds), stock_not_tracked (variantIds), validation_failed (a variant on two lines).';

export function registerStockRoutes(app: HttpApp, auth: AuthHooks, stock: StockService): void {
  const staff = auth.require('staff');

  app.get(
    '/api/v1/cinemas/:id/stock',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: 'Stock on hand at a cinema per tracked size (staff)',
        params: CinemaParams,
        querystring: LangOnly,
        response: { 200: S.StockLevels },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', noStore)
        .send(await stock.levels(request.params.id, languageOf(request, request.query.lang))),
  );

  app.post(
    '/api/v1/cinemas/:id/stock/deliveries',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: 'Receive a delivery: adds to stock on hand (staff)',
        description: lineErrors,
        params: CinemaParams,
        body: S.DeliveryBody,
        response: { 201: S.StockChange },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await stock.deliver(request.params.id, principalOf(request).userId, request.body)),
  );

  app.post(
    '/api/v1/cinemas/:id/stock/counts',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: 'Record a stock count: on hand becomes what was counted; the difference is reported (staff)',
        description: `${lineErrors} Units that held or paid orders took but nobody collected yet are still on the shelf: expected = on hand + those, on hand becomes counted − those; 409 count_below_reserved (variantIds) when fewer were counted.`,
        params: CinemaParams,
        body: S.CountBody,
        response: { 201: S.CountResult },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await stock.count(request.params.id, principalOf(request).userId, request.body)),
  );

  app.post(
    '/api/v1/cinemas/:id/stock/write-offs',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: 'Write off stock (broken, expired) with a note (staff)',
        description: `${lineErrors} 409 stock_insufficient (variantIds) when less is on hand.`,
        params: CinemaParams,
        body: S.WriteOffBody,
        response: { 201: S.StockChange },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await stock.writeOff(request.params.id, principalOf(request).userId, request.body)),
  );

  app.get(
    '/api/v1/cinemas/:id/stock/movements',
    {
      onRequest: staff,
      schema: {
        tags,
        security,
        summary: 'Stock movements at a cinema, newest first: deliveries, counts with differences, write-offs (staff)',
        params: CinemaParams,
        querystring: S.MovementsQuery,
        response: { 200: S.MovementList },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', noStore).send(
        await stock.movements(request.params.id, {
          ...request.query,
          lang: languageOf(request, request.query.lang),
        }),
      ),
  );
}
