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
  // A promise nobody awaited failing is a bug to fix, logged loudly, not a reason to drop every
  // request in flight (Node would end the process). Thrown exceptions still end it: state may be broken.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  const telemetry = await startTelemetry(config, logger);
  const app = await buildApp({ config, logger });
  const address = await app.listen();
  logger.info(
    { address, grpcPort: app.grpcPort(), database: app.platform.database.kind, docs: `${config.publicUrl}/api/docs` },
    'Marquee box office is open',
  );

  // A signal relayed twice (Ctrl-C reaches both `npm start` and the server, and npm forwards it
  // again) is one request to stop; only a signal after this window means "now".
  const RELAYED_SIGNAL_WINDOW_MS = 1000;
  let stoppingSince: number | undefined;
  const defaultAction = () => {
    process.removeAllListeners('SIGTERM');
    process.removeAllListeners('SIGINT');
  };
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < RELAYED_SIGNAL_WINDOW_MS) return;
      defaultAction();
      process.kill(process.pid, signal);
      return;
    }
    stoppingSince = Date.now();
    logger.info({ signal }, 'shutting down: finishing requests in flight (a second signal stops at once)');
    // After the window the signals get their default action back: the kernel ends the process at
    // once, whatever its main thread is doing (a busy event loop or a slow exit used to take seconds).
    setTimeout(defaultAction, RELAYED_SIGNAL_WINDOW_MS).unref();
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
