// Shared machinery of the benchmarks that compare plain purchases with purchases taking one more
// step between hold and payment (promo code, gift card): the load generator, the untimed drain
// between phases, the seats, and the alternating rounds with their report.
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { DB } from '../src/platform/db/schema.ts';
import { gridLayout, makeShowtime } from '../test/support/catalog-factories.ts';
import type { TestApp } from '../test/support/test-app.ts';
import { percentile } from './bench-setup.ts';

/** The extra request between hold and payment: POST (or `method`) /bookings/{id}{path} with `body`, counted as `name`. */
export interface ExtraStep {
  name: string;
  path: string;
  body: string;
  method?: 'POST' | 'PUT';
}

export interface PurchaseJob {
  showtimeId: string;
  seatIds: string[];
  token: string;
  step: ExtraStep | null;
}

// The load generator runs in a worker thread so the server has the main thread to itself.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { base, jobs, concurrency } = workerData;
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
  if (job.step) {
    const done = await call(job.token, job.step.method || 'POST', '/api/v1/bookings/' + id + job.step.path, job.step.body);
    count(job.step.name, done.status);
    if (done.status !== 200) return;
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

export function runLoad(workerData: { base: string; jobs: PurchaseJob[]; concurrency: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(LOAD_WORKER, { eval: true, execArgv: [], workerData });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/**
 * Waits (untimed) until webhooks, queued jobs and events the last phase left are done. `dueOnly`
 * counts only jobs due now (a retry's backoff or a timer is not work the phase left); after a
 * minute it throws, or with `measureOn` says so and returns.
 */
export async function drained(db: Kysely<DB>, opts: { dueOnly?: boolean; measureOn?: boolean } = {}): Promise<void> {
  const pending = async () => {
    let jobs = db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', 'in', ['ready', 'running']);
    if (opts.dueOnly) jobs = jobs.where('run_at', '<=', new Date());
    const rows = await Promise.all([
      db
        .selectFrom('test_processor_webhooks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('delivered_at', 'is', null)
        .executeTakeFirstOrThrow(),
      jobs.executeTakeFirstOrThrow(),
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
      if (!opts.measureOn) throw new Error('background work did not drain within a minute');
      process.stdout.write(`note: ${await pending()} background items left after a minute; measuring on\n`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** At least `count` groups of `perBooking` neighbouring seats, in halls of 300 starting in two days. */
export async function seatGroups(
  fake: TestApp,
  count: number,
  perBooking: number,
): Promise<{ showtimeId: string; seatIds: string[] }[]> {
  const groups: { showtimeId: string; seatIds: string[] }[] = [];
  while (groups.length < count) {
    const s = await makeShowtime(fake, { seats: gridLayout(15, 20), startsAt: new Date(Date.now() + 2 * 86_400_000) });
    for (let i = 0; i + perBooking <= s.seats.length; i += perBooking)
      groups.push({ showtimeId: s.showtimeId, seatIds: s.seats.slice(i, i + perBooking).map((x) => x.id) });
  }
  return groups;
}

/**
 * `rounds` alternating rounds of `perRound` plain purchases then `perRound` with the extra step
 * (jobs from `take`), each phase drained (untimed) after; prints each round's rates, then the count,
 * req/s, p50 and p99 of each kind, the answers and the median of the per-round ratios.
 */
export async function alternatingRounds(o: {
  base: string;
  concurrency: number;
  rounds: number;
  perRound: number;
  take(count: number, withStep: boolean): Promise<PurchaseJob[]> | PurchaseJob[];
  drain(): Promise<void>;
  say(line: string): void;
  /** The step's kind in the answers ('promo', 'gift'), its round label, its summary label, the ratio's name. */
  kind: string;
  roundLabel: string;
  summaryLabel: string;
  ratioLabel: string;
}): Promise<void> {
  const kinds = ['plain', o.kind] as const;
  const lat: Record<string, number[]> = { plain: [], [o.kind]: [] };
  const done: Record<string, number> = { plain: 0, [o.kind]: 0 };
  const ms: Record<string, number> = { plain: 0, [o.kind]: 0 };
  const ratios: number[] = [];
  const statuses: Record<string, number> = {};
  for (let round = 0; round < o.rounds; round++) {
    const rates: Record<string, number> = { plain: 0, [o.kind]: 0 };
    for (const kind of kinds) {
      const r = await runLoad({
        base: o.base,
        jobs: await o.take(o.perRound, kind !== 'plain'),
        concurrency: o.concurrency,
      });
      await o.drain();
      lat[kind]!.push(...r.latencies);
      done[kind]! += r.completed;
      ms[kind]! += r.ms;
      rates[kind] = r.completed / (r.ms / 1000);
      for (const [k, v] of Object.entries(r.statuses)) statuses[`${kind} ${k}`] = (statuses[`${kind} ${k}`] ?? 0) + v;
    }
    const ratio = rates[o.kind]! / rates.plain!;
    ratios.push(ratio);
    o.say(
      `round ${round + 1}: plain ${rates.plain!.toFixed(0)}/s, ${o.roundLabel} ${rates[o.kind]!.toFixed(0)}/s, ratio ${ratio.toFixed(2)}`,
    );
  }
  for (const kind of kinds) {
    const sorted = lat[kind]!.sort((a, b) => a - b);
    o.say(
      `${kind === 'plain' ? 'purchase (hold + pay)' : o.summaryLabel}: ${done[kind]}, ${(done[kind]! / (ms[kind]! / 1000)).toFixed(0)}/s; p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`,
    );
  }
  o.say(`answers: ${JSON.stringify(statuses)}`);
  o.say(`ratio ${o.ratioLabel}: median ${median(ratios).toFixed(2)} of ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
}
