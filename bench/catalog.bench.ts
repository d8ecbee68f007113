// Catalog benchmark. Over real HTTP (keep-alive), side by side in one run: showtime listing and
// movie search with the cache warm, as a ratio of a bare Fastify route serving the same bytes
// (goal >= 0.7); then search latency with the cache cold (every query new) over 10,000 movies and
// 200,000 showtimes (goal p99 < 20 ms). PostgreSQL (+ Redis) when DATABASE_URL (REDIS_URL) is set,
// else PGlite.
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { testServiceUrls } from '../src/config.ts';
import { seedBenchCatalog } from './catalog-data.ts';
import { benchConfig, openBenchDatabase } from './bench-setup.ts';

const ROUND_MS = 1000;
const ROUNDS = 8;
const CONCURRENCY = 32;
const COLD_QUERIES = 400;

// The load generator runs in a worker thread so the server has the main thread to itself.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, concurrency, durationMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
let done = 0, failed = 0;
const deadline = Date.now() + durationMs;
function one() {
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, agent }, (res) => {
      res.resume();
      res.on('end', () => { if (res.statusCode === 200) done++; else failed++; resolve(); });
    });
    req.on('error', () => { failed++; resolve(); });
    req.end();
  });
}
async function loop() { while (Date.now() < deadline) await one(); }
Promise.all(Array.from({ length: concurrency }, loop)).then(() => { agent.destroy(); parentPort.postMessage({ done, failed }); });`;

function load(url: string, durationMs = ROUND_MS): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, {
      eval: true,
      execArgv: [],
      workerData: { url, concurrency: CONCURRENCY, durationMs },
    });
    worker.once('message', (m: { done: number; failed: number }) => {
      if (m.failed > 0) reject(new Error(`${m.failed} requests to ${url} failed`));
      else resolve(m.done / (durationMs / 1000));
    });
    worker.once('error', reject);
  });
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((p, q) => p - q),
    50,
  );
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;

async function latencies(base: string, urls: string[]): Promise<{ p50: number; p99: number; hits: number }> {
  const times: number[] = [];
  let hits = 0;
  for (const url of urls) {
    const start = performance.now();
    const res = await fetch(`${base}${url}`);
    const body = (await res.json()) as { items?: unknown[] };
    times.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    if ((body.items?.length ?? 0) > 0) hits++;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), hits };
}

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
    const seeded = await seedBenchCatalog(created.database);
    const db = created.database.db;
    const counts = (
      await sql<{
        movies: number;
        showtimes: number;
      }>`select (select count(*) from movies)::int as movies, (select count(*) from showtimes)::int as showtimes`.execute(
        db,
      )
    ).rows[0];

    // Warm throughput: the same URL again and again, against a bare route with the same bytes.
    const routes = {
      showtimes: `/api/v1/showtimes?cinemaId=${seeded.cinemaId}&date=${seeded.busyDate}`,
      search: '/api/v1/movies?q=midnight%20harbour',
    };
    const bodies: Record<string, string> = {};
    for (const [name, url] of Object.entries(routes)) {
      bodies[name] = await (await fetch(`${base}${url}`)).text();
      const bytes = Buffer.from(bodies[name]);
      bare.get(`/bare/${name}`, async (_req, reply) => reply.type('application/json; charset=utf-8').send(bytes));
    }
    const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
    const lines: string[] = [];
    const backend = `${app.platform.database.kind}${services.redisUrl ? ' + redis' : ' + in-process cache'}`;
    lines.push(
      `backend: ${backend}; ${counts?.movies} movies, ${counts?.showtimes} showtimes; ${CONCURRENCY} keep-alive connections; ${ROUNDS} alternating ${ROUND_MS / 1000} s rounds, median of the per-round ratios`,
    );
    for (const [name, url] of Object.entries(routes)) {
      await load(`${bareBase}/bare/${name}`, 500);
      await load(`${base}${url}`, 500);
      // Rounds side by side, the order swapped each time, so a busy neighbour hurts both alike.
      const appRps: number[] = [];
      const bareRps: number[] = [];
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const first = round % 2 === 0 ? `${bareBase}/bare/${name}` : `${base}${url}`;
        const second = round % 2 === 0 ? `${base}${url}` : `${bareBase}/bare/${name}`;
        const [x, y] = [await load(first), await load(second)];
        const [a, b] = round % 2 === 0 ? [y, x] : [x, y];
        appRps.push(a);
        bareRps.push(b);
        ratios.push(a / b);
      }
      const a = median(appRps);
      const b = median(bareRps);
      lines.push(
        `${name} (${(bodies[name] ?? '').length} B, warm): ${a.toFixed(0)} req/s vs bare ${b.toFixed(0)} req/s, ratio ${median(ratios).toFixed(2)} (goal >= 0.7)`,
      );
    }

    // Cold search: every query is new to the cache, so each one runs the SQL.
    const words = seeded.words;
    const typo = (w: string) => w.slice(0, 2) + (w[3] ?? '') + (w[2] ?? '') + w.slice(4);
    const candidates = [
      ...words,
      ...words.map(typo),
      ...seeded.people,
      ...words.flatMap((w, i) => [
        `${w} ${words[(i * 7 + 3) % words.length]}`,
        `${w} ${words[(i * 11 + 5) % words.length]}`,
      ]),
      ...words.flatMap((w) => seeded.genres.map((g) => `${w}\u0000${g}`)),
    ];
    const uniqueUrls = [...new Set(candidates)].slice(0, COLD_QUERIES).map((c) => {
      const [q, genre] = c.split('\u0000');
      return `/api/v1/movies?q=${encodeURIComponent(q as string)}${genre ? `&genre=${encodeURIComponent(genre)}` : ''}`;
    });
    const search = await latencies(base, uniqueUrls);
    lines.push(
      `search, cold cache (${uniqueUrls.length} distinct queries: words, typos, names, two words, word + genre; ${search.hits} with results): p50 ${search.p50.toFixed(1)} ms, p99 ${search.p99.toFixed(1)} ms (goal p99 < 20 ms)`,
    );
    const showing = await latencies(
      base,
      words.map((w) => `/api/v1/movies?q=${encodeURIComponent(w)}&status=now_showing&city=Benchburg`),
    );
    lines.push(`search + now_showing + city, cold: p50 ${showing.p50.toFixed(1)} ms, p99 ${showing.p99.toFixed(1)} ms`);
    const days = await latencies(
      base,
      Array.from(
        { length: 150 },
        (_, i) =>
          `/api/v1/showtimes?cinemaId=${seeded.cinemaId}&date=${new Date(Date.now() + (i + 1) * 86_400_000).toISOString().slice(0, 10)}`,
      ),
    );
    lines.push(
      `showtimes of a cinema on a date (with exact seatsAvailable), cold: p50 ${days.p50.toFixed(1)} ms, p99 ${days.p99.toFixed(1)} ms`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await bare.close();
    await app.close();
    await created.drop();
  }
}
