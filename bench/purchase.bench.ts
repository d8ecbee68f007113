// Purchase benchmark: 100 concurrent customers over real HTTP, each buying 2 seats end to end (hold,
// pay with the test card, tickets in the answer), against 100 customers only holding 2 seats, in
// the same run on the same database; background jobs (webhooks, emails with PDFs) run as in
// production. Then check-in latency at the door. PostgreSQL when DATABASE_URL is set, else PGlite.
import { Worker } from 'node:worker_threads';
import { buildApp } from '../src/app.ts';
import { testServiceUrls } from '../src/config.ts';
import { gridLayout, makeShowtime } from '../test/support/catalog-factories.ts';
import type { TestApp } from '../test/support/test-app.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { benchConfig, benchTokens, openBenchDatabase, percentile } from './bench-setup.ts';
import {
  addCpu,
  type CpuTimes,
  cpuSpent,
  cpuTimes,
  describePerOperation,
  THREAD_CPU_SOURCE,
  totalCpu,
} from './cpu-meter.ts';

const CONCURRENCY = 100;
// Hold-only and purchase rounds alternate, so a machine busy with other work weighs on both alike;
// the ratio reported is the median of the rounds'.
const ROUNDS = 5;
const HOLDS_PER_ROUND = 400;
const PURCHASES_PER_ROUND = 300;
const WARMUP = 200;
const CHECKINS = 1000;
const CHECKIN_CONCURRENCY = 20;
const SEATS_PER_BOOKING = 2;

// The load generator runs in a worker thread so the server has the main thread to itself.
const LOAD_WORKER = `${THREAD_CPU_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { base, jobs, concurrency, mode } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(base);
const latencies = []; const statuses = {}; const codes = []; let completed = 0;
function call(token, method, path, body) {
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path, method, agent,
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => { statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1; resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }); });
    });
    req.on('error', () => { statuses.error = (statuses.error || 0) + 1; resolve({ status: 0, body: '' }); });
    req.end(body);
  });
}
const card = JSON.stringify({ card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } });
let next = 0;
async function one(job) {
  const start = performance.now();
  if (mode === 'checkin') {
    const r = await call(job.token, 'POST', '/api/v1/checkins', JSON.stringify({ code: job.code }));
    latencies.push(performance.now() - start);
    return;
  }
  const held = await call(job.token, 'POST', '/api/v1/bookings', JSON.stringify({ showtimeId: job.showtimeId, seatIds: job.seatIds }));
  if (held.status !== 201 || mode === 'hold') { latencies.push(performance.now() - start); if (held.status === 201) completed++; return; }
  if (mode === 'hold+me') {
    const me = await call(job.token, 'GET', '/api/v1/me');
    latencies.push(performance.now() - start);
    if (me.status === 200) completed++;
    return;
  }
  const id = JSON.parse(held.body).id;
  const paid = await call(job.token, 'POST', '/api/v1/bookings/' + id + '/payments', card);
  latencies.push(performance.now() - start);
  if (paid.status === 201) {
    completed++;
    for (const t of JSON.parse(paid.body).booking.tickets) codes.push(t.code);
  }
}
async function worker() { while (next < jobs.length) await one(jobs[next++]); }
const started = performance.now();
Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
  agent.destroy();
  parentPort.postMessage({ latencies, statuses, codes, completed, ms: performance.now() - started, cpuMs: threadCpuMs() });
});`;

interface LoadResult {
  latencies: number[];
  statuses: Record<string, number>;
  codes: string[];
  completed: number;
  ms: number;
  /** CPU milliseconds of the load generator's own thread, from its start. */
  cpuMs: number;
}

function runLoad(workerData: unknown): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(LOAD_WORKER, { eval: true, execArgv: [], workerData });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/**
 * Waits (untimed) until the background work earlier phases left is done: webhook deliveries,
 * mail jobs, mail and domain events. Otherwise a hold round would pay for the purchase round
 * before it, which flattered purchase/hold and made it swing from round to round.
 */
