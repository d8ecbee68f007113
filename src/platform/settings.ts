// Settings the server makes for itself and keeps in app_settings (signing keys, webhook secrets,
// markers): any module reads and writes them through these functions, never the table.
import type { Executor } from './db/database.ts';

/** A setting's value, or undefined when none is stored. */
export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Stores a setting; a value already there is kept unless `replace` is set. */
export async function writeSetting(db: Executor, key: string, value: string, replace = false): Promise<void> {
  await db
    .insertInto('app_settings')
    .values({ key, value })
    .onConflict((oc) => (replace ? oc.column('key').doUpdateSet({ value }) : oc.column('key').doNothing()))
    .execute();
}

/** A setting kept in app_settings, created by `make` the first time (first writer wins). */
export async function settingOrCreate(db: Executor, key: string, make: () => string): Promise<string> {
  const found = await readSetting(db, key);
  if (found !== undefined) return found;
  await writeSetting(db, key, make());
  const stored = await readSetting(db, key);
  if (stored === undefined) throw new Error(`the setting ${key} could not be stored`);
  return stored;
}
