// The databases every integration suite runs on: PGlite always; PostgreSQL when DATABASE_URL is
// given (CI gives it). Each test app gets its own fresh database, so suites never see each other.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { testServiceUrls } from '../../src/config.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

export interface Backend {
  name: 'pglite' | 'postgres';
  /**
   * A new database of its own and a function that disposes of it, already migrated unless `empty` is
   * asked for: PGlite ones load a snapshot (much faster than initdb), PostgreSQL ones are copies of a
   * template database. Either way `buildApp` migrates what is missing.
   */
  create(options?: {
    empty?: boolean;
  }): Promise<{ database: Database; url: string | undefined; drop(): Promise<void> }>;
}

export const services = testServiceUrls();

const root = path.resolve(import.meta.dirname, '../..');
const SNAPSHOT_DIR = path.join(os.tmpdir(), 'marquee-pglite-snapshots');
let template: Promise<Blob> | undefined;

/** Names the schema a snapshot holds: every migration, the migrator, how PGlite is opened and its version. */
async function schemaKey(): Promise<string> {
  const dir = path.join(root, 'src/platform/db/migrations');
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(await fs.readFile(path.join(dir, f)));
  hash.update(await fs.readFile(path.join(root, 'src/platform/db/migrate.ts')));
  hash.update(await fs.readFile(path.join(root, 'src/platform/db/database.ts')));
  hash.update(await fs.readFile(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  return hash.digest('hex').slice(0, 24);
}

/**
 * A migrated PGlite data directory, made once and shared by test processes through a file named
 * by the schema, so a changed migration simply makes a new one. initdb costs ~2 s; loading this ~0.5 s.
 */
async function makeTemplate(): Promise<Blob> {
  const file = path.join(SNAPSHOT_DIR, `${await schemaKey()}.tar`);
  try {
    return new Blob([await fs.readFile(file)]);
  } catch {
    // not made yet
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  const blob = await database.snapshot!();
  await database.close();
  await fs.mkdir(SNAPSHOT_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await fs.writeFile(tmp, new Uint8Array(await blob.arrayBuffer()));
  await fs.rename(tmp, file);
  await pruneSnapshots(file);
  return blob;
}

/** Old schemas' snapshots go after an hour (a process may still be reading one: Linux keeps it for it). */
async function pruneSnapshots(keep: string): Promise<void> {
  for (const name of await fs.readdir(SNAPSHOT_DIR)) {
    const f = path.join(SNAPSHOT_DIR, name);
    if (f === keep) continue;
    const stat = await fs.stat(f).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > 3600_000) await fs.rm(f, { force: true });
  }
}

const pglite: Backend = {
  name: 'pglite',
  async create(options = {}) {
    let loadDataDir: Blob | undefined;
    if (!options.empty) {
      template ??= makeTemplate();
      loadDataDir = await template;
    }
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir });
    return { database, url: undefined, drop: () => database.close() };
  },
};

/**
 * Set-up talks to PostgreSQL with these bounds, so a stuck server or a lock another process never
 * lets go of fails the suite with a message instead of leaving its test process waiting forever.
 * Generous: they only end set-ups that would otherwise never end.
 */
const SETUP_CONNECT_TIMEOUT_MS = 60_000;
const SETUP_LOCK_TIMEOUT = '120s';

async function adminClient(baseUrl: string) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: SETUP_CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query(`set lock_timeout = '${SETUP_LOCK_TIMEOUT}'`);
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
  return client;
}

/** Runs `work` with a connected admin client that is always closed afterwards (an open one keeps the process alive). */
async function withAdmin<T>(baseUrl: string, work: (admin: import('pg').Client) => Promise<T>): Promise<T> {
  const admin = await adminClient(baseUrl);
  try {
    return await work(admin);
  } finally {
    await admin.end().catch(() => {});
  }
}

