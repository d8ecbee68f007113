// Reading the audit log: the filtered list and the CSV export, which pages through the same query
// so a year of entries streams out without being held in memory.
import type { Kysely } from 'kysely';
import { decodeCursor, pageOf } from '../../platform/http/cursor.ts';
import { toCsv } from '../sales/sales.module.ts';
import type { AuditEntryOut, AuditFilterInput, AuditQueryInput } from './audit.schemas.ts';
import { type AuditRow, listEntries } from './audit.store.ts';
import type { AuditDb } from './audit.tables.ts';

const KIND = 'audit';
const EXPORT_PAGE = 500;

const CSV_COLUMNS = [
  'id',
  'at',
  'actor_id',
  'actor_email',
  'actor_role',
  'client_address',
  'request_id',
  'route',
  'action',
  'object_type',
  'object_id',
  'cinema_id',
  'before',
  'after',
] as const;

export interface AuditService {
  /** One page of entries matching the query, newest first. */
  list(query: AuditQueryInput): Promise<{ items: AuditEntryOut[]; nextCursor: string | null }>;
  /** Every entry matching the filters as CSV lines (header first), newest first, read a page at a time. */
  exportCsv(filters: AuditFilterInput): AsyncGenerator<string>;
}

export function createAuditService({ db }: { db: Kysely<AuditDb> }): AuditService {
  return {
    async list(query) {
      const after = decodeCursor(query.cursor, KIND, ['integer']);
      const rows = await listEntries(db, query, after ? Number(after[0]) : null, query.limit + 1);
      const page = pageOf(rows, query.limit, KIND, (r) => [String(r.id)]);
      return { items: page.items.map(view), nextCursor: page.nextCursor };
    },
    async *exportCsv(filters) {
      yield toCsv([...CSV_COLUMNS], []);
      let before: number | null = null;
      for (;;) {
        const rows = await listEntries(db, filters, before, EXPORT_PAGE);
        if (rows.length > 0) yield csvRows(rows);
        if (rows.length < EXPORT_PAGE) return;
        before = (rows[rows.length - 1] as AuditRow).id;
      }
    },
  };
}

const json = (v: unknown): Record<string, unknown> | null =>
  v === null ? null : ((typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>);

function view(r: AuditRow): AuditEntryOut {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: r.actor_id === null ? null : { id: r.actor_id, email: r.actor_email, role: r.actor_role ?? 'staff' },
    clientAddress: r.client_address,
    requestId: r.request_id,
    route: r.route,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    cinemaId: r.cinema_id,
    before: json(r.before),
    after: json(r.after),
  };
}

/** The rows as CSV lines (sales' formula-safe cells); toCsv without a header opens with an empty line. */
function csvRows(rows: AuditRow[]): string {
  const cells = rows.map((r) => {
    const values: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
      ...r,
      at: new Date(r.at).toISOString(),
      before: r.before === null ? null : JSON.stringify(json(r.before)),
      after: r.after === null ? null : JSON.stringify(json(r.after)),
    };
    return CSV_COLUMNS.map((c) => values[c]);
  });
  return toCsv([], cells).slice(2);
}
