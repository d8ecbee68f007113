// Purchases with a promo code against plain purchases (issue 16): 100 concurrent customers over
// real HTTP, each buying 2 seats end to end (hold, pay with the test card, tickets in the answer),
// against the same with `POST /bookings/{id}/promo-code` between hold and payment, in alternating
// rounds on the same database with background jobs running (drained between phases, untimed). The
// code is one shared code without limits, so every use locks the same campaign row: the worst case
// for contention. Prints req/s with p50 and p99 of each and the median of the per-round ratios.
// PostgreSQL when DATABASE_URL is set, else PGlite (one statement at a time: smaller, indicative).
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { testServiceUrls } from '../src/config.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { gridLayout, makeShowtime } from '../test/support/catalog-factories.ts';
import type { TestApp } from '../test/support/test-app.ts';
import { benchConfig, openBenchDatabase } from './bench-setup.ts';

const CONCURRENCY = 100;
const ROUNDS = 5;
const PURCHASES_PER_ROUND = 300;
const WARMUP = 200;
const SEATS_PER_BOOKING = 2;
const CODE = 'BENCH10';

// The load generator runs in a worker thread so the server has the main thread to itself.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { base, jobs, concurrency, code } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(base);
const latencies = []; const statuses = {}; let completed = 0;
function call(token, method, path, body) {
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path, method, agent,
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => { resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }); });
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(body);
  });
}
const count = (step, status) => { const k = step + ' ' + status; statuses[k] = (statuses[k] || 0) + 1; };
const card = JSON.stringify({ card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } });
let next = 0;
async function one(job) {
  const start = performance.now();
  const held = await call(job.token, 'POST', '/api/v1/bookings', JSON.stringify({ showtimeId: job.showtimeId, seatIds: job.seatIds }));
  count('hold', held.status);
  if (held.status !== 201) return;
  const id = JSON.parse(held.body).id;
  if (code) {
    const applied = await call(job.token, 'POST', '/api/v1/bookings/' + id + '/promo-code', JSON.stringify({ code }));
    count('promo', applied.status);
    if (applied.status !== 200) return;
  }
  const paid = await call(job.token, 'POST', '/api/v1/bookings/' + id + '/payments', card);
  count('pay', paid.status);
  latencies.push(performance.now() - start);
  if (paid.status === 201) completed++;
}
async function worker() { while (next < jobs.length) await one(jobs[next++]); }
const started = performance.now();
Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
  agent.destroy();
  parentPort.postMessage({ latencies, statuses, completed, ms: performance.now() - started });
});`;

interface LoadResult {
  latencies: number[];
  statuses: Record<string, number>;
  completed: number;
  ms: number;
}

function runLoad(workerData: unknown): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(LOAD_WORKER, { eval: true, execArgv: [], workerData });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** Waits (untimed) until webhooks, queued jobs and events the last phase left are done. */
async function drained(db: Kysely<DB>): Promise<void> {
  const pending = async () => {
    const rows = await Promise.all([
      db
        .selectFrom('test_processor_webhooks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('delivered_at', 'is', null)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['ready', 'running'])
        // Due now: a job scheduled for later (a retry's backoff, a timer) is not work this phase left.
        .where('run_at', '<=', new Date())
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sent_at', 'is', null)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('outbox_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('published_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ]);
    return rows.reduce((sum, r) => sum + Number(r.n), 0);
  };
  const deadline = Date.now() + 60_000;
  while ((await pending()) > 0) {
    if (Date.now() > deadline) {
      process.stdout.write(`note: ${await pending()} background items left after a minute; measuring on\n`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  const created = await openBenchDatabase(services.databaseUrl);
  const config = benchConfig(services, { MAX_SEATS_PER_CUSTOMER: '1000' });
  const app = await buildApp({ config, database: created.database });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const base = await app.listen();
    const db = created.database.db;
    const users = await db
      .insertInto('users')
      .values(
        Array.from({ length: CONCURRENCY }, (_, i) => ({
          email: `promo-buyer-${i}-${randomBytes(3).toString('hex')}@example.test`,
          name: `Buyer ${i}`,
          role: 'customer' as const,
          email_verified: true,
        })),
      )
      .returning('id')
      .execute();
    const tokens: string[] = [];
    for (const u of users)
      tokens.push(
        (await app.modules.accounts.sessions.create(db, u.id, { userAgent: 'bench', ip: '127.0.0.1' })).token,
      );
    await app.modules.promotions.admin.create({ code: CODE, name: 'Bench', kind: 'percent', percent: 10 });

    const fake = { app, clock: { now: () => new Date() } } as unknown as TestApp;
    const scale = created.database.kind === 'pglite' ? 4 : 1;
    const perRound = PURCHASES_PER_ROUND / scale;
    const pairs: { showtimeId: string; seatIds: string[] }[] = [];
    while (pairs.length < WARMUP + ROUNDS * 2 * perRound) {
      const s = await makeShowtime(fake, {
        seats: gridLayout(15, 20),
        startsAt: new Date(Date.now() + 2 * 86_400_000),
      });
      for (let i = 0; i + SEATS_PER_BOOKING <= s.seats.length; i += SEATS_PER_BOOKING)
        pairs.push({ showtimeId: s.showtimeId, seatIds: s.seats.slice(i, i + SEATS_PER_BOOKING).map((x) => x.id) });
    }
    let used = 0;
    const take = (count: number) => {
      const jobs = pairs.slice(used, used + count).map((p, i) => ({ ...p, token: tokens[i % tokens.length] }));
      used += count;
      return jobs;
    };
    say(
      `backend: ${created.database.kind}${services.redisUrl ? ' + redis' : ''}; ${CONCURRENCY} concurrent customers, ${SEATS_PER_BOOKING} seats per booking; ${ROUNDS} alternating rounds of ${perRound}`,
    );
    if (created.database.kind === 'pglite')
      say('note: PGlite runs one statement at a time; set DATABASE_URL for figures that mean something');
    await runLoad({ base, jobs: take(WARMUP), concurrency: CONCURRENCY, code: CODE });
    await drained(db);

    const lat = { plain: [] as number[], promo: [] as number[] };
    const done = { plain: 0, promo: 0 };
    const ms = { plain: 0, promo: 0 };
    const ratios: number[] = [];
    const statuses: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const rates = { plain: 0, promo: 0 };
      for (const kind of ['plain', 'promo'] as const) {
        const r = await runLoad({
          base,
          jobs: take(perRound),
          concurrency: CONCURRENCY,
          code: kind === 'promo' ? CODE : null,
        });
        await drained(db);
        lat[kind].push(...r.latencies);
        done[kind] += r.completed;
        ms[kind] += r.ms;
        rates[kind] = r.completed / (r.ms / 1000);
        for (const [k, v] of Object.entries(r.statuses)) statuses[`${kind} ${k}`] = (statuses[`${kind} ${k}`] ?? 0) + v;
      }
      ratios.push(rates.promo / rates.plain);
      say(
        `round ${round + 1}: plain ${rates.plain.toFixed(0)}/s, with promo code ${rates.promo.toFixed(0)}/s, ratio ${(rates.promo / rates.plain).toFixed(2)}`,
      );
    }
    for (const kind of ['plain', 'promo'] as const) {
      const sorted = lat[kind].sort((a, b) => a - b);
      say(
        `${kind === 'plain' ? 'purchase (hold + pay)' : 'purchase with promo code (hold + code + pay)'}: ${done[kind]}, ${(done[kind] / (ms[kind] / 1000)).toFixed(0)}/s; p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
      );
    }
    say(`answers: ${JSON.stringify(statuses)}`);
    say(
      `ratio promo/plain purchases: median ${median(ratios).toFixed(2)} of ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
    );
  } finally {
    await app.close();
    await created.drop();
  }
}