async function drained(db: import('kysely').Kysely<DB>, jobs: boolean): Promise<void> {
  if (!jobs) return;
  const counts = async () => {
    const [w, n, m, e] = await Promise.all([
      db
        .selectFrom('test_processor_webhooks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('delivered_at', 'is', null)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('queue', '=', 'notifications.mail')
        .where('state', '!=', 'dead')
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
    return { webhooks: Number(w.n), mailJobs: Number(n.n), mails: Number(m.n), events: Number(e.n) };
  };
  const pending = async () => Object.values(await counts()).reduce((a, b) => a + b, 0);
  const deadline = Date.now() + 60_000;
  while ((await pending()) > 0) {
    if (Date.now() > deadline)
      throw new Error(`background work did not drain within a minute: ${JSON.stringify(await counts())}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Server and load generator share this process: a micro-bench (bench/run.ts marks its lines). */
export const inProcess = true;

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  const created = await openBenchDatabase(services.databaseUrl);
  const config = benchConfig(services, { MAX_SEATS_PER_CUSTOMER: '1000' });
  const jobs = process.env.BENCH_JOBS !== '0';
  const app = await buildApp({ config, database: created.database, runJobs: jobs });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const base = await app.listen();
    const db = created.database.db;
    const tokens = await benchTokens(app, db, CONCURRENCY + 1, {
      prefix: 'buyer',
      name: 'Buyer',
      role: (i) => (i === 0 ? 'staff' : 'customer'),
    });
    const staffToken = tokens.shift() as string;
    // Seats for every booking of both phases, in halls of 300; showtimes start in 30 minutes so the
    // door is open for the check-in phase.
    const fake = { app, clock: { now: () => new Date() } } as unknown as TestApp;
    // PGlite runs one statement at a time: a smaller run says as much there.
    const scale = created.database.kind === 'pglite' ? 4 : 1;
    const [rounds, holdsPerRound, purchasesPerRound] = [ROUNDS, HOLDS_PER_ROUND / scale, PURCHASES_PER_ROUND / scale];
    const pairs: { showtimeId: string; seatIds: string[] }[] = [];
    const needed = WARMUP + rounds * (2 * holdsPerRound + purchasesPerRound);
    while (pairs.length < needed) {
      const s = await makeShowtime(fake, { seats: gridLayout(15, 20), startsAt: new Date(Date.now() + 30 * 60_000) });
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
      `backend: ${created.database.kind}${services.redisUrl ? ' + redis' : ''}; ${CONCURRENCY} concurrent customers, ${SEATS_PER_BOOKING} seats per booking; background jobs ${jobs ? 'running (drained between phases, untimed)' : 'off'}; ${rounds} alternating rounds`,
    );
    if (created.database.kind === 'pglite')
      say('note: PGlite runs one statement at a time; set DATABASE_URL for figures that mean something');
    // Warm-up: JIT, pools, caches, the PDF fonts.
    await runLoad({ base, jobs: take(WARMUP), concurrency: CONCURRENCY, mode: 'purchase' });

    const ratios: number[] = [];
    const ceilings: number[] = [];
    const holdLat: number[] = [];
    const buyLat: number[] = [];
    const codesBought: string[] = [];
    let holdsDone = 0;
    let holdMs = 0;
    let bought = 0;
    let buyMs = 0;
    const failures: Record<string, number> = {};
    // CPU per operation: what each phase costs, not only how fast it went; the background work it
    // left (drained, untimed) is counted apart.
    const zero = () => ({ server: 0, postgres: 0, redis: 0 });
    const cpu: Record<'hold' | 'purchase', { timed: CpuTimes | null; background: CpuTimes | null }> = {
      hold: { timed: zero(), background: zero() },
      purchase: { timed: zero(), background: zero() },
    };
    const phase = async (mode: 'hold' | 'purchase' | 'hold+me', count: number) => {
      const before = cpuTimes();
      const result = await runLoad({ base, jobs: take(count), concurrency: CONCURRENCY, mode });
      const loaded = cpuTimes();
      await drained(db, jobs);
      if (mode !== 'hold+me') {
        cpu[mode].timed = addCpu(cpu[mode].timed, cpuSpent(before, loaded, result.cpuMs));
        cpu[mode].background = addCpu(cpu[mode].background, cpuSpent(loaded, cpuTimes(), 0));
      }
      return result;
    };
    await drained(db, jobs);
    for (let round = 0; round < rounds; round++) {
      const holds = await phase('hold', holdsPerRound);
      const purchases = await phase('purchase', purchasesPerRound);
      // The ceiling: a hold followed by the cheapest authenticated request (GET /me). No way of
      // paying that is a second request can be faster, so this ratio bounds purchase/hold.
      const floor = await phase('hold+me', holdsPerRound);
      ceilings.push(floor.completed / (floor.ms / 1000) / ((holds.statuses['201'] ?? 0) / (holds.ms / 1000)));
      for (const r of [holds, purchases])
        for (const [k, v] of Object.entries(r.statuses)) if (k !== '201') failures[k] = (failures[k] ?? 0) + v;
      const holdRate = (holds.statuses['201'] ?? 0) / (holds.ms / 1000);
      const purchaseRate = purchases.codes.length / SEATS_PER_BOOKING / (purchases.ms / 1000);
      ratios.push(purchaseRate / holdRate);
      holdLat.push(...holds.latencies);
      buyLat.push(...purchases.latencies);
      codesBought.push(...purchases.codes);
      holdsDone += holds.statuses['201'] ?? 0;
      holdMs += holds.ms;
      bought += purchases.codes.length / SEATS_PER_BOOKING;
      buyMs += purchases.ms;
      say(
        `round ${round + 1}: holds ${holdRate.toFixed(0)}/s, purchases ${purchaseRate.toFixed(0)}/s, ratio ${(purchaseRate / holdRate).toFixed(2)}; hold + GET /me ratio ${ceilings.at(-1)!.toFixed(2)}`,
      );
    }
    const h = holdLat.sort((a, b) => a - b);
    const p = buyLat.sort((a, b) => a - b);
    const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)] ?? 0;
    say(
      `hold only: ${holdsDone} holds, ${(holdsDone / (holdMs / 1000)).toFixed(0)}/s; p50 ${percentile(h, 50).toFixed(1)} ms, p99 ${percentile(h, 99).toFixed(1)} ms`,
    );
    say(
      `purchase (hold + pay + tickets): ${bought} purchases, ${(bought / (buyMs / 1000)).toFixed(0)}/s; p50 ${percentile(p, 50).toFixed(1)} ms, p99 ${percentile(p, 99).toFixed(1)} ms`,
    );
    say(`non-201 answers: ${JSON.stringify(failures)}`);
    say(
      `ratio purchase/hold: median ${median.toFixed(2)} of ${ratios.map((r) => r.toFixed(2)).join(', ')} (goal >= 0.5)`,
    );
    const ceiling = [...ceilings].sort((a, b) => a - b)[Math.floor(ceilings.length / 2)] ?? 0;
    say(
      `ceiling for that ratio, a hold then GET /me instead of paying: median ${ceiling.toFixed(2)} of ${ceilings.map((r) => r.toFixed(2)).join(', ')}`,
    );
    const [hc, pc] = [cpu.hold, cpu.purchase];
    if (hc.timed && hc.background && pc.timed && pc.background) {
      // Both timed phases keep the machine busy, so a rate is roughly the cores divided by the CPU
      // per operation: purchase/hold >= 0.5 needs a purchase to cost at most two holds.
      say(
        `CPU per hold: ${describePerOperation(hc.timed, holdsDone)}; later, in the background: ${describePerOperation(hc.background, holdsDone)}`,
      );
      say(
        `CPU per purchase: ${describePerOperation(pc.timed, bought)}; later, in the background (webhook, email with PDF): ${describePerOperation(pc.background, bought)}`,
      );
      const holdsWorth = (c: CpuTimes) =>
        (totalCpu(c) / Math.max(1, bought) / (totalCpu(hc.timed as CpuTimes) / Math.max(1, holdsDone))).toFixed(1);
      say(
        `a purchase costs ${holdsWorth(pc.timed)} holds of CPU while timed, ${holdsWorth(addCpu(pc.timed, pc.background) as CpuTimes)} with its background work (purchase/hold >= 0.5 needs <= 2)`,
      );
    }
    const codes = codesBought.slice(0, CHECKINS).map((code) => ({ code, token: staffToken }));
    const checkins = await runLoad({ base, jobs: codes, concurrency: CHECKIN_CONCURRENCY, mode: 'checkin' });
    const c = checkins.latencies.sort((a, b) => a - b);
    say(
      `check-in: ${codes.length} scans at ${CHECKIN_CONCURRENCY} doors in ${(checkins.ms / 1000).toFixed(2)} s; p50 ${percentile(c, 50).toFixed(1)} ms, p99 ${percentile(c, 99).toFixed(1)} ms; statuses ${JSON.stringify(checkins.statuses)}`,
    );
  } finally {
    await app.close();
    await created.drop();
  }
}
