// The audit module's table, picked from the types generated from the migrated database, and its
// handle. Rows are written by the triggers of migration 180 (in the changing transaction) and, for
// a write no audited row shows, by this module (audit.hooks.ts); nothing updates or deletes them.
import type { DB } from '../../platform/db/generated-schema.ts';

export type AuditTables = Pick<DB, 'audit_log'>;

export type AuditDb = AuditTables;
