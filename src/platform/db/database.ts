// One Kysely over PostgreSQL (pg pool) or PGlite (the same PostgreSQL, in-process, in DATA_DIR).
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, type Transaction } from 'kysely';
import { usePreparedStatements } from './prepared-statements.ts';
import type { DB } from './schema.ts';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Kysely<DB>;
  kind: 'postgres' | 'pglite';
  /** Runs a multi-statement SQL script on one session (migrations). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as an uncompressed tarball, to start copies from (tests). */
  snapshot?(): Promise<Blob>;
}

export interface SqlSession {
  exec(sql: string): Promise<void>;
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite; `memory://` keeps it in memory (tests). */
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL only: named prepared statements (default true; false behind a transaction pooler). */
  preparedStatements?: boolean;
  /** PGlite only: start from this data directory tarball instead of an empty cluster (skips initdb). */
  loadDataDir?: Blob;
}

// bigint counts come back as numbers: every count we keep fits easily in 2^53.
const INT8_OID = 20;

/** Opens the database named by the options: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 20, options.preparedStatements ?? true);
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number, preparedStatements: boolean): Promise<Database> {
  const pg = (await import('pg')).default;
  const { PostgresDialect } = await import('kysely');
  pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000 });
  // A client losing its server (restart, failover, pg_terminate_backend) must not crash the process.
  // The pool listens to idle clients only; a checked-out one (mid-transaction, between statements)
  // emits 'error' with nobody listening, which Node turns into an uncaught exception. Its statements
  // fail on their own (503), and the pool drops it when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  pool.on('error', () => {});
  if (preparedStatements) usePreparedStatements(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows,
        });
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await db.destroy();
    },
  };
}

async function openPglite(dataDir: string, loadDataDir: Blob | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const where = dataDir.startsWith('memory://') ? dataDir : path.join(dataDir, 'pgdata');
  if (!where.startsWith('memory://')) fs.mkdirSync(where, { recursive: true });
  const client = await PGlite.create(where, {
    extensions: { pg_trgm, unaccent, btree_gist },
    parsers: { [INT8_OID]: (v: string) => Number(v) },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    // PGlite has one session; Kysely's driver queues users of it, so migrations take it the same way.
    async withSession(fn) {
      return db.connection().execute(() =>
        fn({
          exec: async (sql) => {
            await client.exec(sql);
          },
          query: async (sql, params) => (await client.query(sql, params)).rows as never,
        }),
      );
    },
    async ping() {
      await client.query('select 1');
    },
    snapshot: () => client.dumpDataDir('none'),
    async close() {
      await db.destroy();
    },
  };
}
