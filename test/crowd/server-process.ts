// Real server processes for the multi-process and crash tests: `src/main.ts` (or the unprotected
// test entry) on the pinned Node, on a free port, against a given database.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { services } from '../support/backends.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const MAIN = path.join(root, 'src/main.ts');
export const UNPROTECTED_MAIN = path.join(root, 'test/crowd/unprotected-server.ts');

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** SIGKILL: no shutdown, no cleanup, transactions in flight cut off. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a server and resolves once it listens (its log line names the address). */
export async function startServer(options: {
  databaseUrl: string;
  namespace: string;
  entry?: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: options.databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    GRPC_PORT: '0',
    LOG_LEVEL: 'info',
    CINEMA_DEMO: 'false',
    DATA_DIR: `/tmp/marquee-test/${options.namespace}`,
    REDIS_PREFIX: `marquee-test:${options.namespace}:`,
    NATS_STREAM: `MARQUEE_TEST_${options.namespace.toUpperCase()}`,
    WORKER_INTERVAL_MS: '200',
    DATABASE_POOL_SIZE: '10',
    ...(services.redisUrl ? { REDIS_URL: services.redisUrl } : {}),
    ...(services.natsUrl ? { NATS_URL: services.natsUrl } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, [options.entry ?? MAIN], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    // A backstop only (the suite's own timeout is longer): a loaded CI machine took over 30 s.
    const timer = setTimeout(
      () => reject(new Error(`server did not start in 120 s:\n${output.slice(-2000)}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Fastify's own "Server listening at …" comes first; the app's line with "address" may follow later.
      const m =
        /"address":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output) ??
        /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output.slice(-2000)}`));
    });
  });
  // Keep draining its output so it never blocks on a full pipe.
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.resume();
  return {
    base,
    child,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
