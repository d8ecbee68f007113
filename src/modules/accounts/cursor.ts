// Opaque list cursors for keyset paging on (created_at, id), newest first.
import { validationFailed } from '../../platform/errors.ts';

export interface Position {
  createdAt: Date;
  id: string;
}

export const encodeCursor = (p: Position): string => Buffer.from(JSON.stringify([p.createdAt.toISOString(), p.id])).toString('base64url');

export function decodeCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const createdAt = new Date(String(at));
    if (typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(createdAt.getTime())) return { createdAt, id };
  } catch {
    // falls through to the refusal
  }
  throw validationFailed('/cursor', 'is not a cursor this server gave out');
}

/** One page of `rows` fetched with limit + 1: the items and the cursor to the next page. */
export function page<T extends { created_at: Date; id: string }>(rows: T[], limit: number): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1] as T;
  return { rows: kept, nextCursor: encodeCursor({ createdAt: last.created_at, id: last.id }) };
}
