// Signing up, in and out; email verification; password reset. What must be mailed is written as an
// event in the same transaction as the change (the outbox), so the notifications module mails
// exactly what committed. An event names only the account: the address is read, and a link's token
// minted (links.service.ts), when the email is composed.
import type { Executor } from '../../platform/db/database.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import { translatePgError } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { Lang } from '../../platform/i18n.ts';
import { clientNetwork } from '../../platform/http/rate-limit.ts';
import { type AccountsDeps, normaliseEmail, normaliseText, toPublicUser } from './accounts.deps.ts';
import {
  challengeExpired,
  invalidCredentials,
  invalidToken,
  secondFactorRequired,
  USER_CONSTRAINTS,
  weakPassword,
  wrongSecondFactor,
} from './accounts.errors.ts';
import type { PublicUser } from './accounts.schemas.ts';
import type { AccountsDb } from './accounts.tables.ts';
import * as devices from './devices.store.ts';
import { createLoginThrottle, SECOND_FACTOR_FAILURES_PER_ACCOUNT } from './login-throttle.ts';
import { passwordWeakness } from './passwords.ts';
import type { SecondFactorService } from './second-factor.service.ts';
import { hashToken, newToken } from './sessions.service.ts';
import * as resetRequests from './reset-requests.store.ts';
import * as tokens from './tokens.store.ts';
import * as users from './users.store.ts';
import type { UserRow } from './users.store.ts';

/** Reset mails one account is sent per hour at most, however many requests come (mail bombing). */
const RESET_MAILS_PER_HOUR = 3;

/** A browser stays known to an account (its device cookie) this long after its last sign-in. */
export const DEVICE_TRUST_MS = 180 * 24 * 60 * 60_000;
/** Browsers remembered per account at most (the most recently used). */
const DEVICES_KEPT = 20;

interface SessionMeta {
  ip: string;
  userAgent: string | undefined;
}

/** Whose password is being checked: enough to mail them about an attack. */
interface Owner {
  id: string;
  email: string | null;
  name: string;
  password_hash: string | null;
}

