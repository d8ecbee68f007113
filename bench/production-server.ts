// The server as a user starts it in production, for the benches that measure from outside (outside,
// scale, premiere): `node src/main.ts` in a process of its own, on PostgreSQL and Redis, logging at
// info, with one environment block, so the three measure the same server. BENCH_CPU_PROF=<dir> runs
// it under --cpu-prof (the profile is written there when it stops).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort, startProcess, waitFor } from './wrk.ts';

const root = path.resolve(import.meta.dirname, '..');

export interface ProductionServer {
  /** http://127.0.0.1:<port> */
  base: string;
  stop(): Promise<void>;
}

/** Starts `node src/main.ts` and waits until /readyz answers. */
export async function startProductionServer(options: {
  databaseUrl: string;
  redisUrl: string;
  dataDir: string;
  /** CINEMA_DEMO: the demo chain (a real hall's seat map). */
  demo: boolean;
  /** What one bench needs on top (premiere: every visitor joins from one address). */
  env?: Record<string, string>;
}): Promise<ProductionServer> {
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF;
  const server = startProcess(
    process.execPath,
    [...(profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profile)] : []), 'src/main.ts'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        GRPC_PORT: String(await freePort()),
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        REDIS_PREFIX: `marquee-bench:${randomBytes(4).toString('hex')}:`,
        CINEMA_DEMO: String(options.demo),
        // The load comes from one address: the per-address limit would measure refusals.
        RATE_LIMIT_PER_MINUTE: '1000000',
        DATA_DIR: options.dataDir,
        LOG_LEVEL: 'info',
        ...options.env,
      },
    },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/readyz`, server.child);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return { base, stop: server.stop };
}
