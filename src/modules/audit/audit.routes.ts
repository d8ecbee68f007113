// HTTP: /api/v1/audit (admin): who changed what, filtered and paged, and the same filters as a CSV
// download. Admin only: the log shows every account's actions and the fields they changed.
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { Readable } from 'node:stream';
import * as S from './audit.schemas.ts';
import type { AuditService } from './audit.service.ts';

const tags = ['admin'];
const security: { [name: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
const noStore = 'no-store';
const BOM = '\uFEFF';
const FILTERS =
  'Filters combine (all must hold). `actorEmail` matches part of the email the account had at the time; `from` is inclusive, `to` exclusive.';

export function registerAuditRoutes(app: HttpApp, auth: AuthHooks, audit: AuditService): void {
  const onRequest = auth.require('admin');

  app.get(
    '/api/v1/audit',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Audit log: staff and admin changes, newest first (admin)',
        description: `Each row a staff or admin request created, changed or deleted in an audited table, with the fields before and after, recorded in the same transaction as the change. ${FILTERS}`,
        querystring: S.AuditQuery,
        response: { 200: S.AuditList },
      },
    },
    async (request, reply) => reply.header('cache-control', noStore).send(await audit.list(request.query)),
  );

  app.get(
    '/api/v1/audit.csv',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'The audit log as CSV, streamed (RFC 4180, UTF-8, formula-safe) (admin)',
        description: `Every entry matching the filters, newest first, read from the database a page at a time while it is sent. \`before\` and \`after\` are JSON. ${FILTERS}`,
        querystring: S.AuditExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const lines = audit.exportCsv(request.query);
      async function* withBom() {
        yield BOM;
        yield* lines;
      }
      return reply
        .type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .header('cache-control', noStore)
        .send(Readable.from(withBom()));
    },
  );
}
