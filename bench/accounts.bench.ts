// Accounts benchmark: authenticated GET /api/v1/me against a bare Fastify route returning the same
// JSON, measured side by side in one run over real HTTP (keep-alive), and sign-in latency with the
// configured argon2id cost. On PostgreSQL + Redis when DATABASE_URL/REDIS_URL are set, else PGlite.
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { testServiceUrls } from '../src/config.ts';
import { benchConfig, openBenchDatabase } from './bench-setup.ts';

const DURATION_MS = 1500;
const ROUNDS = 7;
const CONCURRENCY = 32;
const LOGINS = 40;
const PASSWORD = 'bench-Marquee-password-91';

// The load generator runs in a worker thread so the server has the main thread to itself.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, headers, concurrency, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
let done = 0, failed = 0;
const deadline = Date.now() + durationMs;
function one() {
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => { if (res.statusCode === 200) done++; else failed++; resolve(); });
    });
    req.on('error', () => { failed++; resolve(); });
    req.end();
  });
}
async function loop() { while (Date.now() < deadline) await one(); }
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  agent.destroy();
  parentPort.postMessage({ done, failed });
});`;

function load(url: string, headers: Record<string, string>, durationMs = DURATION_MS): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      execArgv: [],
      workerData: { url, headers, concurrency: CONCURRENCY, durationMs },
    });
    worker.once('message', (m: { done: number; failed: number }) => {
      if (m.failed > 0) reject(new Error(`${m.failed} requests to ${url} failed`));
      else resolve(m.done / (durationMs / 1000));
    });
    worker.once('error', reject);
  });
}

async function call(base: string, method: string, url: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)] as number;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

/** Server and load generator share this process: a micro-bench (bench/run.ts marks its lines). */
export const inProcess = true;

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  const created = await openBenchDatabase(services.databaseUrl);
  const config = benchConfig(services);
  const app = await buildApp({ config, database: created.database, runJobs: false });
  const bare = Fastify({ logger: false });
  try {
    const base = await app.listen();
    const email = `bench-${randomBytes(4).toString('hex')}@example.test`;
    const registered = await call(base, 'POST', '/api/v1/auth/register', {
      email,
      password: PASSWORD,
      name: 'Bench Mark',
    });
    if (registered.status !== 201) throw new Error(`register answered ${registered.status}`);

    const latencies: number[] = [];
    let token = '';
    for (let i = 0; i < LOGINS; i++) {
      const start = performance.now();
      const res = await call(base, 'POST', '/api/v1/auth/login', { email, password: PASSWORD });
      latencies.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`login answered ${res.status}`);
      token = res.json.token;
    }
    latencies.sort((a, b) => a - b);

    const body: unknown = await (
      await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    bare.get('/bare', async () => body);
    const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });

    const auth = { authorization: `Bearer ${token}` };
    await load(`${bareBase}/bare`, {}, 1000);
    await load(`${base}/api/v1/me`, auth, 1000);
    // Short alternating slices, so a busy neighbour on the machine weighs on both sides alike;
    // the ratio reported is the median of the per-round ratios.
    const rounds: { bare: number; me: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const bareRps = await load(`${bareBase}/bare`, {});
      const meRps = await load(`${base}/api/v1/me`, auth);
      rounds.push({ bare: bareRps, me: meRps });
    }
    const ratios = rounds.map((r) => r.me / r.bare).sort((x, y) => x - y);
    const ratio = median(ratios);
    const meMedian = median(rounds.map((r) => r.me).sort((x, y) => x - y));
    const bareMedian = median(rounds.map((r) => r.bare).sort((x, y) => x - y));
    const backend = `${app.platform.database.kind}${services.redisUrl ? ' + redis' : ' + in-process cache'}`;
    process.stdout.write(
      [
        `backend: ${backend}; ${CONCURRENCY} keep-alive connections, ${ROUNDS} alternating rounds of ${DURATION_MS / 1000} s each`,
        `GET /api/v1/me (authenticated): ${meMedian.toFixed(0)} req/s (median)`,
        `bare Fastify route, same JSON:  ${bareMedian.toFixed(0)} req/s (median)`,
        `ratio me/bare: ${ratio.toFixed(2)} median, ${(ratios[0] as number).toFixed(2)}–${(ratios[ratios.length - 1] as number).toFixed(2)} range (goal >= 0.6 with Redis)`,
        `login (argon2id m=${config.argon2MemoryKiB} KiB, t=${config.argon2TimeCost}), ${LOGINS} sequential: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
        '',
      ].join('\n'),
    );
  } finally {
    await bare.close();
    await app.close();
    await created.drop();
  }
}
