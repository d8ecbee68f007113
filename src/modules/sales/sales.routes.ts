// HTTP for the staff console's back office: seat holders, showtime money, sales reports (JSON and
// CSV) and default prices per hall. Staff read; only admins change prices.
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import * as S from './sales.schemas.ts';
import type { SalesService } from './sales.service.ts';

const tags = ['staff'];
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';

export function registerSalesRoutes(app: HttpApp, auth: AuthHooks, sales: SalesService): void {
  const staff = { onRequest: auth.require('staff') };
  const admin = { onRequest: auth.require('admin') };
  const noStore = 'private, no-store';

  app.get(
    '/api/v1/staff/showtimes/:id/seats',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Who holds or owns each taken seat of a showtime (staff)',
        params: S.IdParams,
        response: { 200: S.StaffSeats },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await sales.seats(request.params.id)),
  );
  app.get(
    '/api/v1/staff/showtimes/:id/summary',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'Tickets, check-ins, revenue net of refunds, and what cancelling would refund (staff)',
        params: S.IdParams,
        response: { 200: S.ShowtimeSummary },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await sales.summary(request.params.id)),
  );
  app.get(
    '/api/v1/staff/sales',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: "Sales per day, movie and showtime over the cinemas' local days from–to (staff)",
        description: S.SALES_PAGING,
        querystring: S.SalesReportQuery,
        response: { 200: S.SalesReport },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await sales.report(request.query)),
  );
  app.get(
    '/api/v1/staff/sales.csv',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: 'The per-showtime sales as CSV (RFC 4180, UTF-8, formula-safe) (staff)',
        querystring: S.SalesQuery,
      },
    },
    async (request, reply) => {
      const { from, to } = request.query;
      const csv = await sales.csv(request.query);
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="sales-${from}-to-${to}.csv"`)
        .header('cache-control', noStore)
        .send(BOM + csv);
    },
  );
  app.get(
    '/api/v1/staff/halls/:id/price-defaults',
    {
      ...staff,
      schema: {
        tags,
        security,
        summary: "A hall's default prices per seat type (staff)",
        params: S.IdParams,
        response: { 200: S.PriceDefaults },
      },
    },
    async (request) => sales.priceDefaults(request.params.id),
  );
  app.put(
    '/api/v1/staff/halls/:id/price-defaults',
    {
      ...admin,
      schema: {
        tags,
        security,
        summary: "Replace a hall's default prices (admin)",
        params: S.IdParams,
        body: S.PriceDefaultsBody,
        response: { 200: S.PriceDefaults },
      },
    },
    async (request) => sales.setPriceDefaults(request.params.id, request.body, principalOf(request).userId),
  );
}
