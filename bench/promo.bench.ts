// Purchases with a promo code against plain purchases (issue 16): 100 concurrent customers over
// real HTTP, each buying 2 seats end to end (hold, pay with the test card, tickets in the answer),
// against the same with `POST /bookings/{id}/promo-code` between hold and payment, in alternating
// rounds on the same database with background jobs running (drained between phases, untimed). The
// code is one shared code without limits, so every use locks the same campaign row: the worst case
// for contention. Prints req/s with p50 and p99 of each and the median of the per-round ratios.
// PostgreSQL when DATABASE_URL is set, else PGlite (one statement at a time: smaller, indicative).
import { buildApp } from '../src/app.ts';
import { testServiceUrls } from '../src/config.ts';
import type { TestApp } from '../test/support/test-app.ts';
import { benchConfig, benchTokens, openBenchDatabase } from './bench-setup.ts';
import { alternatingRounds, drained, type ExtraStep, runLoad, seatGroups } from './purchase-rounds.ts';

const CONCURRENCY = 100;
const ROUNDS = 5;
const PURCHASES_PER_ROUND = 300;
const WARMUP = 200;
const SEATS_PER_BOOKING = 2;
const CODE = 'BENCH10';
const PROMO: ExtraStep = { name: 'promo', path: '/promo-code', body: JSON.stringify({ code: CODE }) };

/** Server and load generator share this process: a micro-bench (bench/run.ts marks its lines). */
export const inProcess = true;

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  const created = await openBenchDatabase(services.databaseUrl);
  const config = benchConfig(services, { MAX_SEATS_PER_CUSTOMER: '1000' });
  const app = await buildApp({ config, database: created.database });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const base = await app.listen();
    const db = created.database.db;
    const tokens = await benchTokens(app, db, CONCURRENCY, { prefix: 'promo-buyer', name: 'Buyer' });
    await app.modules.promotions.admin.create({ code: CODE, name: 'Bench', kind: 'percent', percent: 10 });

    const fake = { app, clock: { now: () => new Date() } } as unknown as TestApp;
    const scale = created.database.kind === 'pglite' ? 4 : 1;
    const perRound = PURCHASES_PER_ROUND / scale;
    const pairs = await seatGroups(fake, WARMUP + ROUNDS * 2 * perRound, SEATS_PER_BOOKING);
    let used = 0;
    const take = (count: number, promo: boolean) => {
      const jobs = pairs
        .slice(used, used + count)
        .map((p, i) => ({ ...p, token: tokens[i % tokens.length]!, step: promo ? PROMO : null }));
      used += count;
      return jobs;
    };
    const drain = () => drained(db, { dueOnly: true, measureOn: true });
    say(
      `backend: ${created.database.kind}${services.redisUrl ? ' + redis' : ''}; ${CONCURRENCY} concurrent customers, ${SEATS_PER_BOOKING} seats per booking; ${ROUNDS} alternating rounds of ${perRound}`,
    );
    if (created.database.kind === 'pglite')
      say('note: PGlite runs one statement at a time; set DATABASE_URL for figures that mean something');
    await runLoad({ base, jobs: take(WARMUP, true), concurrency: CONCURRENCY });
    await drain();

    await alternatingRounds({
      base,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      perRound,
      take,
      drain,
      say,
      kind: 'promo',
      roundLabel: 'with promo code',
      summaryLabel: 'purchase with promo code (hold + code + pay)',
      ratioLabel: 'promo/plain purchases',
    });
  } finally {
    await app.close();
    await created.drop();
  }
}
