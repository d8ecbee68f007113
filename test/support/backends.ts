// The databases every integration suite runs on: PGlite always; PostgreSQL when DATABASE_URL is
// given (CI gives it). Each test app gets its own fresh database, so suites never see each other.
import { randomBytes } from 'node:crypto';
import { testServiceUrls } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A new, empty database and a function that disposes of it. */
  create(): Promise<{ database: Database; url: string | undefined; drop(): Promise<void> }>;
}

export const services = testServiceUrls();

const pglite: Backend = {
  name: 'pglite',
  async create() {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, url: undefined, drop: () => database.close() };
  },
};

function postgres(baseUrl: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const pg = (await import('pg')).default;
      const name = `marquee_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 20 });
      return {
        database,
        url: url.toString(),
        async drop() {
          await database.close();
          const c = new pg.Client({ connectionString: baseUrl });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
        },
      };
    },
  };
}

/** The backends to run a suite on, in order. */
export function backends(): Backend[] {
  return services.databaseUrl ? [pglite, postgres(services.databaseUrl)] : [pglite];
}

/** Only the real PostgreSQL (multi-process and crash tests); empty when it is not configured. */
export function realPostgres(): Backend[] {
  return services.databaseUrl ? [postgres(services.databaseUrl)] : [];
}