/** A new database on the PostgreSQL server of `baseUrl` (empty, or a copy of `template`), and a function that drops it. */
export async function freshPostgresDatabase(
  baseUrl: string,
  prefix = 'marquee_t',
  template?: string,
): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(baseUrl, async (admin) => {
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
    // A test database never outlives a crash of its server, so its commits need not wait for the disk:
    // that wait (~5 ms on CI's disk) was most of a commit's cost. It changes nothing anyone can see
    // while the server runs: no visibility, locking or ordering, only durability across a server crash.
    await admin.query(`alter database ${name} set synchronous_commit = off`);
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const dropDatabase = () =>
    withAdmin(baseUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`)).then(() => {});
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 20 });
  } catch (e) {
    await dropDatabase().catch(() => {});
    throw e;
  }
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      await dropDatabase();
    },
  };
}

// Any fixed number: held while one test process builds the migrated template the others copy.
const TEMPLATE_LOCK = 7_302_411_914;
const postgresTemplates = new Map<string, Promise<string>>();

/**
 * The name of a migrated database on the server of `baseUrl` to copy test databases from
 * (`create database … template`), made once per schema and shared by every test process: copying
 * costs a fraction of running every migration for each test app.
 */
function postgresTemplate(baseUrl: string): Promise<string> {
  let made = postgresTemplates.get(baseUrl);
  if (!made) {
    made = makePostgresTemplate(baseUrl);
    postgresTemplates.set(baseUrl, made);
  }
  return made;
}

async function makePostgresTemplate(baseUrl: string): Promise<string> {
  const name = `marquee_tpl_${await schemaKey()}`;
  return withAdmin(baseUrl, async (admin) => {
    const exists = async () =>
      (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (await exists()) return name;
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (await exists()) return name;
      // Built under another name and renamed when complete, so nobody ever copies half a schema.
      const building = `${name}_build`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const url = new URL(baseUrl);
      url.pathname = `/${building}`;
      const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused', poolSize: 2 });
      try {
        await migrate(database);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
      // Older schemas' templates go (one being copied right now stays until the next time; a run
      // still copying one that went makes it again: see `copyOfTemplate`).
      const old = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'marquee\\_tpl\\_%' and datname <> $1",
        [name],
      );
      for (const { datname } of old.rows) await admin.query(`drop database if exists ${datname}`).catch(() => {});
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => {});
    }
  });
}

/** PostgreSQL's "database does not exist" (SQLSTATE 3D000): the template went since this process made or found it. */
const isMissingDatabase = (e: unknown) => (e as { code?: string } | null)?.code === '3D000';

/**
 * A copy of the migrated template. Another run (another schema, after a migration changed) may drop
 * the template this process found: it is then made again, once; any other failure is thrown with the
 * step that failed named, so the suite fails loudly at once.
 */
async function copyOfTemplate(baseUrl: string) {
  for (let attempt = 1; ; attempt++) {
    let template: string | undefined;
    try {
      template = await postgresTemplate(baseUrl);
      return await freshPostgresDatabase(baseUrl, 'marquee_t', template);
    } catch (e) {
      postgresTemplates.delete(baseUrl);
      if (attempt < 2 && isMissingDatabase(e)) continue;
      const step = template ? `copying template database ${template}` : 'making the migrated template database';
      throw new Error(`PostgreSQL test database set-up failed while ${step}: ${(e as Error).message}`, { cause: e });
    }
  }
}

function postgres(baseUrl: string): Backend {
  return {
    name: 'postgres',
    create: (options = {}) => (options.empty ? freshPostgresDatabase(baseUrl) : copyOfTemplate(baseUrl)),
  };
}

/** The backends to run a suite on, in order. */
/**
 * PGlite always, and PostgreSQL when DATABASE_URL is given. `TEST_BACKENDS` (a comma list of `pglite`,
 * `postgres`) narrows it: CI sets `postgres`, since two cores cannot run every suite on both within its
 * 20 minutes (PGlite runs, in the test process's own thread, were 58 % of all suite time).
 */
export function backends(): Backend[] {
  const all = services.databaseUrl ? [pglite, postgres(services.databaseUrl)] : [pglite];
  const wanted = process.env.TEST_BACKENDS?.split(',').map((b) => b.trim());
  const picked = wanted ? all.filter((b) => wanted.includes(b.name)) : all;
  return picked.length > 0 ? picked : all;
}

/**
 * One backend, for suites whose rules live above the database (request framing, request ids, rate
 * limits, refused credentials): PostgreSQL when configured, since it starts an app several times
 * faster than PGlite, PGlite otherwise. Anything that depends on SQL runs on `backends()`.
 */
export function oneBackend(): Backend[] {
  return [backends().at(-1)!];
}

/**
 * Only the real PostgreSQL (multi-process and crash tests). When it is not configured the list is
 * empty and a skipped test says so in the report, so a suite never vanishes without a word.
 */
export function realPostgres(): Backend[] {
  if (services.databaseUrl) return [postgres(services.databaseUrl)];
  test('suites on a real PostgreSQL server', { skip: 'DATABASE_URL is not set' }, () => {});
  return [];
}
