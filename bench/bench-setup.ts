// What every benchmark starts from: a fresh database (on the PostgreSQL server of DATABASE_URL when
// it is set, dropped afterwards; else an in-memory PGlite) and the app's settings for a quiet run.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { freshPostgresDatabase } from '../test/support/backends.ts';

export async function openBenchDatabase(
  databaseUrl: string | undefined,
): Promise<{ database: Database; url: string | undefined; drop(): Promise<void> }> {
  if (!databaseUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, url: undefined, drop: () => database.close() };
  }
  return freshPostgresDatabase(databaseUrl, 'marquee_bench');
}

/** Settings for a benchmark app: ephemeral ports, no logs, no demo, limits out of the way; `extra` overrides. */
export function benchConfig(services: { redisUrl?: string | undefined }, extra: Record<string, string> = {}): Config {
  return loadConfig({
    PORT: '0',
    GRPC_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    CINEMA_DEMO: 'false',
    DATA_DIR: path.join(os.tmpdir(), `marquee-bench-${process.pid}`),
    RATE_LIMIT_PER_MINUTE: '1000000',
    // All load comes from one address standing for many clients; the per-process search limit stays.
    SEARCH_MAX_PER_CLIENT: '100000',
    // A chain in production names its seller: without one, receipts wait (and their jobs retry) for it.
    SELLER_LEGAL_NAME: 'Marquee Bench Chain GmbH',
    SELLER_LEGAL_ADDRESS: 'Benchstraße 1, 10115 Berlin',
    SELLER_COUNTRY: 'DE',
    SELLER_TIMEZONE: 'Europe/Berlin',
    SELLER_TAX_RATES: 'tickets:7,food:19,default:19',
    REDIS_PREFIX: `marquee-bench:${process.pid}:`,
    ...(services.redisUrl ? { REDIS_URL: services.redisUrl } : {}),
    ...extra,
  });
}

type BenchApp = Awaited<ReturnType<typeof buildApp>>;

/** `count` verified users (emails `${prefix}-${i}-…`, names `${name} ${i}`), each with a session; their tokens in order. */
export async function benchTokens(
  app: BenchApp,
  db: Kysely<DB>,
  count: number,
  opts: { prefix: string; name: string; role?: (i: number) => 'customer' | 'staff' },
): Promise<string[]> {
  const users = await db
    .insertInto('users')
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `${opts.prefix}-${i}-${randomBytes(3).toString('hex')}@example.test`,
        name: `${opts.name} ${i}`,
        role: opts.role?.(i) ?? ('customer' as const),
        email_verified: true,
      })),
    )
    .returning('id')
    .execute();
  const tokens: string[] = [];
  for (const u of users)
    tokens.push((await app.modules.accounts.sessions.create(db, u.id, { userAgent: 'bench', ip: '127.0.0.1' })).token);
  return tokens;
}

/** The value at percentile `p` of an ascending list (0 when empty). */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
