// SQL for sessions. Tokens are never stored, only their SHA-256.
import type { Executor } from '../../platform/db/database.ts';
import type { AccountsDb } from './accounts.tables.ts';
import type { Role } from './accounts.tables.ts';
import type { UserRow } from './users.store.ts';

interface SessionRow {
  id: string;
  userId: string;
  role: Role;
  user: UserRow;
  expiresAt: Date;
  maxExpiresAt: Date;
  lastSeenAt: Date;
  enrolmentOnly: boolean;
}

export async function insertSession(
  db: Executor<AccountsDb>,
  s: {
    userId: string;
    tokenHash: string;
    now: Date;
    expiresAt: Date;
    maxExpiresAt: Date;
    userAgent: string | null;
    ip: string | null;
    enrolmentOnly?: boolean;
  },
): Promise<string> {
  const row = await db
    .insertInto('sessions')
    .values({
      user_id: s.userId,
      token_hash: s.tokenHash,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      max_expires_at: s.maxExpiresAt,
      user_agent: s.userAgent,
      ip: s.ip,
      enrolment_only: s.enrolmentOnly ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The live session for a token hash, with its user's current role and profile. */
export async function findLiveSession(
  db: Executor<AccountsDb>,
  tokenHash: string,
  now: Date,
): Promise<SessionRow | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.user_id',
      'users.role',
      'sessions.expires_at',
      'sessions.max_expires_at',
      'sessions.last_seen_at',
      'sessions.enrolment_only',
      'users.email',
      'users.name',
      'users.phone',
      'users.email_verified',
      'users.created_at',
      'users.language',
      'users.avatar',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    role: row.role,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      phone: row.phone,
      role: row.role,
      email_verified: row.email_verified,
      created_at: row.created_at,
      language: row.language,
      avatar: row.avatar,
    },
    expiresAt: row.expires_at,
    maxExpiresAt: row.max_expires_at,
    lastSeenAt: row.last_seen_at,
    enrolmentOnly: row.enrolment_only,
  };
}

/**
 * A second factor was enrolled from `sessionId`: that session loses its enrolment-only limit, and the
 * user's other enrolment-only sessions are revoked (whoever holds them knew only the password).
 * Answers the token hashes of both, so caches can drop them.
 */
export async function liftEnrolmentOnly(
  db: Executor<AccountsDb>,
  userId: string,
  sessionId: string,
  now: Date,
): Promise<string[]> {
  const lifted = await db
    .updateTable('sessions')
    .set({ enrolment_only: false })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('enrolment_only', '=', true)
    .where('revoked_at', 'is', null)
    .returning('token_hash')
    .execute();
  const revoked = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('id', '!=', sessionId)
    .where('enrolment_only', '=', true)
    .where('revoked_at', 'is', null)
    .returning('token_hash')
    .execute();
  return [...lifted, ...revoked].map((r) => r.token_hash);
}

/** Slides a live session's end; false when it has been revoked meanwhile. */
export async function touchSession(db: Executor<AccountsDb>, id: string, now: Date, expiresAt: Date): Promise<boolean> {
  const row = await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Revokes sessions of a user (all, or all but one); returns the token hashes so caches can drop them. */
export async function revokeUserSessions(
  db: Executor<AccountsDb>,
  userId: string,
  now: Date,
  exceptId?: string,
): Promise<string[]> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.returning('token_hash').execute()).map((r) => r.token_hash);
}

export async function revokeSession(
  db: Executor<AccountsDb>,
  userId: string,
  id: string,
  now: Date,
): Promise<string | undefined> {
  const row = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('token_hash')
    .executeTakeFirst();
  return row?.token_hash;
}

/** Live sessions of a user, newest first, keyset-paged on (created_at, id); fetches `limit` rows. */
export async function listUserSessions(
  db: Executor<AccountsDb>,
  userId: string,
  now: Date,
  paging: { limit: number; after?: { createdAt: Date; id: string } | undefined },
) {
  let q = db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
  if (paging.after) {
    const { createdAt, id } = paging.after;
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(paging.limit).execute();
}

/** Token hashes of sessions revoked, or of users changed, since `since`: their cached copies may be stale. */
export async function changedSince(db: Executor<AccountsDb>, since: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('s.token_hash')
    .where((eb) => eb.or([eb('s.revoked_at', '>=', since), eb('u.updated_at', '>=', since)]))
    .execute();
  return rows.map((r) => r.token_hash);
}
