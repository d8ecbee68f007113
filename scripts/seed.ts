// `npm run seed`: seeds the demo chain into the configured database (PostgreSQL or PGlite), or
// tops up its programme. Idempotent: an existing catalog that is not the demo is left alone.
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createCatalogCache } from '../src/modules/catalog/catalog.cache.ts';
import { seedDemoChain } from '../src/modules/catalog/demo/seed-demo.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createInfrastructure } from '../src/platform/infrastructure.ts';
import { createFileMediaStorage } from '../src/platform/media/media-storage.ts';
import { createLogger } from '../src/platform/telemetry/logger.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
try {
  await migrate(database);
  const storage = createFileMediaStorage(path.join(config.dataDir, 'media'));
  const result = await seedDemoChain({ database, clock: systemClock, storage, logger });
  if (result.seeded || result.showtimesAdded > 0) {
    // Running servers sharing this Redis see the new catalog on their next read.
    const infra = await createInfrastructure(config, logger, { database, clock: systemClock });
    await createCatalogCache({ kv: infra.adapters.kv, clock: systemClock }).contentChanged();
    await infra.close();
  }
  process.stdout.write(
    result.seeded
      ? `Demo chain seeded (${result.showtimesAdded} showtimes).\n`
      : result.showtimesAdded > 0
        ? `Demo programme topped up with ${result.showtimesAdded} showtimes.\n`
        : result.demo
          ? 'The demo chain is here and its programme is complete: nothing to do.\n'
          : 'Nothing to do: the catalog has other data (the demo is only seeded into an empty one).\n',
  );
} finally {
  await database.close();
}
