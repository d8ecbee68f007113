// A small key-value contract for caches, counters and session lookups: Redis when configured,
// process memory otherwise. Losing it loses nothing; PostgreSQL stays the record. While Redis is
// away reads are misses and writes are dropped (never errors); see redis-kv.ts for incr and del.

export interface Kv {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Adds one to a counter that lives `windowMs` from its first increment. */
  incr(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Calls `listener` each time the shared store is reachable again after being away (never for
   * process memory): what was cached elsewhere meanwhile may need forgetting.
   */
  onReconnect?(listener: () => void): void;
}

interface Entry {
  value: string;
  expiresAt: number;
}

/** In-process Kv for a single process (the embedded default and unit tests). */
export class MemoryKv implements Kv {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;

  constructor(maxEntries = 100_000) {
    this.maxEntries = maxEntries;
  }

  private live(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  async get(key: string): Promise<string | null> {
    return this.live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    // Map keeps insertion order, so the first key is the oldest: a crude but bounded eviction.
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: ttlMs ? Date.now() + ttlMs : Number.POSITIVE_INFINITY });
  }

  async del(...keys: string[]): Promise<void> {
    for (const k of keys) this.entries.delete(k);
  }

  async incr(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const e = this.live(key);
    if (!e) {
      await this.set(key, '1', windowMs);
      return { count: 1, resetInMs: windowMs };
    }
    e.value = String(Number(e.value) + 1);
    return { count: Number(e.value), resetInMs: e.expiresAt - Date.now() };
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {
    this.entries.clear();
  }
}
