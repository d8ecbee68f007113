// Opaque list cursors: the sort key and id of the last item, as text taken from PostgreSQL itself
// so timestamps keep their microseconds and the keyset comparison is exact.
import { validationFailed } from '../../platform/errors.ts';

/** Encodes the keyset position after the last item of a page of list `kind`. */
export function encodeCursor(kind: string, values: string[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString('base64url');
}

/** Decodes a cursor of list `kind` with `size` values; 422 validation_failed when it is not one. */
export function decodeCursor(raw: string | undefined, kind: string, size: number): string[] | null {
  if (raw === undefined || raw === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== size + 1 ||
    parsed[0] !== kind ||
    !parsed.every((v) => typeof v === 'string' && v.length <= 100)
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
