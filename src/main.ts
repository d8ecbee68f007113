// Reads config, builds the app, listens; shuts down gracefully on SIGTERM/SIGINT (a second signal exits at once).
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './platform/telemetry/logger.ts';
import { startTelemetry } from './platform/telemetry/tracing.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const telemetry = await startTelemetry(config, logger);
  const app = await buildApp({ config, logger });
  const address = await app.listen();
  logger.info(
    { address, grpcPort: app.grpcPort(), database: app.platform.database.kind, docs: `${config.publicUrl}/api/docs` },
    'Marquee box office is open',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    app
      .close()
      .then(() => telemetry.shutdown())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
