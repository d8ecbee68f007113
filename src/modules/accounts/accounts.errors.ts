// The accounts module's error codes.
import { AppError } from '../../platform/errors.ts';

export const USER_CONSTRAINTS = {
  users_email_key: ['conflict', 'email_taken', 'An account with this email exists already'],
} as const satisfies Record<string, [AppError['kind'], string, string]>;

export const emailTaken = () => new AppError('conflict', 'email_taken', 'An account with this email exists already');
export const invalidCredentials = () =>
  new AppError('unauthorized', 'invalid_credentials', 'The email or the password is wrong');
export const wrongPassword = () => new AppError('forbidden', 'wrong_password', 'The password is wrong');
/** A validation error as API.md says (422 validation_failed), with `reason` telling a client which rule. */
export const weakPassword = (path: string, message: string) =>
  new AppError('unprocessable', 'validation_failed', message, { reason: 'weak_password', errors: [{ path, message }] });
export const invalidToken = () =>
  new AppError(
    'unprocessable',
    'invalid_token',
    'This link is not valid any more (used, expired or mistyped); ask for a new one',
  );
export const userNotFound = () => new AppError('not_found', 'not_found', 'The user was not found');
/** Someone must stay able to manage roles and the catalog. */
export const lastAdmin = () =>
  new AppError('conflict', 'last_admin', 'This is the only admin account; make another user admin first');
export const sessionNotFound = () => new AppError('not_found', 'not_found', 'The session was not found');
export const tooManyWrongPasswords = (retryAfterSeconds: number) =>
  new AppError(
    'rate_limited',
    'rate_limited',
    'Too many wrong passwords for this account from here; try again later',
    {},
    retryAfterSeconds,
  );
