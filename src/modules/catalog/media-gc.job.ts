// Image files nobody points at any more (a replaced poster, a deleted movie or person) are deleted,
// once they have gone unused for a grace period: a day by default, so an upload whose files are
// stored but not yet attached is never caught, and pages cached with the old URL still find it.
//
// Ages are file times, not the business clock: they say when bytes were written. A put of the same
// content (the key is its hash) refreshes the time, and the time is read again just before the
// delete, so an image uploaded again while the sweep runs is kept.
import type { Logger } from 'pino';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import type { Job } from '../../platform/jobs.ts';
import type { MediaStorage } from '../../platform/media/media-storage.ts';
import { imagePathsInUse } from './images.store.ts';
import type { CatalogDb } from './catalog.tables.ts';

const MEDIA_GC_INTERVAL_MS = 6 * 60 * 60_000;

/** Every stored key some image user points at: the catalog's own images and every other module's. */
export async function mediaPathsInUse(
  database: ModuleDatabase,
  imageUsers: (() => Promise<Set<string>>)[] = [],
): Promise<Set<string>> {
  const inUse = await imagePathsInUse(moduleDb<CatalogDb>(database));
  for (const user of imageUsers) for (const key of await user()) inUse.add(key);
  return inUse;
}

export function createMediaGcJob(deps: {
  database: ModuleDatabase;
  storage: MediaStorage;
  logger: Logger;
  graceMs: number;
  /** Other modules' image keys in use (concession products), asked on every sweep. */
  imageUsers?: (() => Promise<Set<string>>)[];
}): Job {
  const { database, storage, logger, graceMs } = deps;
  const oldEnough = (at: Date | null) => at !== null && Date.now() - at.getTime() >= graceMs;
  return {
    name: 'catalog.media-gc',
    intervalMs: MEDIA_GC_INTERVAL_MS,
    async runOnce() {
      // References first: an image attached after this read was stored after it too, so it is young.
      const inUse = await mediaPathsInUse(database, deps.imageUsers);
      let removed = 0;
      for (const object of await storage.list()) {
        if (inUse.has(object.key) || !oldEnough(object.storedAt)) continue;
        if (!oldEnough(await storage.storedAt(object.key))) continue;
        await storage.remove(object.key);
        removed++;
      }
      if (removed > 0) logger.info({ removed }, 'unused image files deleted');
      // Never "a full batch": one sweep per interval is enough.
      return 0;
    },
  };
}
