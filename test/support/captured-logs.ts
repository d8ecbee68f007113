// An app whose pino output is kept in memory, so a test can read exactly what would reach the logs.
import { Writable } from 'node:stream';
import { buildApp } from '../../src/app.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/telemetry/logger.ts';
import type { Backend } from './backends.ts';
import { newNamespace, testConfig, type TestApp } from './test-app.ts';

export interface LoggedApp extends TestApp {
  /** Every log line written so far, as raw JSON text. */
  logs(): string;
}

/** Starts an app on a new database of the backend, logging everything (trace) into memory. */
export async function startLoggedApp(backend: Backend, env: Record<string, string> = {}): Promise<LoggedApp> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const created = await backend.create();
  const clock = new ManualClock();
  const config = testConfig({ LOG_LEVEL: 'trace', ...env }, newNamespace());
  const logger = createLogger('trace', 'marquee', sink);
  const app = await buildApp({ config, clock, database: created.database, logger, runJobs: false });
  return {
    app,
    clock,
    config,
    databaseUrl: created.url,
    logs: () => lines.join(''),
    async request({ token, ...options }) {
      const headers = { ...(options.headers ?? {}) } as Record<string, string>;
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await app.http.inject({ ...options, headers });
      const type = String(res.headers['content-type'] ?? '');
      const body: unknown = type.includes('json') && res.body.length > 0 ? JSON.parse(res.body) : res.body;
      return { status: res.statusCode, headers: res.headers, body, text: res.body };
    },
    async close() {
      await app.close();
      await created.drop();
    },
  };
}
