// One Kysely over PostgreSQL (pg pool) or PGlite (the same PostgreSQL, in-process, in DATA_DIR).
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, sql, type Transaction } from 'kysely';
import { auditedDialect } from '../audit/audit-context.ts';
import { statementTracer } from '../telemetry/sql-tracing.ts';
import { guardedPool } from './guarded-pool.ts';
import { usePreparedStatements } from './prepared-statements.ts';
import type { DB } from './schema.ts';

/** A handle or a transaction on tables `T`: the whole database for the platform, a module's own tables for a module (module-db.ts). */
export type Executor<T = DB> = Kysely<T> | Transaction<T>;

export interface Database {
  db: Kysely<DB>;
  kind: 'postgres' | 'pglite';
  /** Runs a multi-statement SQL script on one session (migrations); it may change the session's settings. */
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
  /** PostgreSQL only: the waits on the server, in ms (defaults as in config.ts). */
  timeouts?: Partial<DatabaseTimeouts>;
}

export interface DatabaseTimeouts {
  /** Longest wait for a connection, new or from the pool. */
  connectMs: number;
  /** The server's statement_timeout (0: none); a statement outside a request waits this plus a margin. */
  statementMs: number;
  /** The server's idle_in_transaction_session_timeout (0: none). */
  idleInTransactionMs: number;
}

const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5000,
  statementMs: 30_000,
  idleInTransactionMs: 30_000,
};

// The client's own wait for a statement outlasts the server's statement_timeout by this much, so a
// server that is alive answers 57014 itself; only a silent one is cut off.
const STATEMENT_MARGIN_MS = 5000;

// bigint counts come back as numbers: every count we keep fits easily in 2^53.
const INT8_OID = 20;

/** Kysely's log hook making a span per statement, only while tracing is on (sql-tracing.ts). */
function tracedStatements(kind: Database['kind']): { log?: NonNullable<ReturnType<typeof statementTracer>> } {
  const log = statementTracer(kind);
  return log ? { log } : {};
}

/** Opens the database named by the options: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const timeouts = { ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts };
    return openPostgres(options.databaseUrl, options.poolSize ?? 20, options.preparedStatements ?? true, timeouts);
  }
  return openPglite(options.dataDir, options.loadDataDir);
}

async function openPostgres(
  url: string,
  poolSize: number,
  preparedStatements: boolean,
  timeouts: DatabaseTimeouts,
): Promise<Database> {
  const pg = (await import('pg')).default;
  const { PostgresDialect } = await import('kysely');
  pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: timeouts.connectMs,
    // Sent at connect, so every session has them (0 leaves the server's own setting).
    ...(timeouts.statementMs > 0 ? { statement_timeout: timeouts.statementMs } : {}),
    ...(timeouts.idleInTransactionMs > 0 ? { idle_in_transaction_session_timeout: timeouts.idleInTransactionMs } : {}),
  });
  // A client losing its server (restart, failover, pg_terminate_backend) must not crash the process.
  // The pool listens to idle clients only; a checked-out one (mid-transaction, between statements)
  // emits 'error' with nobody listening, which Node turns into an uncaught exception. Its statements
  // fail on their own (503), and the pool drops it when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  pool.on('error', () => {});
  if (preparedStatements) usePreparedStatements(pool);
  const queryTimeoutMs = timeouts.statementMs > 0 ? timeouts.statementMs + STATEMENT_MARGIN_MS : 0;
  const db = new Kysely<DB>({
    dialect: auditedDialect(
      new PostgresDialect({ pool: guardedPool(pool, { connectTimeoutMs: timeouts.connectMs, queryTimeoutMs }) }),
    ),
    ...tracedStatements('postgres'),
  });
  return {
    db,
    kind: 'postgres',
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          exec: async (text) => {
            await client.query(text);
          },
          query: async (text, params) => (await client.query(text, params)).rows,
        });
      } finally {
        // A session may have changed its settings (migrations lift the statement timeout), so its
        // connection is not handed to anyone else.
        client.release(true);
      }
    },
    async ping() {
      await sql`select 1`.execute(db);
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
  const db = new Kysely<DB>({ dialect: auditedDialect(new PGliteDialect(client)), ...tracedStatements('pglite') });
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
