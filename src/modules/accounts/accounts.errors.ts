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

// Two-factor sign-in (issue 19).
/** The right password for an account with a second factor: the answer carries the challenge to finish with. */
export const secondFactorRequired = (challenge: Record<string, unknown>) =>
  new AppError(
    'unauthorized',
    'second_factor_required',
    'The password is right; finish signing in with a second factor',
    challenge,
  );
export const wrongSecondFactor = () =>
  new AppError('unauthorized', 'invalid_second_factor', 'The code, recovery code or passkey was not accepted');
export const challengeExpired = () =>
  new AppError('unauthorized', 'challenge_expired', 'This sign-in has expired or was finished; sign in again');
export const wrongCode = () =>
  new AppError('unprocessable', 'invalid_code', 'The code is wrong or was used already; try the next one');
export const reauthRequired = () =>
  new AppError('forbidden', 'wrong_password', 'Confirm with your password or a current code from your app');
export const totpAlreadyEnabled = () =>
  new AppError('conflict', 'totp_enabled', 'An authenticator app is set up already; turn it off first');
export const secondFactorNotFound = () => new AppError('not_found', 'not_found', 'There is no such second factor');
export const passkeyNotFound = () => new AppError('not_found', 'not_found', 'The passkey was not found');
export const passkeyRejected = (detail: string) => new AppError('unprocessable', 'passkey_rejected', detail);
export const lastSecondFactor = () =>
  new AppError(
    'conflict',
    'last_second_factor',
    'Staff and admin must keep a second factor (the admin requires one); add another before removing this one',
  );
