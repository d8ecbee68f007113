// Builds a real app on a real database for a test, and a small client to talk to it through HTTP.
import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { type App, buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/telemetry/logger.ts';
import { type Backend, services } from './backends.ts';
import { deleteStream, sweepStaleTestStreams } from './nats.ts';

export interface TestApp {
  app: App;
  clock: ManualClock;
  config: Config;
  databaseUrl: string | undefined;
  request(options: InjectOptions & { token?: string }): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
  text: string;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Share Redis/NATS namespaces between apps (multi-process tests); default: a fresh namespace. */
  namespace?: string;
  clock?: ManualClock;
  runJobs?: boolean;
  /** Use Redis and NATS when their URLs are set (default true). */
  useServices?: boolean;
  /** How webhooks out resolve host names (default: the system's DNS). */
  webhookResolve?: import('../../src/modules/webhooks/target-guard.ts').Resolve;
}

/** A fresh namespace so parallel suites never share Redis keys or NATS subjects. */
export const newNamespace = () => `t${randomBytes(5).toString('hex')}`;

export function testConfig(env: Record<string, string> = {}, namespace = newNamespace(), useServices = true): Config {
  const base: Record<string, string> = {
    PORT: '0',
    GRPC_PORT: '0',
    CINEMA_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    PUBLIC_URL: 'http://box.test',
    DATA_DIR: `/tmp/marquee-test/${namespace}`,
    REDIS_PREFIX: `marquee-test:${namespace}:`,
    NATS_STREAM: `MARQUEE_TEST_${namespace.toUpperCase()}`,
    WORKER_INTERVAL_MS: '50',
    // The chain's seller: receipts of test cinemas (no tax settings of their own) name it, at 7 %.
    SELLER_LEGAL_NAME: 'Marquee Test Chain GmbH',
    SELLER_LEGAL_ADDRESS: 'Teststraße 2, 10115 Berlin',
    SELLER_TAX_ID: 'DE000000001',
    SELLER_COUNTRY: 'DE',
    SELLER_TIMEZONE: 'Europe/Berlin',
    SELLER_TAX_RATES: 'tickets:7,food:19,default:19',
  };
  if (useServices && services.redisUrl) base.REDIS_URL = services.redisUrl;
  if (useServices && services.natsUrl) base.NATS_URL = services.natsUrl;
  return loadConfig({ ...base, ...env });
}

/** Starts an app on a new database of the backend. */
export async function startTestApp(backend: Backend, options: TestAppOptions = {}): Promise<TestApp> {
  const created = await backend.create();
  let app: TestApp;
  try {
    app = await startOnDatabase(created.database, created.url, options);
  } catch (e) {
    // Closed here, since the suite never gets an app to close: an open pool would keep its process alive.
    await created.drop().catch(() => {});
    throw e;
  }
  return {
    ...app,
    async close() {
      await app.close();
      await created.drop();
      // A fresh namespace's NATS stream is this app's alone: remove it with the database.
      if (!options.namespace && app.config.natsUrl) await deleteStream(app.config.natsUrl, app.config.natsStream);
    },
  };
}

/** Starts an app on a database that exists already (several apps on one database). */
export async function startOnDatabase(
  database: import('../../src/platform/db/database.ts').Database,
  databaseUrl: string | undefined,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const clock = options.clock ?? new ManualClock();
  const config = testConfig(options.env, options.namespace, options.useServices ?? true);
  if (config.natsUrl) await sweepStaleTestStreams(config.natsUrl);
  const app = await buildApp({
    config,
    clock,
    database,
    logger: createLogger(config.logLevel),
    runJobs: options.runJobs ?? false,
    webhookResolve: options.webhookResolve,
  });
  return {
    app,
    clock,
    config,
    databaseUrl,
    async request({ token, ...options }) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await app.http.inject({ ...options, headers });
      let body: unknown = res.body;
      const type = String(res.headers['content-type'] ?? '');
      if (type.includes('json') && res.body.length > 0) body = JSON.parse(res.body);
      return { status: res.statusCode, headers: res.headers, body, text: res.body };
    },
    close: () => app.close(),
  };
}
