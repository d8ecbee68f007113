// The signed-in user's own account (profile, password, sessions, erasure) and the admin's view of users.
import type { Executor } from '../../platform/db/database.ts';
import { moduleDb } from '../../platform/db/module-db.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { Lang } from '../../platform/i18n.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodePosition, pageOf } from '../../platform/http/cursor.ts';
import { unauthorized, validationFailed } from '../../platform/errors.ts';
import { type AccountsDeps, normaliseText, toPublicUser } from './accounts.deps.ts';
import { lastAdmin, sessionNotFound, userNotFound, wrongPassword } from './accounts.errors.ts';
import type { PublicUser } from './accounts.schemas.ts';
import type { AccountsDb, Role, StoredAvatar } from './accounts.tables.ts';
import type { AuthService } from './auth.service.ts';
import * as devices from './devices.store.ts';
import { eraseFactors } from './second-factors.store.ts';
import * as tokens from './tokens.store.ts';
import * as users from './users.store.ts';

export function createProfileService(
  deps: AccountsDeps & {
    auth: AuthService;
    /** Deletes an erased account's avatar files once the erasure has committed. */
    removeAvatarFiles: (avatar: StoredAvatar | null) => Promise<void>;
  },
) {
  const { database, clock, sessions, hasher, auth } = deps;
  const db = moduleDb<AccountsDb>(database);

  /**
   * Checks the caller's own password again before a sensitive change, under the wrong-password
   * throttle: the account is the email, as for sign-in, and the session is the source.
   */
  async function confirmPassword(principal: Principal, password: string): Promise<string | null | undefined> {
    const found = await users.findPasswordHash(db, principal.userId);
    const account = found?.email ?? `user:${principal.userId}`;
    if (!(await auth.checkPassword(account, `session:${principal.sessionId}`, found, password))) throw wrongPassword();
    return found?.email;
  }

  /** Refuses (409 last_admin) to let the only admin stop being one; call inside the transaction that changes it. */
  async function keepAnAdmin(trx: Executor<AccountsDb>, userId: string): Promise<void> {
    const admins = await users.lockAdmins(trx);
    if (admins.length === 1 && admins[0] === userId) throw lastAdmin();
  }

  return {
    confirmPassword,

    /** The caller's profile: the copy cached with the session, else from the database. */
    async me(principal: Principal): Promise<PublicUser> {
      const cached = sessions.profileOf(principal);
      if (cached) return cached;
      const row = await users.findUser(db, principal.userId);
      if (!row) throw unauthorized();
      return toPublicUser(row);
    },

    /** Changes the caller's name, phone and language. */
    async updateMe(
      userId: string,
      patch: { name?: string; phone?: string | null; language?: Lang },
    ): Promise<PublicUser> {
      const changes: { name?: string; phone?: string | null; language?: Lang } = {};
      if (patch.language !== undefined) changes.language = patch.language;
      if (patch.name !== undefined) {
        changes.name = normaliseText(patch.name);
        if (changes.name === '') throw validationFailed('/name', 'must not be blank');
      }
      if (patch.phone !== undefined) changes.phone = patch.phone === null ? null : normaliseText(patch.phone);
      const row = await users.updateUser(db, userId, changes, clock.now());
      if (!row) throw unauthorized();
      await sessions.forgetUser(userId);
      return toPublicUser(row);
    },

    /** Changes the password after checking the current one; every other session ends. */
    async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
      await confirmPassword(principal, currentPassword);
      auth.checkNewPassword('/newPassword', newPassword);
      const hash = await hasher.hash(newPassword);
      const revoked = await db.transaction().execute(async (trx) => {
        await users.setPasswordHash(trx, principal.userId, hash, clock.now());
        return sessions.revokeAll(trx, principal.userId, principal.sessionId);
      });
      await sessions.forget(revoked);
    },

    /** Erases the caller's personal data and ends every session; bookings keep the bare user id. */
    async deleteMe(principal: Principal, password: string): Promise<void> {
      await confirmPassword(principal, password);
      const now = clock.now();
      const { revoked, avatar } = await db.transaction().execute(async (trx) => {
        await keepAnAdmin(trx, principal.userId);
        const avatar = await users.findAvatar(trx, principal.userId, true);
        await users.eraseUser(trx, principal.userId, now);
        // Others erase what they keep of the account (notifications: its mail) when they hear this.
        const erased = { userId: principal.userId };
        await addEvents(trx, [{ type: 'account.erased', aggregateId: principal.userId, payload: erased }]);
        await devices.forgetDevices(trx, principal.userId);
        await eraseFactors(trx, principal.userId);
        await tokens.retireTokens(trx, principal.userId, now);
        return { avatar, revoked: await sessions.revokeAll(trx, principal.userId) };
      });
      await sessions.forget(revoked);
      await deps.removeAvatarFiles(avatar);
    },

    /** The caller's live sessions, the current one flagged. */
    async listSessions(principal: Principal, paging: { limit: number; cursor?: string | undefined }) {
      const rows = await sessions.list(principal.userId, {
        limit: paging.limit + 1,
        after: decodePosition(paging.cursor, 'sessions') ?? undefined,
      });
      const { items: kept, nextCursor } = pageOf(rows, paging.limit, 'sessions', (s) => [
        s.created_at.toISOString(),
        s.id,
      ]);
      return {
        items: kept.map((s) => ({
          id: s.id,
          createdAt: s.created_at.toISOString(),
          lastSeenAt: s.last_seen_at.toISOString(),
          expiresAt: s.expires_at.toISOString(),
          userAgent: s.user_agent,
          ip: s.ip,
          current: s.id === principal.sessionId,
        })),
        nextCursor,
      };
    },

    /** Ends one of the caller's sessions; someone else's is not found. */
    async revokeSession(principal: Principal, sessionId: string): Promise<void> {
      if (!(await sessions.revoke(principal.userId, sessionId))) throw sessionNotFound();
    },

    /** Gives a user another role (never taking the last admin's); their cached sessions are dropped so it applies at once. */
    async setRole(userId: string, role: Role): Promise<PublicUser> {
      const row = await db.transaction().execute(async (trx) => {
        if (role !== 'admin') await keepAnAdmin(trx, userId);
        return users.updateUser(trx, userId, { role }, clock.now());
      });
      if (!row) throw userNotFound();
      await sessions.forgetUser(userId);
      return toPublicUser(row);
    },

    /** Users matching a search, newest first (admin). */
    async listUsers(query: {
      q?: string | undefined;
      role?: Role | undefined;
      limit: number;
      cursor?: string | undefined;
    }) {
      const q = query.q?.normalize('NFC').trim();
      const rows = await users.searchUsers(db, {
        q: q || undefined,
        role: query.role,
        limit: query.limit + 1,
        after: decodePosition(query.cursor, 'users') ?? undefined,
      });
      const { items: kept, nextCursor } = pageOf(rows, query.limit, 'users', (u) => [u.created_at.toISOString(), u.id]);
      return { items: kept.map(toPublicUser), nextCursor };
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
