// What other modules may read about a user, through accounts' own functions rather than its tables.
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { type Lang, langOf } from '../../platform/i18n.ts';
import type { AccountsDb } from './accounts.tables.ts';
import * as users from './users.store.ts';

export function createUsersService(deps: { database: ModuleDatabase }) {
  const db = moduleDb<AccountsDb>(deps.database);
  return {
    /**
     * The address, name and language to write to, as they are now; null when the account is erased
     * or has no address.
     */
    async contact(userId: string): Promise<{ email: string; name: string; language: Lang } | null> {
      const user = await users.findUser(db, userId);
      return user?.email ? { email: user.email, name: user.name, language: langOf(user.language) } : null;
    },
    /** The account's address once it is verified (lower-cased as stored); null until then or when erased. */
    async verifiedEmail(userId: string): Promise<string | null> {
      const user = await users.findUser(db, userId);
      return user?.email && user.email_verified ? user.email : null;
    },
    /** The avatar's URL (staff see it at the door); null without one or for an erased account. */
    async avatarUrl(userId: string): Promise<string | null> {
      return (await users.findAvatar(db, userId))?.url ?? null;
    },
    /** The account whose verified address this is (case ignored); null when none is verified. */
    async verifiedUserByEmail(email: string): Promise<string | null> {
      const user = await users.findCredentials(db, email.trim().toLowerCase());
      return user?.email_verified ? user.id : null;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
