// Test-only server entry: src/main.ts with the unprotected claim store, so the multi-process crowd
// test can show that it catches a double sale. Nothing in the product can reach this store.
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/platform/telemetry/logger.ts';
import { unprotectedClaimStore } from './unprotected-claims.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const app = await buildApp({ config, logger });
app.modules.booking.testing.useClaimStore(unprotectedClaimStore(app.platform.database));
const address = await app.listen();
logger.info({ address }, 'unprotected test server is open');
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
