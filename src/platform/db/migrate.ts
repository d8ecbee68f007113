// Forward-only plain SQL migrations, applied in name order, each once, under an advisory lock
// so any number of processes may start at the same moment.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');
// Any fixed 64-bit number; it only has to be the same in every process of this application.
const LOCK_KEY = 7_302_411_913;

/** Applies every migration not yet recorded; returns the names it applied. */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await fs.readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return database.withSession(async (session) => {
    // Migrations have no time limit of their own (a large table's index may take minutes), and the
    // lock waits for as long as another process migrates; the session is not reused afterwards.
    await session.exec('set statement_timeout = 0');
    await session.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await session.exec(`create table if not exists schema_migrations (
        name text primary key,
        applied_at timestamptz not null default now()
      )`);
      const done = new Set(
        (await session.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name),
      );
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        const sql = await fs.readFile(path.join(dir, file), 'utf8');
        await session.exec('begin');
        try {
          await session.exec(sql);
          await session.query('insert into schema_migrations (name) values ($1)', [file]);
          await session.exec('commit');
        } catch (err) {
          await session.exec('rollback');
          throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(file);
      }
      return applied;
    } finally {
      await session.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}
