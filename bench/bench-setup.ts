// What every benchmark starts from: a fresh database (on the PostgreSQL server of DATABASE_URL when
// it is set, dropped afterwards; else an in-memory PGlite) and the app's settings for a quiet run.
import os from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../src/config.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
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
    REDIS_PREFIX: `marquee-bench:${process.pid}:`,
    ...(services.redisUrl ? { REDIS_URL: services.redisUrl } : {}),
    ...extra,
  });
}
