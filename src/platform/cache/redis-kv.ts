// Kv on Redis, every key under REDIS_PREFIX. Redis only makes things fast (ARCHITECTURE.md), so an
// outage degrades instead of failing requests:
// - get answers a miss and set does nothing (the caller reads PostgreSQL instead);
// - del that fails is remembered: the key reads as a miss here and the delete is retried as soon as
//   Redis is back, so a revoked session cannot come back from a stale cache entry;
// - incr (rate limits) falls back to a per-process memory counter: limits stay enforced in each
//   process, only not shared between processes. We chose this over failing open entirely (no limit
//   during an outage) and over failing closed (429 or 503 for everyone while Redis is away).
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type Kv, MemoryKv } from './kv.ts';

// INCR and its window in one step: the window starts with the first increment and never slides.
const INCR_WINDOW = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

export class RedisKv implements Kv {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly fallbackCounters = new MemoryKv(10_000);
  private readonly pendingDeletes = new Set<string>();
  private readonly reconnectListeners: (() => void)[] = [];

  constructor(redis: Redis, prefix: string, logger: Logger) {
    this.redis = redis;
    this.prefix = prefix;
    this.logger = logger;
    redis.defineCommand('marqueeIncrWindow', { numberOfKeys: 1, lua: INCR_WINDOW });
    redis.on('ready', () => {
      void this.flushDeletes().then(() => {
        for (const listener of this.reconnectListeners) listener();
      });
    });
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  private degraded(op: string, err: unknown): void {
    this.logger.debug({ op, err: (err as Error).message }, 'redis kv degraded');
  }

  async get(key: string): Promise<string | null> {
    if (this.pendingDeletes.has(key)) {
      await this.flushDeletes();
      if (this.pendingDeletes.has(key)) return null;
    }
    try {
      return await this.redis.get(this.k(key));
    } catch (err) {
      this.degraded('get', err);
      return null;
    }
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    try {
      if (ttlMs) await this.redis.set(this.k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)));
      else await this.redis.set(this.k(key), value);
      this.pendingDeletes.delete(key);
    } catch (err) {
      this.degraded('set', err);
      // Whatever Redis still holds under this key is now older than what we meant to write (a
      // catalog generation, a session): it is deleted when Redis is back, and reads miss till then.
      this.pendingDeletes.add(key);
    }
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.del(...keys.map((key) => this.k(key)));
    } catch (err) {
      this.degraded('del', err);
      for (const key of keys) this.pendingDeletes.add(key);
    }
  }

  private async flushDeletes(): Promise<void> {
    if (this.pendingDeletes.size === 0) return;
    const keys = [...this.pendingDeletes];
    try {
      await this.redis.del(...keys.map((key) => this.k(key)));
      for (const key of keys) this.pendingDeletes.delete(key);
    } catch (err) {
      this.degraded('del', err);
    }
  }

  async incr(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    try {
      const run = (this.redis as unknown as { marqueeIncrWindow(k: string, w: number): Promise<[number, number]> })
        .marqueeIncrWindow;
      const [count, ttl] = await run.call(this.redis, this.k(key), Math.max(1, Math.ceil(windowMs)));
      return { count: Number(count), resetInMs: Number(ttl) };
    } catch (err) {
      this.degraded('incr', err);
      return this.fallbackCounters.incr(key, windowMs);
    }
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** The connection belongs to the infrastructure, which closes it. */
  async close(): Promise<void> {
    await this.fallbackCounters.close();
  }
}