// A device cookie we issued: 32 random bytes, base64url. Anything else is ignored, not looked up.
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function createAuthService(deps: AccountsDeps & { secondFactors: SecondFactorService }) {
  const { database, kv, clock, sessions, hasher, secondFactors } = deps;
  const db = moduleDb<AccountsDb>(database);
  const throttle = createLoginThrottle({ kv, clock });

  /** Asks for an email about the account: `type` is one of the account.* events notifications mails. */
  async function requestMail(trx: Executor<AccountsDb>, type: string, userId: string): Promise<void> {
    await addEvents(trx, [{ type, aggregateId: userId, payload: { userId } }]);
  }

  function checkNewPassword(path: string, password: string): void {
    const weakness = passwordWeakness(password);
    if (weakness) throw weakPassword(path, weakness);
  }

  /**
   * Checks a password under the wrong-password throttle (login-throttle.ts): 429 while this source
   * must wait; false when wrong (or no owner, checked as long). Mails the owner of an account under attack.
   */
  async function checkPassword(
    account: string,
    source: string,
    owner: Owner | undefined,
    password: string,
  ): Promise<boolean> {
    const attempt = await throttle.admit(account, source);
    const ok = await hasher.verify(owner?.password_hash ?? null, password);
    if (ok && owner) {
      await throttle.succeeded(attempt);
      return true;
    }
    const { notify } = await throttle.failed(attempt);
    if (notify && owner?.email) await requestMail(db, 'account.sign_in_alert', owner.id);
    return false;
  }

  /** The throttle's source for a sign-in: the browser when it signed in to this account before, else its network. */
  async function signInSource(
    owner: { id: string } | undefined,
    device: string | undefined,
    ip: string,
  ): Promise<{ source: string; knownDevice: boolean }> {
    if (owner && device && DEVICE_TOKEN.test(device)) {
      const hash = hashToken(device);
      const since = new Date(clock.now().getTime() - DEVICE_TRUST_MS);
      if (await devices.isKnownDevice(db, hash, owner.id, since))
        return { source: `device:${hash}`, knownDevice: true };
    }
    return { source: `net:${clientNetwork(ip)}`, knownDevice: false };
  }

  /** Opens a session after a full sign-in and remembers the browser (its device cookie) for the throttle. */
  async function openSession(
    user: UserRow,
    meta: SessionMeta & { device?: string | undefined },
    knownDevice: boolean,
    enrolmentOnly: boolean,
  ) {
    const now = clock.now();
    const device = meta.device && DEVICE_TOKEN.test(meta.device) ? meta.device : newToken();
    await devices.rememberDevice(db, hashToken(device), user.id, now);
    // Clients without a cookie jar get a new device at every sign-in: only the latest few are kept.
    if (!knownDevice) await devices.pruneDevices(db, user.id, new Date(now.getTime() - DEVICE_TRUST_MS), DEVICES_KEPT);
    const session = await sessions.create(db, user.id, { ...meta, enrolmentOnly });
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: toPublicUser(user),
      device,
      ...(enrolmentOnly ? { secondFactorEnrolmentRequired: true as const } : {}),
    };
  }

  return {
    /** Creates a customer account and asks for the verification mail in the same transaction. */
    async register(input: { email: string; password: string; name: string; language: Lang }): Promise<PublicUser> {
      const email = normaliseEmail(input.email);
      const name = normaliseText(input.name);
      if (name === '') throw validationFailed('/name', 'must not be blank');
      checkNewPassword('/password', input.password);
      const passwordHash = await hasher.hash(input.password);
      const now = clock.now();
      try {
        return await db.transaction().execute(async (trx) => {
          const user = await users.insertUser(trx, { email, name, passwordHash, language: input.language, now });
          await requestMail(trx, 'account.verification_requested', user.id);
          return toPublicUser(user);
        });
      } catch (err) {
        throw translatePgError(err, USER_CONSTRAINTS);
      }
    },

    /**
     * Checks the password (as long for unknown emails) and opens a session. `device` is the browser's
     * device cookie; the answer's `device` is the one it should keep (the same, or a new one).
     */
    async login(input: { email: string; password: string }, meta: SessionMeta & { device?: string | undefined }) {
      const email = normaliseEmail(input.email);
      const found = await users.findCredentials(db, email);
      const { source, knownDevice } = await signInSource(found, meta.device, meta.ip);
      if (!(await checkPassword(email, source, found, input.password)) || !found) throw invalidCredentials();
      const now = clock.now();
      if (found.password_hash && hasher.needsRehash(found.password_hash)) {
        await users.setPasswordHash(db, found.id, await hasher.hash(input.password), now);
      }
      // With a second factor the password alone opens nothing: the answer is a challenge to finish.
      const methods = await secondFactors.methodsOf(found.id);
      if (methods.length > 0) throw secondFactorRequired(await secondFactors.openChallenge(found.id, methods));
      const enrolmentOnly = found.role !== 'customer' && (await secondFactors.required());
      return openSession(found, meta, knownDevice, enrolmentOnly);
    },

    /**
     * Finishes a sign-in that answered second_factor_required: a TOTP code, a recovery code or a
     * passkey assertion. Wrong ones are throttled per account and source like wrong passwords, and
     * per account across all sources; a challenge goes after 5 wrong tries (sign in again).
     */
    async loginSecondFactor(
      input: { challenge: string; code?: string; recoveryCode?: string; passkey?: unknown },
      meta: SessionMeta & { device?: string | undefined },
    ) {
      const given = [input.code, input.recoveryCode, input.passkey].filter((x) => x !== undefined).length;
      if (given !== 1) throw validationFailed('', 'send exactly one of code, recoveryCode and passkey');
      const pending = await secondFactors.pendingSignIn(input.challenge);
      const owner = await users.findUser(db, pending.userId);
      if (!owner) throw challengeExpired();
      const { source, knownDevice } = await signInSource(owner, meta.device, meta.ip);
      const attempt = await throttle.admit(`second-factor:${owner.id}`, source, SECOND_FACTOR_FAILURES_PER_ACCOUNT);
      if (!(await secondFactors.finishSignIn(input.challenge, pending, input))) {
        await secondFactors.wrongTry(input.challenge);
        const { notify } = await throttle.failed(attempt);
        if (notify && owner.email) await requestMail(db, 'account.sign_in_alert', owner.id);
        throw wrongSecondFactor();
      }
      await throttle.succeeded(attempt);
      return openSession(owner, meta, knownDevice, false);
    },

    /** Marks the email of the token's user as verified; a token works once. */
    async verifyEmail(token: string): Promise<void> {
      const userId = await db.transaction().execute(async (trx) => {
        const id = await tokens.consumeToken(trx, hashToken(token), 'verify_email', clock.now());
        if (id) {
          await users.updateUser(trx, id, { email_verified: true }, clock.now());
          // Booking attaches the guest bookings made with this address (it reads the address itself).
          await addEvents(trx, [{ type: 'account.email_verified', aggregateId: id, payload: { userId: id } }]);
        }
        return id;
      });
      if (!userId) throw invalidToken();
      await sessions.forgetUser(userId);
    },

    /** Mails a fresh verification link to a signed-in user whose email is not verified yet. */
    async resendVerification(userId: string): Promise<void> {
      const user = await users.findUser(db, userId);
      if (!user?.email || user.email_verified) return;
      // The new link, minted when the email is composed, retires the older one.
      await requestMail(db, 'account.verification_requested', user.id);
    },

    /** Mails a reset link when the account exists and has not had its hourly share; answers the same either way. */
    async requestPasswordReset(rawEmail: string): Promise<void> {
      const email = normaliseEmail(rawEmail);
      const user = await users.findCredentials(db, email);
      if (!user?.email) return;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        // Requests for one account queue on its row, so the cap holds however many arrive at once.
        await users.lockUser(trx, user.id);
        const hourAgo = new Date(now.getTime() - 60 * 60_000);
        if ((await resetRequests.countRequestsSince(trx, user.id, hourAgo)) >= RESET_MAILS_PER_HOUR) return;
        await resetRequests.recordRequest(trx, user.id, now, hourAgo);
        // Its link, minted when the email is composed, retires the older ones lying in a mailbox.
        await requestMail(trx, 'account.password_reset_requested', user.id);
      });
    },

    /** Sets a new password from a reset link and ends every session of that user. */
    async confirmPasswordReset(token: string, password: string): Promise<void> {
      checkNewPassword('/password', password);
      const passwordHash = await hasher.hash(password);
      const now = clock.now();
      const result = await db.transaction().execute(async (trx) => {
        const userId = await tokens.consumeToken(trx, hashToken(token), 'password_reset', now);
        if (!userId) return undefined;
        await users.setPasswordHash(trx, userId, passwordHash, now);
        // The link reached the mailbox, so the address is proven too.
        await users.updateUser(trx, userId, { email_verified: true }, now);
        await addEvents(trx, [{ type: 'account.email_verified', aggregateId: userId, payload: { userId } }]);
        await tokens.retireTokens(trx, userId, now, 'password_reset');
        return { userId, revoked: await sessions.revokeAll(trx, userId) };
      });
      if (!result) throw invalidToken();
      await sessions.forget(result.revoked);
    },

    /** Ends the caller's session. */
    async logout(userId: string, sessionId: string): Promise<void> {
      await sessions.revoke(userId, sessionId);
    },

    checkPassword,
    checkNewPassword,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
