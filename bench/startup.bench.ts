// How long `npm start` takes to be ready (GET /readyz answers 200) on a data directory that exists:
// started once to create and migrate it, stopped, then timed over a few starts, as a user restarts
// it. The embedded database (no DATABASE_URL), as `npm start` runs out of the box.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, goal, median, startProcess, waitFor } from './wrk.ts';

const root = path.resolve(import.meta.dirname, '..');

async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !['DATABASE_URL', 'REDIS_URL', 'NATS_URL'].includes(k)) env[k] = v;
  Object.assign(env, {
    PORT: String(port),
    GRPC_PORT: String(await freePort()),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  });
  const started = performance.now();
  const server = startProcess('npm', ['start', '--silent'], { cwd: root, env, stderr: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${port}/readyz`, server.child);
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

/** Milliseconds to ready: the first start (creates the data directory) and the median of `runs` restarts. */
export async function measureStartup(runs = 3): Promise<{ first: number; restarts: number[]; median: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-start-'));
  try {
    const first = await startOnce(path.join(dir, 'data'));
    const restarts: number[] = [];
    for (let i = 0; i < runs; i++) restarts.push(await startOnce(path.join(dir, 'data')));
    return { first, restarts, median: median(restarts) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function run(): Promise<void> {
  const start = await measureStartup();
  process.stdout.write(
    `npm start, embedded database, LOG_LEVEL=info: first start ${(start.first / 1000).toFixed(2)} s; restarts ${start.restarts.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s\n` +
      `${goal('npm start ready < 3 s on an existing data directory', `${(start.median / 1000).toFixed(2)} s median`, start.median < 3000)}\n`,
  );
}
