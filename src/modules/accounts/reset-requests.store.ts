// SQL for password-reset requests, counted per account and hour when they are made (the mail's token
// is minted later, when the email is composed).
import type { Executor } from '../../platform/db/database.ts';
import type { AccountsDb } from './accounts.tables.ts';

/** How many reset mails the account asked for since `since`. */
export async function countRequestsSince(db: Executor<AccountsDb>, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('password_reset_requests')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('requested_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records an accepted request and forgets the account's requests older than `forgetBefore`. */
export async function recordRequest(
  db: Executor<AccountsDb>,
  userId: string,
  now: Date,
  forgetBefore: Date,
): Promise<void> {
  await db
    .deleteFrom('password_reset_requests')
    .where('user_id', '=', userId)
    .where('requested_at', '<=', forgetBefore)
    .execute();
  await db.insertInto('password_reset_requests').values({ user_id: userId, requested_at: now }).execute();
}
