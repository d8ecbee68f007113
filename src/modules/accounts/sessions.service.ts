// Sessions: opaque 256-bit tokens, stored hashed in PostgreSQL, looked up through the Kv cache so an
// authenticated request usually costs no database round trip. Revocation drops the cache entry at
// once, and with Redis that is at once for every process. The cached entry also carries the user's
// public profile, so GET /me costs one cache read in all; any change to a user forgets its entries.
// A drop can be lost (a process cut off from Redis, or one without Redis at all keeping its own
// copy), so a cached copy lives only SESSION_CACHE_TTL_MS: a revoked session is refused everywhere
// within that long whatever happens to Redis, for one database read per active session that often.
import { createHash, randomBytes } from 'node:crypto';
import type { Kv } from '../../platform/cache/kv.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { type ModuleDatabase, moduleDb, narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import type { Principal, ResolvedSession, SessionResolver } from '../../platform/http/auth.ts';
import { toPublicUser } from './accounts.deps.ts';
import type { PublicUser } from './accounts.schemas.ts';
import type { AccountsDb } from './accounts.tables.ts';
import * as store from './sessions.store.ts';

const DAY = 24 * 60 * 60 * 1000;
/** A session ends after this long unused… */
export const SESSION_IDLE_MS = 14 * DAY;
/** …and this long after sign-in whatever happens. */
const SESSION_MAX_MS = 30 * DAY;
/** How old a cached session may be: the longest a revoked session can still be accepted (README). */
export const SESSION_CACHE_TTL_MS = 5_000;
const CACHE_TTL_MS = SESSION_CACHE_TTL_MS;
// last_seen_at (and with it the sliding end) is written at most this often.
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

interface Cached {
  id: string;
  userId: string;
  role: Principal['role'];
  user: PublicUser;
  expiresAt: number;
  maxExpiresAt: number;
  lastSeenAt: number;
  enrolmentOnly?: boolean;
}

export interface SessionService extends SessionResolver {
  /** Signs a user in: a new session and its token (returned once, never stored). */
  create(
    trx: SharedTx,
    userId: string,
    meta: { userAgent?: string | undefined; ip?: string | undefined; enrolmentOnly?: boolean },
  ): Promise<{ id: string; token: string; expiresAt: Date }>;
  /** Revokes one session of a user; false when it was not theirs or not live. */
  revoke(userId: string, sessionId: string): Promise<boolean>;
  /** Revokes every session of a user, except one when given. */
  revokeAll(trx: SharedTx, userId: string, exceptSessionId?: string): Promise<string[]>;
  /** Drops cached copies (after revocations committed, or a role change). */
  forget(tokenHashes: string[]): Promise<void>;
  /** Drops every cached session of a user: after a change to their role or profile. */
  forgetUser(userId: string): Promise<void>;
  /** The profile loaded with this principal's session, when it came through resolve(). */
  profileOf(principal: Principal): PublicUser | undefined;
  /**
   * Drops the cached copies of sessions revoked or users changed within a cache lifetime. Run at
   * start and whenever Redis is back: a revocation whose cache delete failed while Redis was away
   * (and was kept only in a process that may have restarted) takes effect then, not a minute later.
   */
  forgetRecentChanges(): Promise<void>;
  /** Live sessions of a user, newest first; `limit` rows at most. */
  list(
    userId: string,
    paging: Parameters<typeof store.listUserSessions>[3],
  ): Promise<Awaited<ReturnType<typeof store.listUserSessions>>>;
}

