// Signing up, in and out; email verification; password reset. Mails are queued in the same
// transaction as the change (the outbox), so a mail is sent exactly when the change committed.
import { translatePgError } from '../../platform/db/pg-errors.ts';
import { validationFailed } from '../../platform/errors.ts';
import { passwordResetEmail, verificationEmail } from './account-emails.ts';
import { type AccountsDeps, normaliseEmail, normaliseText, toPublicUser, WRONG_PASSWORDS } from './accounts.deps.ts';
import { invalidCredentials, invalidToken, tooManyWrongPasswords, USER_CONSTRAINTS, weakPassword } from './accounts.errors.ts';
import type { PublicUser } from './accounts.schemas.ts';
import { passwordWeakness } from './passwords.ts';
import { hashToken, newToken } from './sessions.service.ts';
import * as tokens from './tokens.store.ts';
import * as users from './users.store.ts';

const VERIFY_TTL_MS = 7 * 24 * 60 * 60_000;
export const RESET_TTL_MS = 60 * 60_000;
/** Reset mails one account is sent per hour at most, however many requests come (mail bombing). */
export const RESET_MAILS_PER_HOUR = 3;

export interface SessionMeta {
  ip: string;
  userAgent: string | undefined;
}

export function createAuthService(deps: AccountsDeps) {
  const { database, clock, sessions, hasher, mail, limiter, publicUrl } = deps;
  const db = database.db;

  function checkNewPassword(path: string, password: string): void {
    const weakness = passwordWeakness(password);
    if (weakness) throw weakPassword(path, weakness);
  }

  /** Throws 429 when this account has had too many wrong passwords lately. */
  async function guardAccount(key: string): Promise<void> {
    const h = await limiter.peek(WRONG_PASSWORDS, key);
    if (!h.allowed) throw tooManyWrongPasswords(h.retryAfterSeconds);
  }

  return {
    /** Creates a customer account and queues the verification mail in the same transaction. */
    async register(input: { email: string; password: string; name: string }): Promise<PublicUser> {
      const email = normaliseEmail(input.email);
      const name = normaliseText(input.name);
      if (name === '') throw validationFailed('/name', 'must not be blank');
      checkNewPassword('/password', input.password);
      const passwordHash = await hasher.hash(input.password);
      const now = clock.now();
      try {
        return await db.transaction().execute(async (trx) => {
          const user = await users.insertUser(trx, { email, name, passwordHash, now });
          const token = newToken();
          await tokens.insertToken(trx, { tokenHash: hashToken(token), userId: user.id, purpose: 'verify_email', now, expiresAt: new Date(now.getTime() + VERIFY_TTL_MS) });
          await mail.enqueue(trx, verificationEmail(publicUrl, email, name, token));
          return toPublicUser(user);
        });
      } catch (err) {
        throw translatePgError(err, USER_CONSTRAINTS);
      }
    },

    /** Checks the password (as long for unknown emails) and opens a session. */
    async login(input: { email: string; password: string }, meta: SessionMeta) {
      const email = normaliseEmail(input.email);
      await guardAccount(email);
      const found = await users.findCredentials(db, email);
      const ok = await hasher.verify(found?.password_hash ?? null, input.password);
      if (!found || !ok) {
        await limiter.hit(WRONG_PASSWORDS, email);
        throw invalidCredentials();
      }
      if (found.password_hash && hasher.needsRehash(found.password_hash)) {
        await users.setPasswordHash(db, found.id, await hasher.hash(input.password), clock.now());
      }
      const session = await sessions.create(db, found.id, meta);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: toPublicUser(found) };
    },

    /** Marks the email of the token's user as verified; a token works once. */
    async verifyEmail(token: string): Promise<void> {
      const userId = await db.transaction().execute(async (trx) => {
        const id = await tokens.consumeToken(trx, hashToken(token), 'verify_email', clock.now());
        if (id) await users.updateUser(trx, id, { email_verified: true }, clock.now());
        return id;
      });
      if (!userId) throw invalidToken();
      await sessions.forgetUser(userId);
    },

    /** Mails a fresh verification link to a signed-in user whose email is not verified yet. */
    async resendVerification(userId: string): Promise<void> {
      const user = await users.findUser(db, userId);
      if (!user?.email || user.email_verified) return;
      const now = clock.now();
      const token = newToken();
      await db.transaction().execute(async (trx) => {
        await tokens.retireTokens(trx, user.id, now, 'verify_email');
        await tokens.insertToken(trx, { tokenHash: hashToken(token), userId: user.id, purpose: 'verify_email', now, expiresAt: new Date(now.getTime() + VERIFY_TTL_MS) });
        await mail.enqueue(trx, verificationEmail(publicUrl, user.email as string, user.name, token));
      });
    },

    /** Mails a reset link when the account exists and has not had its hourly share; answers the same either way. */
    async requestPasswordReset(rawEmail: string): Promise<void> {
      const email = normaliseEmail(rawEmail);
      const user = await users.findCredentials(db, email);
      if (!user?.email) return;
      const now = clock.now();
      const token = newToken();
      await db.transaction().execute(async (trx) => {
        // Requests for one account queue on its row, so the cap holds however many arrive at once.
        await users.lockUser(trx, user.id);
        const hourAgo = new Date(now.getTime() - 60 * 60_000);
        if ((await tokens.countIssuedSince(trx, user.id, 'password_reset', hourAgo)) >= RESET_MAILS_PER_HOUR) return;
        // Only the latest link works: an older one lying in a mailbox is retired.
        await tokens.retireTokens(trx, user.id, now, 'password_reset');
        await tokens.insertToken(trx, { tokenHash: hashToken(token), userId: user.id, purpose: 'password_reset', now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) });
        await mail.enqueue(trx, passwordResetEmail(publicUrl, user.email as string, user.name, token));
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

    guardAccount,
    checkNewPassword,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
