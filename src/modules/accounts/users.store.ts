// SQL for users. Emails arrive normalised (trimmed, NFC, lower case); erased users have none.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { Lang } from '../../platform/i18n.ts';
import type { AccountsDb } from './accounts.tables.ts';
import type { Role, StoredAvatar } from './accounts.tables.ts';

const userColumns = [
  'id',
  'email',
  'name',
  'phone',
  'role',
  'email_verified',
  'created_at',
  'language',
  'avatar',
] as const;

export interface UserRow {
  id: string;
  email: string | null;
  name: string;
  phone: string | null;
  role: Role;
  email_verified: boolean;
  created_at: Date;
  language: string;
  avatar: StoredAvatar | null;
}

export async function insertUser(
  db: Executor<AccountsDb>,
  u: { email: string; name: string; passwordHash: string; language: Lang; now: Date },
): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      language: u.language,
      created_at: u.now,
      updated_at: u.now,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}

export async function findUser(db: Executor<AccountsDb>, id: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .select(userColumns)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findCredentials(db: Executor<AccountsDb>, email: string) {
  return db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where('email', '=', email)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Locks a user's row until the transaction ends: changes to one account that must see each other queue here. */
export async function lockUser(db: Executor<AccountsDb>, id: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', id).forUpdate().execute();
}

export async function findPasswordHash(db: Executor<AccountsDb>, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'password_hash'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function setPasswordHash(db: Executor<AccountsDb>, id: string, hash: string, now: Date): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash, updated_at: now }).where('id', '=', id).execute();
}

export async function updateUser(
  db: Executor<AccountsDb>,
  id: string,
  changes: { name?: string; phone?: string | null; role?: Role; email_verified?: boolean; language?: Lang },
  now: Date,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning(userColumns)
    .executeTakeFirst();
}

/** Erases personal data; the row stays so paid bookings keep their reference for accounting. */
export async function eraseUser(db: Executor<AccountsDb>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      email: null,
      name: '',
      phone: null,
      password_hash: null,
      email_verified: false,
      avatar: null,
      deleted_at: now,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Creates the admin account or makes an existing one admin, in one statement (safe when two processes start together). */
export async function upsertAdmin(
  db: Executor<AccountsDb>,
  a: { email: string; passwordHash: string; now: Date },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      email: a.email,
      name: 'Administrator',
      role: 'admin',
      password_hash: a.passwordHash,
      email_verified: true,
      created_at: a.now,
      updated_at: a.now,
    })
    .onConflict((oc) =>
      oc
        .column('email')
        .where('email', 'is not', null)
        .doUpdateSet({ role: 'admin', password_hash: a.passwordHash, email_verified: true, updated_at: a.now }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Locks every live admin row and returns their ids. Two demotions at once queue on these locks, and
 * the second reads the first's committed change (READ COMMITTED re-checks a locked row), so between
 * them they can never remove the last admin.
 */
export async function lockAdmins(db: Executor<AccountsDb>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('deleted_at', 'is', null)
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

export interface UserQuery {
  q?: string | undefined;
  role?: Role | undefined;
  limit: number;
  after?: { createdAt: Date; id: string } | undefined;
}

/** Live users, newest first, keyset-paged on (created_at, id). */
export async function searchUsers(db: Executor<AccountsDb>, query: UserQuery): Promise<UserRow[]> {
  let q = db.selectFrom('users').select(userColumns).where('deleted_at', 'is', null);
  if (query.role) q = q.where('role', '=', query.role);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`(coalesce(email, '') || ' ' || name) ilike ${pattern}`);
  }
  if (query.after) {
    const { createdAt, id } = query.after;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
}

/** The user's avatar (null without one, or for no such live user); `forUpdate` inside a change. */
export async function findAvatar(
  db: Executor<AccountsDb>,
  id: string,
  forUpdate = false,
): Promise<StoredAvatar | null> {
  let q = db.selectFrom('users').select('avatar').where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst())?.avatar ?? null;
}

export async function setAvatar(
  db: Executor<AccountsDb>,
  id: string,
  avatar: StoredAvatar | null,
  now: Date,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ avatar: avatar === null ? null : JSON.stringify(avatar), updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returning(userColumns)
    .executeTakeFirst();
}

/** Every avatar file some user still shows, of those in `paths` (all of them when omitted): for media GC and deletes. */
export async function avatarPathsInUse(db: Executor<AccountsDb>, paths?: string[]): Promise<Set<string>> {
  if (paths && paths.length === 0) return new Set();
  let q = db
    .selectFrom('users')
    .select(sql<string>`jsonb_array_elements_text(avatar -> 'paths')`.as('path'))
    .where('avatar', 'is not', null);
  if (paths) q = q.where(sql<boolean>`avatar -> 'paths' ?| ${sql.val(paths)}::text[]`);
  return new Set((await q.execute()).map((r) => r.path));
}
