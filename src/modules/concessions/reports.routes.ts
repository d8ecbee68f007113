// HTTP for concession reports (staff): takings and attach rate, as JSON and as CSV.
import type { FastifyReply } from 'fastify';
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { decimalAmount } from '../../platform/money.ts';
import { toCsv } from '../sales/sales.module.ts';
import { languageOf } from './language.ts';
import { security, tags } from './products.routes.ts';
import * as S from './reports.schemas.ts';
import type { ReportsService } from './reports.service.ts';

const noStore = 'private, no-store';
/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';
const money = (m: { amount: number; currency: string }) => decimalAmount(m.amount, m.currency);
const takingsHelp =
  'From paid orders by the local day they were paid; refunded is what was refunded of them. Online orders have staffUserId null ("online"). 422 validation_failed for a range over 366 days or to before from.';
const attachHelp =
  'Over the showtimes of local days [from, to]: live tickets, and units (net of refunds) of paid food orders with their bookings.';

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .header('cache-control', noStore)
    .type('text/csv; charset=utf-8; header=present')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(BOM + csv);
}

export function registerReportRoutes(app: HttpApp, auth: AuthHooks, reports: ReportsService): void {
  const staff = auth.require('staff');
  const schema = (summary: string, description: string, querystring: object, response?: object) => ({
    tags,
    security,
    summary,
    description,
    querystring,
    ...(response ? { response: { 200: response } } : { produces: ['text/csv'] }),
  });

  app.get(
    '/api/v1/reports/concessions',
    {
      onRequest: staff,
      schema: schema(
        'Concession takings per cinema and local day, product or staff member (staff)',
        takingsHelp,
        S.TakingsQuery,
        S.Takings,
      ),
    },
    async (request, reply) => {
      const q = request.query as S.TakingsQueryInput;
      return reply
        .header('cache-control', noStore)
        .send(await reports.takings({ ...q, lang: languageOf(request, q.lang) }));
    },
  );

  app.get(
    '/api/v1/reports/concessions.csv',
    {
      onRequest: staff,
      schema: schema('Concession takings as CSV (staff)', takingsHelp, S.TakingsQuery),
    },
    async (request, reply) => {
      const q = request.query as S.TakingsQueryInput;
      const report = await reports.takings({ ...q, lang: languageOf(request, q.lang) });
      const csv = toCsv(
        ['cinema_id', q.groupBy ?? 'day', 'quantity', 'gross', 'refunded', 'currency'],
        report.items.map((i) => [
          i.cinemaId,
          i.day ?? i.productName ?? i.staffName ?? '',
          i.quantity,
          money(i.gross),
          money(i.refunded),
          i.gross.currency,
        ]),
      );
      return sendCsv(reply, `concessions-${q.from}-to-${q.to}`, csv);
    },
  );

  app.get(
    '/api/v1/reports/concessions/attach-rate',
    {
      onRequest: staff,
      schema: schema(
        'Food and drink items per ticket sold, per movie (staff)',
        attachHelp,
        S.AttachQuery,
        S.AttachRate,
      ),
    },
    async (request, reply) =>
      reply.header('cache-control', noStore).send(await reports.attachRate(request.query as S.AttachQueryInput)),
  );

  app.get(
    '/api/v1/reports/concessions/attach-rate.csv',
    {
      onRequest: staff,
      schema: schema('Attach rate per movie as CSV (staff)', attachHelp, S.AttachQuery),
    },
    async (request, reply) => {
      const q = request.query as S.AttachQueryInput;
      const report = await reports.attachRate(q);
      const csv = toCsv(
        ['movie_id', 'title', 'tickets', 'items', 'attach_rate'],
        report.items.map((i) => [i.movieId, i.title, i.tickets, i.items, i.attachRate]),
      );
      return sendCsv(reply, `attach-rate-${q.from}-to-${q.to}`, csv);
    },
  );
}
