// Opaque list cursors: the sort key and id of the last item, as text taken from PostgreSQL itself
// so timestamps keep their microseconds and the keyset comparison is exact.
import { validationFailed } from '../../platform/errors.ts';

/** Encodes the keyset position after the last item of a page of list `kind`. */
export function encodeCursor(kind: string, values: string[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString('base64url');
}

/** What each value of a cursor must look like before it goes near SQL (a forged one is a 422, not a cast error). */
export type CursorValue = 'text' | 'uuid' | 'timestamp' | 'number';

const looksLike: Record<CursorValue, (v: string) => boolean> = {
  text: (v) => !v.includes('\u0000'),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  // PostgreSQL's text form of a timestamptz, e.g. "2026-11-23 19:42:25.128+00".
  timestamp: (v) => /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v),
};

/** Decodes a cursor of list `kind` whose values look like `shape`; 422 validation_failed when it is not one. */
export function decodeCursor(raw: string | undefined, kind: string, shape: readonly CursorValue[]): string[] | null {
  if (raw === undefined || raw === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== shape.length + 1 ||
    parsed[0] !== kind ||
    !parsed.every((v) => typeof v === 'string' && v.length <= 100) ||
    !shape.every((type, i) => looksLike[type](parsed[i + 1] as string))
  ) {
    throw validationFailed('/cursor', 'is not a cursor of this list');
  }
  return parsed.slice(1) as string[];
}

/** Splits `limit + 1` rows into a page and the cursor of the next one. */
export function pageOf<R>(rows: R[], limit: number, kind: string, keyOf: (row: R) => string[]): { items: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(kind, keyOf(items[items.length - 1] as R)) };
}