export function createSessionService(deps: { database: ModuleDatabase; kv: Kv; clock: Clock }): SessionService {
  const { database, kv, clock } = deps;
  const db = moduleDb<AccountsDb>(database);
  const cacheKey = (hash: string) => `session:${hash}`;
  // The profile read along with each resolved session, for the rest of that request only.
  const profiles = new WeakMap<Principal, PublicUser>();

  async function forgetRecentChanges(): Promise<void> {
    const since = new Date(clock.now().getTime() - CACHE_TTL_MS - 5_000);
    const hashes = await store.changedSince(db, since);
    for (let i = 0; i < hashes.length; i += 1000) await kv.del(...hashes.slice(i, i + 1000).map(cacheKey));
  }
  kv.onReconnect?.(() => void forgetRecentChanges().catch(() => {}));

  // Database reads in flight by token hash: when a cached copy lapses under a crowd of requests
  // on one session, one read serves them all.
  const reading = new Map<string, Promise<Cached | null>>();

  async function load(hash: string, now: Date): Promise<Cached | null> {
    const cached = await kv.get(cacheKey(hash));
    if (cached) return JSON.parse(cached) as Cached;
    let read = reading.get(hash);
    if (!read) {
      read = remember(db, hash, now).finally(() => reading.delete(hash));
      reading.set(hash, read);
    }
    return read;
  }

  /** Reads the session from the database into the cache; null when it is not live. */
  async function remember(from: Executor<AccountsDb>, hash: string, now: Date): Promise<Cached | null> {
    const row = await store.findLiveSession(from, hash, now);
    if (!row) return null;
    const value: Cached = {
      id: row.id,
      userId: row.userId,
      role: row.role,
      user: toPublicUser(row.user),
      expiresAt: row.expiresAt.getTime(),
      maxExpiresAt: row.maxExpiresAt.getTime(),
      lastSeenAt: row.lastSeenAt.getTime(),
      ...(row.enrolmentOnly ? { enrolmentOnly: true } : {}),
    };
    await kv.set(cacheKey(hash), JSON.stringify(value), CACHE_TTL_MS);
    return value;
  }

  const service: SessionService = {
    async resolve(token) {
      const hash = hashToken(token);
      const now = clock.now();
      const s = await load(hash, now);
      if (!s || s.expiresAt <= now.getTime()) {
        if (s) await kv.del(cacheKey(hash));
        return null;
      }
      const principal: Principal = { userId: s.userId, role: s.role, sessionId: s.id };
      if (s.enrolmentOnly) principal.enrolmentOnly = true;
      const resolved: ResolvedSession = { principal };
      if (now.getTime() - s.lastSeenAt > TOUCH_EVERY_MS) {
        const expiresAt = Math.min(now.getTime() + SESSION_IDLE_MS, s.maxExpiresAt);
        // Only a live session slides: a copy cached before a revocation must not be re-cached by it.
        if (!(await store.touchSession(db, s.id, now, new Date(expiresAt)))) {
          await kv.del(cacheKey(hash));
          return null;
        }
        await kv.set(cacheKey(hash), JSON.stringify({ ...s, lastSeenAt: now.getTime(), expiresAt }), CACHE_TTL_MS);
        resolved.extendedForSeconds = Math.floor((expiresAt - now.getTime()) / 1000);
      }
      profiles.set(principal, s.user);
      return resolved;
    },

    async create(tx, userId, meta) {
      const trx = narrowTx<AccountsDb>(tx);
      const token = newToken();
      const now = clock.now();
      const maxExpiresAt = new Date(now.getTime() + SESSION_MAX_MS);
      const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, maxExpiresAt.getTime()));
      const id = await store.insertSession(trx, {
        userId,
        tokenHash: hashToken(token),
        now,
        expiresAt,
        maxExpiresAt,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
        ip: meta.ip ?? null,
        enrolmentOnly: meta.enrolmentOnly ?? false,
      });
      // Cached at once, so the first request after signing in costs no database read either. The
      // token exists nowhere else until this transaction commits and it is handed out.
      await remember(trx, hashToken(token), now);
      return { id, token, expiresAt };
    },

    async revoke(userId, sessionId) {
      const hash = await store.revokeSession(db, userId, sessionId, clock.now());
      if (hash) await kv.del(cacheKey(hash));
      return hash !== undefined;
    },

    async revokeAll(trx, userId, exceptSessionId) {
      return store.revokeUserSessions(narrowTx<AccountsDb>(trx), userId, clock.now(), exceptSessionId);
    },

    async forget(hashes) {
      if (hashes.length > 0) await kv.del(...hashes.map(cacheKey));
    },

    forgetRecentChanges,

    async forgetUser(userId) {
      const rows = await db
        .selectFrom('sessions')
        .select('token_hash')
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
      await service.forget(rows.map((r) => r.token_hash));
    },

    profileOf: (principal) => profiles.get(principal),

    list: (userId, paging) => store.listUserSessions(db, userId, clock.now(), paging),
  };
  return service;
}
