// Catalog reads come from a cache that is correct across processes. Design: every cache key embeds
// a generation read from the shared Kv (Redis when configured) on each request; a write bumps the
// generation after it commits, so the next read on any process misses and recomputes. Entries
// live in the Kv (shared) and in a small in-process map (no round trip for the body); both are
// keyed by generation, so neither can serve an entry older than the last write.
//
// Two generations, so a read costs one Kv round trip: `content` keys everything without seat
// availability and is bumped by every catalog write; `live` keys entries that carry
// `seatsAvailable` and is bumped by every catalog write too and by invalidateShowtime when booking
// changes claims. Live entries also embed a 2-second bucket of the business clock and live 5 s in
// the Kv: a hold that lapses by itself (no write happens) shows within 2 s. Concurrent misses of
// one key in a process share one computation.
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kv } from '../../platform/cache/kv.ts';
import type { Clock } from '../../platform/clock.ts';
import { etagOf, matchesEtag } from '../../platform/http/etag.ts';

export interface CachedBody {
  body: string;
  etag: string;
  /** The body as UTF-8, encoded once per process rather than once per response. */
  bytes?: Buffer;
  value?: unknown;
}

interface ReadOptions {
  /** The entry includes seat availability (see above). */
  live?: boolean;
  /** The answer depends on the clock (e.g. "showing from now on"): recompute per bucket of this size. */
  bucketMs?: number;
  /** How long the shared copy lives (default an hour; orphaned generations simply expire). */
  ttlMs?: number;
}

export interface CatalogCache {
  /** The serialised answer under `key`, computed on a miss. */
  read(key: string, compute: () => Promise<unknown>, options?: ReadOptions): Promise<CachedBody>;
  /** The same, parsed (and revived) once per process and frozen: callers must not mutate it. */
  value<T>(key: string, compute: () => Promise<T>, revive: (json: unknown) => T, options?: ReadOptions): Promise<T>;
  /** After a committed catalog write: every process misses on its next read. */
  contentChanged(): Promise<void>;
  /** After seat claims changed (booking calls this through invalidateShowtime). */
  liveChanged(): Promise<void>;
}

const LIVE_BUCKET_MS = 2000;
const LIVE_TTL_MS = 5000;
const CONTENT_TTL_MS = 60 * 60 * 1000;
// The in-process copies are bounded by size (a list of 100 movies is ~100 KB), oldest out first.
const LOCAL_MAX_BYTES = 64 * 1024 * 1024;
const GEN_CONTENT = 'catalog:gen:content';
const GEN_LIVE = 'catalog:gen:live';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function createCatalogCache(deps: { kv: Kv; clock: Clock }): CatalogCache {
  const { kv, clock } = deps;
  const local = new Map<string, CachedBody>();
  let localBytes = 0;
  const inflight = new Map<string, Promise<CachedBody>>();
  let liveBump: Promise<void> | null = null;

  async function fetchGeneration(name: string): Promise<string> {
    const current = await kv.get(name);
    if (current) return current;
    // First use (or the Kv lost it): any fresh value is safe, it only causes misses.
    const fresh = randomUUID();
    await kv.set(name, fresh);
    return fresh;
  }

  // Reads arriving together share one Kv read, sent after all of them arrived (never one already
  // on its way, which could predate a write that finished before a later read began).
  const batches = new Map<string, Promise<string>>();
  function generation(name: string): Promise<string> {
    let batch = batches.get(name);
    if (!batch) {
      batch = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        batches.delete(name);
        return fetchGeneration(name);
      });
      batches.set(name, batch);
    }
    return batch;
  }

  // Body as UTF-16 text plus its UTF-8 bytes, roughly three bytes per character.
  const sizeOf = (entry: CachedBody) => entry.body.length * 3 + 200;

  function remember(key: string, entry: CachedBody): void {
    if (local.has(key)) return;
    localBytes += sizeOf(entry);
    local.set(key, entry);
    for (const [oldKey, old] of local) {
      if (localBytes <= LOCAL_MAX_BYTES) break;
      local.delete(oldKey);
      localBytes -= sizeOf(old);
    }
  }

  async function read(key: string, compute: () => Promise<unknown>, options: ReadOptions = {}): Promise<CachedBody> {
    const gen = await generation(options.live ? GEN_LIVE : GEN_CONTENT);
    const bucketMs = options.live ? Math.min(options.bucketMs ?? LIVE_BUCKET_MS, LIVE_BUCKET_MS) : options.bucketMs;
    const bucket = bucketMs ? Math.floor(clock.now().getTime() / bucketMs) : 0;
    const fullKey = `catalog:${options.live ? 'l' : 'c'}:${gen}:${bucket}:${key}`;
    const hit = local.get(fullKey);
    if (hit) return hit;
    let pending = inflight.get(fullKey);
    if (!pending) {
      pending = fill(fullKey, compute, options.live ? LIVE_TTL_MS : (options.ttlMs ?? CONTENT_TTL_MS)).finally(() =>
        inflight.delete(fullKey),
      );
      inflight.set(fullKey, pending);
    }
    return pending;
  }

  async function fill(fullKey: string, compute: () => Promise<unknown>, ttlMs: number): Promise<CachedBody> {
    const shared = await kv.get(fullKey);
    if (shared) {
      const entry = JSON.parse(shared) as CachedBody;
      remember(fullKey, entry);
      return entry;
    }
    const body = JSON.stringify(await compute());
    const entry: CachedBody = { body, etag: etagOf(body) };
    remember(fullKey, entry);
    // The answer need not wait for the shared copy: a late or failed write only costs a miss.
    kv.set(fullKey, JSON.stringify({ body, etag: entry.etag }), ttlMs).catch(() => {});
    return entry;
  }

  return {
    read,
    async value(key, compute, revive, options) {
      const entry = await read(key, compute, options);
      if (!('value' in entry)) entry.value = deepFreeze(revive(JSON.parse(entry.body)));
      return entry.value as never;
    },
    async contentChanged() {
      await Promise.all([kv.set(GEN_CONTENT, randomUUID()), kv.set(GEN_LIVE, randomUUID())]);
    },
    liveChanged() {
      // Seat changes come by the hundred a second in a rush: changes made before one bump are all
      // covered by it, so callers in one turn of the event loop share a single write.
      liveBump ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        liveBump = null;
        return kv.set(GEN_LIVE, randomUUID());
      });
      return liveBump;
    },
  };
}

/** Public reads revalidate every time (a write shows at once) but cost only a 304 when unchanged. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** Sends a cached JSON body with its ETag, or 304 when the client has it already. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CachedBody,
  cacheControl = PUBLIC_CACHE_CONTROL,
): FastifyReply {
  reply.header('etag', entry.etag).header('cache-control', cacheControl);
  if (matchesEtag(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  entry.bytes ??= Buffer.from(entry.body);
  return reply.type('application/json; charset=utf-8').send(entry.bytes);
}
