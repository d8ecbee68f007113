// Opaque list cursors, one codec for every list: base64url of JSON [kind, ...values]. The kind keeps a
// cursor of one list from being replayed on another; each value is checked against its expected shape
// before it goes near SQL, so a forged cursor is a 422 validation_failed, never a cast error.
import { validationFailed } from '../errors.ts';

/** What each value of a cursor must look like. */
export type CursorValue = 'text' | 'uuid' | 'timestamp' | 'number' | 'integer';

// PostgreSQL's text form of a timestamptz ("2026-11-23 19:42:25.128+00") or an ISO string from JavaScript.
const TIMESTAMP =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?(Z|[+-](\d{2})(:?[0-5]\d)?)$/;

/** A time that is an instant: a day its month has, a year from 1, an offset PostgreSQL takes (±15:59). */
function isInstant(v: string): boolean {
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return year >= 1 && day <= daysInMonth && Number(m[7] ?? 0) <= 15 && !Number.isNaN(Date.parse(v));
}

const looksLike: Record<CursorValue, (v: string) => boolean> = {
  text: (v) => !v.includes('\u0000'),
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  timestamp: isInstant,
  number: (v) => /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v),
  // A bigint position (a sequence) that a JavaScript number holds exactly.
  integer: (v) => /^\d{1,15}$/.test(v),
};

/** Encodes the keyset position after the last item of a page of list `kind`. */
export function encodeCursor(kind: string, values: string[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString('base64url');
}

/**
 * Decodes a cursor of list `kind` whose values look like `shape`: null when there is none (undefined),
 * 422 validation_failed when it is anything but a cursor this list gave out.
 */
export function decodeCursor(raw: string | undefined, kind: string, shape: readonly CursorValue[]): string[] | null {
  if (raw === undefined) return null;
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
export function pageOf<R>(
  rows: R[],
  limit: number,
  kind: string,
  keyOf: (row: R) => string[],
): { items: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(kind, keyOf(items[items.length - 1] as R)) };
}

/** A (created_at, id) keyset position, newest first, for lists keyed by a JavaScript Date. */
export interface Position {
  createdAt: Date;
  id: string;
}

export const positionKey = (p: Position): string[] => [p.createdAt.toISOString(), p.id];

/** Decodes a (created_at, id) cursor of list `kind`; null when there is none. */
export function decodePosition(raw: string | undefined, kind: string): Position | null {
  const values = decodeCursor(raw, kind, ['timestamp', 'uuid']);
  if (values === null) return null;
  const [at, id] = values as [string, string];
  return { createdAt: new Date(at), id };
}
