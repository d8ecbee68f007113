// The database a benchmark runs on: a fresh one on the PostgreSQL server of DATABASE_URL when it is
// set (dropped afterwards), else an in-memory PGlite.
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
