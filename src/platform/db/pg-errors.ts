// PostgreSQL errors become AppErrors in this one place.
import { AppError } from '../errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** Seconds a client is told to wait (Retry-After) when the database is away: a restart takes a few. */
const DATABASE_RETRY_AFTER_S = 2;

/** The answer to any request that could not get the database in time: 503 with Retry-After. */
export const databaseUnavailable = () =>
  new AppError(
    'unavailable',
    'service_unavailable',
    'The database is not answering right now; try again shortly',
    {},
    DATABASE_RETRY_AFTER_S,
  );

// The server going away or refusing (57P01 admin shutdown, 57P02 crash, 57P03 starting up, 53300 too
// many connections), giving up on us (57014 statement timeout, 25P03 idle in transaction) and class
// 08 (connection exception): none is the request's fault, and each passes by itself.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '25P03']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres and pg-pool report a lost or unobtainable connection by message only.
const LOST_CONNECTION =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end)/;

/** An error that means the database is away, restarting, stalled or out of connections (not a bug, not bad input). */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 4) return false;
  if (err instanceof AppError) return err.code === 'service_unavailable';
  const { code, message, cause, errors } = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)))
    return true;
  if (typeof message === 'string' && LOST_CONNECTION.test(message)) return true;
  // A refused connect to every address of a host comes as an AggregateError.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** Codes a service names per constraint, e.g. `{ users_email_key: ['conflict', 'email_taken', 'Email taken'] }`. */
export type ConstraintMap = Record<string, [AppError['kind'], string, string]>;

export const isPgError = (err: unknown, code: string): boolean =>
  typeof err === 'object' && err !== null && (err as PgError).code === code;

/** A value PostgreSQL could not take (class 22: encoding, range, format): always the input's fault. */
export const isDataException = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  typeof (err as PgError).code === 'string' &&
  ((err as PgError).code as string).startsWith('22');

/** Serialization failures and deadlocks: the whole transaction may simply run again. */
export const isRetryable = (err: unknown): boolean => isPgError(err, '40001') || isPgError(err, '40P01');

const malformed = () =>
  new AppError('unprocessable', 'validation_failed', 'A value is out of range or malformed', {
    errors: [{ path: '', message: 'A value is out of range or malformed' }],
  });

/** Maps a PostgreSQL error to an AppError, or returns it unchanged when it is not one we know. */
export function translatePgError(err: unknown, constraints: ConstraintMap = {}): unknown {
  if (!(err instanceof AppError) && isDatabaseUnavailable(err)) return databaseUnavailable();
  if (typeof err !== 'object' || err === null || typeof (err as PgError).code !== 'string') return err;
  const { code, constraint } = err as PgError;
  const named = constraint ? constraints[constraint] : undefined;
  if (named) return new AppError(named[0], named[1], named[2]);
  switch (code) {
    case '23505':
      return new AppError('conflict', 'conflict', 'This would duplicate something that exists');
    case '23503':
      return new AppError('unprocessable', 'invalid_reference', 'A referenced record does not exist');
    case '23P01':
      return new AppError('conflict', 'overlap', 'This overlaps something that exists');
    case '23514':
      return malformed();
    default:
      return isDataException(err) ? malformed() : err;
  }
}

/** Runs `fn` again (a few times) when PostgreSQL reports a serialization failure or deadlock. */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !isRetryable(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * i));
    }
  }
}
