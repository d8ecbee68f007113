// Test data made directly, quickly. Users get a live session so suites can call the API as them.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/modules/accounts/accounts.tables.ts';
import type { TestApp } from './test-app.ts';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

/** A verified user with a session (no password: sign-in flows are tested through the API). */
export async function makeUser(
  t: TestApp,
  options: { role?: Role; email?: string; name?: string } = {},
): Promise<TestUser> {
  const role = options.role ?? 'customer';
  const email = options.email ?? `${role}-${randomBytes(5).toString('hex')}@example.test`;
  const db = t.app.platform.database.db;
  const user = await db
    .insertInto('users')
    .values({ email, name: options.name ?? `Test ${role}`, role, email_verified: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await t.app.modules.accounts.sessions.create(db, user.id, { userAgent: 'factory', ip: '127.0.0.1' });
  return { id: user.id, email, role, token: session.token };
}
