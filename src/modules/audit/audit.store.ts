// SQL for audit_log: the filtered list (newest first, keyset on id), pages for the CSV export, and
// the entry of a write that no audited row shows. Never an update or a delete (the table refuses them).
import { type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { AuditFilterInput } from './audit.schemas.ts';
import type { AuditDb, AuditTables } from './audit.tables.ts';

export type AuditRow = Selectable<AuditTables['audit_log']>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Entries matching `f`, newest first, older than id `before` when given. */
export async function listEntries(
  db: Executor<AuditDb>,
  f: AuditFilterInput,
  before: number | null,
  limit: number,
): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.actorEmail) q = q.where('actor_email', 'ilike', `%${escapeLike(f.actorEmail)}%`);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<', new Date(f.to));
  if (before !== null) q = q.where('id', '<', before);
  return q.execute();
}

/** Whether request `requestId` has left any entry (its audited rows are written by triggers). */
export async function requestRecorded(db: Executor<AuditDb>, requestKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select(sql<number>`1`.as('one'))
    .where('request_key', '=', requestKey)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export type NewEntry = Omit<AuditRow, 'id' | 'at' | 'before' | 'after'> & {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Appends one entry. */
export async function insertEntry(db: Executor<AuditDb>, entry: NewEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      ...entry,
      before: entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}
