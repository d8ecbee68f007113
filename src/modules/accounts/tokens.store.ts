// SQL for mailed single-use tokens. Only their SHA-256 is stored.
import type { Executor } from '../../platform/db/database.ts';
import type { AccountsDb } from './accounts.tables.ts';
import type { TokenPurpose } from './accounts.tables.ts';

export async function insertToken(
  db: Executor<AccountsDb>,
  t: { tokenHash: string; userId: string; purpose: TokenPurpose; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('account_tokens')
    .values({
      token_hash: t.tokenHash,
      user_id: t.userId,
      purpose: t.purpose,
      created_at: t.now,
      expires_at: t.expiresAt,
    })
    .execute();
}

/** Uses a token: marks it used and returns its user, only if it is unused, unexpired and for this purpose. */
export async function consumeToken(
  db: Executor<AccountsDb>,
  tokenHash: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<string | undefined> {
  const row = await db
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

/** Retires every outstanding token of a user for a purpose (after a reset, or on erasure). */
export async function retireTokens(
  db: Executor<AccountsDb>,
  userId: string,
  now: Date,
  purpose?: TokenPurpose,
): Promise<void> {
  let q = db
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null);
  if (purpose) q = q.where('purpose', '=', purpose);
  await q.execute();
}
