// Redis connections made one way: fail fast while Redis is away (no offline queue, a short command
// timeout) so callers can degrade to a cache miss instead of hanging a request; reconnect forever.
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

const REDIS_COMMAND_TIMEOUT_MS = 1000;

export function connectRedis(url: string, logger: Logger, role: string): Redis {
  const client = new Redis(url, {
    connectionName: `marquee-${role}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    autoResubscribe: false,
    // Commands issued in one tick go out in one write: under a crowd that is one syscall and one
    // Redis wake-up for many requests' session reads and publishes instead of one each.
    enableAutoPipelining: true,
    retryStrategy: (times) => Math.min(100 * times, 2000),
  });
  let down = false;
  client.on('error', (err: Error) => {
    // Every retry emits an error; say it once per outage.
    if (!down) logger.warn({ err: err.message, role }, 'redis unavailable; degrading until it is back');
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info({ role }, 'redis is back');
    down = false;
  });
  return client;
}

/** Waits for the first connection, briefly: start-up goes on without Redis (readiness says so). */
export async function awaitReady(client: Redis, timeoutMs = 3000): Promise<boolean> {
  if (client.status === 'ready') return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    timer.unref();
    client.on('ready', onReady);
  });
}

/** Closes politely, or at once when Redis does not answer. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await Promise.race([client.quit().catch(() => client.disconnect()), new Promise((r) => setTimeout(r, 1000).unref())]);
  client.disconnect();
}
