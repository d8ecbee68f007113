// The admin account named by CINEMA_ADMIN_EMAIL/CINEMA_ADMIN_PASSWORD, ensured at every start-up:
// created, or promoted with that password set and the email verified. One upsert, so two processes
// starting together both succeed and leave one account.
import type { Logger } from 'pino';
import { moduleDb } from '../../platform/db/module-db.ts';
import type { AccountsDeps } from './accounts.deps.ts';
import type { AccountsDb } from './accounts.tables.ts';
import { normaliseEmail } from './accounts.deps.ts';
import { passwordWeakness } from './passwords.ts';
import { upsertAdmin } from './users.store.ts';

/** Creates or promotes the configured admin account. */
export async function ensureAdminAccount(
  deps: Pick<AccountsDeps, 'database' | 'clock' | 'hasher' | 'sessions'> & { logger: Logger },
  admin: { email: string; password: string },
): Promise<string> {
  const email = normaliseEmail(admin.email);
  if (passwordWeakness(admin.password))
    deps.logger.warn({ email }, 'CINEMA_ADMIN_PASSWORD is weak; choose a longer, uncommon one');
  const passwordHash = await deps.hasher.hash(admin.password);
  const id = await upsertAdmin(moduleDb<AccountsDb>(deps.database), { email, passwordHash, now: deps.clock.now() });
  await deps.sessions.forgetUser(id);
  deps.logger.info({ email }, 'admin account ensured');
  return id;
}
