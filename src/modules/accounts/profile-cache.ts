// The public profile of a user, cached in the Kv so GET /me (the busiest authenticated call) costs
// no database round trip. Every change to a user drops the entry; PostgreSQL stays the record.
import type { Kv } from '../../platform/cache/kv.ts';
import type { Executor } from '../../platform/db/database.ts';
import { toPublicUser } from './accounts.deps.ts';
import type { PublicUser } from './accounts.schemas.ts';
import { findUser } from './users.store.ts';

const TTL_MS = 5 * 60_000;

export interface ProfileCache {
  get(userId: string): Promise<PublicUser | null>;
  forget(userId: string): Promise<void>;
}

export function createProfileCache(kv: Kv, db: Executor): ProfileCache {
  const key = (userId: string) => `profile:${userId}`;
  return {
    async get(userId) {
      const cached = await kv.get(key(userId));
      if (cached) return JSON.parse(cached) as PublicUser;
      const row = await findUser(db, userId);
      if (!row) return null;
      const user = toPublicUser(row);
      await kv.set(key(userId), JSON.stringify(user), TTL_MS);
      return user;
    },
    forget: (userId) => kv.del(key(userId)),
  };
}
