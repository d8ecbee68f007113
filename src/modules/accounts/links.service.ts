// Mailed links (confirm the address, reset the password): their single-use tokens are minted here when
// notifications composes the email, so no token ever travels in an event. Only a token's SHA-256 is
// stored, with its expiry, counted from the minting.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import type { AccountsDb, TokenPurpose } from './accounts.tables.ts';
import { hashToken, newToken } from './sessions.service.ts';
import * as tokens from './tokens.store.ts';
import * as users from './users.store.ts';

/** How long a mailed link works. */
export const LINK_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 7 * 24 * 60 * 60_000,
  password_reset: 60 * 60_000,
};

export function createLinksService(deps: { database: ModuleDatabase; clock: Clock }) {
  const db = moduleDb<AccountsDb>(deps.database);
  return {
    /**
     * A fresh token for a link to mail the account; older unused ones of the purpose stop working (only
     * the latest link works). Null when there is nobody to mail it to: the account is erased, or for
     * `verify_email` its address is verified already.
     */
    async issue(userId: string, purpose: TokenPurpose): Promise<string | null> {
      const token = newToken();
      const now = deps.clock.now();
      const issued = await db.transaction().execute(async (trx) => {
        // Serialised with the account's erasure, which retires its tokens.
        await users.lockUser(trx, userId);
        const user = await users.findUser(trx, userId);
        if (!user?.email || (purpose === 'verify_email' && user.email_verified)) return false;
        await tokens.retireTokens(trx, userId, now, purpose);
        await tokens.insertToken(trx, {
          tokenHash: hashToken(token),
          userId,
          purpose,
          now,
          expiresAt: new Date(now.getTime() + LINK_TTL_MS[purpose]),
        });
        return true;
      });
      return issued ? token : null;
    },
  };
}

export type LinksService = ReturnType<typeof createLinksService>;
