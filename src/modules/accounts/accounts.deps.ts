// What the accounts services are built from (wired in accounts.module.ts), and the shared helpers.
import type { Kv } from '../../platform/cache/kv.ts';
import { langOf } from '../../platform/i18n.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ModuleDatabase } from '../../platform/db/module-db.ts';
import type { PublicUser } from './accounts.schemas.ts';
import type { PasswordHasher } from './passwords.ts';
import type { SessionService } from './sessions.service.ts';
import type { UserRow } from './users.store.ts';

export interface AccountsDeps {
  database: ModuleDatabase;
  kv: Kv;
  clock: Clock;
  sessions: SessionService;
  hasher: PasswordHasher;
}

/** Emails are compared and stored trimmed, NFC-normalised and in lower case. */
export const normaliseEmail = (email: string) => email.normalize('NFC').trim().toLowerCase();
export const normaliseText = (text: string) => text.normalize('NFC').trim();

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    role: row.role,
    emailVerified: row.email_verified,
    createdAt: row.created_at.toISOString(),
    language: langOf(row.language),
    avatarUrl: row.avatar?.url ?? null,
  };
}
