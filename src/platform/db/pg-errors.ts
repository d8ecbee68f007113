// PostgreSQL errors become AppErrors in this one place.
import { AppError } from '../errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** Codes a service names per constraint, e.g. `{ users_email_key: ['conflict', 'email_taken', 'Email taken'] }`. */
export type ConstraintMap = Record<string, [AppError['kind'], string, string]>;

export const isPgError = (err: unknown, code: string): boolean =>
  typeof err === 'object' && err !== null && (err as PgError).code === code;

/** A value PostgreSQL could not take (class 22: encoding, range, format): always the input's fault. */
export const isDataException = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && typeof (err as PgError).code === 'string' && ((err as PgError).code as string).startsWith('22');

/** Serialization failures and deadlocks: the whole transaction may simply run again. */
export const isRetryable = (err: unknown): boolean => isPgError(err, '40001') || isPgError(err, '40P01');

const malformed = () =>
  new AppError('unprocessable', 'validation_failed', 'A value is out of range or malformed', {
    errors: [{ path: '', message: 'A value is out of range or malformed' }],
  });

/** Maps a PostgreSQL error to an AppError, or returns it unchanged when it is not one we know. */
export function translatePgError(err: unknown, constraints: ConstraintMap = {}): unknown {
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
