// The audit log (issue 19): who changed what, when, from where, with the fields before and after.
// Owns audit_log. Rows come from the database itself (migration 180's triggers, in the changing
// transaction) while a staff or admin write runs inside its audit actor (audit.hooks.ts); this
// module serves the admin's search and CSV export. See docs/adr/0010-audit-log-in-the-write-transaction.md.
import type { ModuleParts, Platform } from '../../platform/context.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import { type AuditHooks, createAuditHooks } from './audit.hooks.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { type AuditService, createAuditService } from './audit.service.ts';
import type { AuditDb } from './audit.tables.ts';

export { AUDITED_ROUTES, NOT_AUDITED_ROUTES, routeKey } from './audit.coverage.ts';

export interface AuditModule {
  service: AuditService;
  /** app.ts adds these to every route: `enter` as a preHandler, `complete` on send. */
  hooks: AuditHooks;
  parts: ModuleParts;
}

export function createAuditModule(
  platform: Platform,
  deps: { emailOf: (userId: string) => Promise<string | null> },
): AuditModule {
  const db = moduleDb<AuditDb>(platform.database);
  const service = createAuditService({ db });
  return {
    service,
    hooks: createAuditHooks({ db, emailOf: deps.emailOf }),
    parts: {
      routes(app, auth) {
        registerAuditRoutes(app, auth, service);
      },
    },
  };
}
