// Checkout with food against checkout without (issue 17): 100 concurrent customers over real HTTP,
// each buying 2 seats end to end (hold, pay with the test card), against the same with
// `PUT /bookings/{id}/food` between hold and payment (two item kinds: a popcorn and two colas; one
// payment covers seats and food), in alternating rounds on the same database with background jobs
// running (drained between phases, untimed). Prints req/s with p50 and p99 of each, the median of the
// per-round ratios, and the SQL statements per checkout of each kind, counted by a counting executor
// (every statement Kysely sends): those of the requests themselves, with the difference per item
// kind (the goal: about one more statement per item kind), and the background work's apart. PostgreSQL when
// DATABASE_URL is set, else PGlite (one statement at a time: indicative).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Server } from 'node:http';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { testServiceUrls } from '../src/config.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { gridLayout, makeShowtime } from '../test/support/catalog-factories.ts';
import type { TestApp } from '../test/support/test-app.ts';
import { makeMenu } from '../src/modules/concessions/orders.fixtures.ts';
import { benchConfig, benchTokens, openBenchDatabase } from './bench-setup.ts';
import { alternatingRounds, drained, type PurchaseJob, runLoad } from './purchase-rounds.ts';

const CONCURRENCY = 100;
const ROUNDS = 3;
const PURCHASES_PER_ROUND = 150;
const WARMUP = 100;
const SEATS_PER_BOOKING = 2;
const ITEM_KINDS = 2;

/** Marks the work an HTTP request causes (its handler's async chain), so background jobs count apart. */
const inRequest = new AsyncLocalStorage<true>();

/**
 * Counts every statement Kysely's executors send (a transaction's begin/commit aside), patched onto
 * their shared prototype: those sent while serving a request apart from the background work's.
 */
function countStatements(db: Kysely<DB>, server: Server): { request(): number; background(): number } {
  let request = 0;
  let background = 0;
  let proto: any = Object.getPrototypeOf(db.getExecutor());
  while (proto && !Object.hasOwn(proto, 'executeQuery')) proto = Object.getPrototypeOf(proto);
  const original = proto.executeQuery;
  proto.executeQuery = function (this: unknown, ...args: unknown[]) {
    if (inRequest.getStore()) request++;
    else background++;
    return original.apply(this, args);
  };
  // Before Fastify's own listener: the rest of this emit (the handler) runs in the request's context.
  server.prependListener('request', () => inRequest.enterWith(true));
  // begin/commit go to the connection directly: not counted (one pair per transaction either way).
  return { request: () => request, background: () => background };
}

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
    const tokens = await benchTokens(app, db, CONCURRENCY, { prefix: 'food-buyer', name: 'Buyer' });
    const fake = { app, clock: { now: () => new Date() } } as unknown as TestApp;
    const scale = created.database.kind === 'pglite' ? 4 : 1;
    const perRound = PURCHASES_PER_ROUND / scale;
    // Seat pairs in halls of 300, each showtime's cinema with a menu on sale.
    const groups: (PurchaseJob & { food: string })[] = [];
    while (groups.length < WARMUP + (ROUNDS + 1) * 2 * perRound) {
      const s = await makeShowtime(fake, {
        seats: gridLayout(15, 20),
        startsAt: new Date(Date.now() + 2 * 86_400_000),
      });
      const menu = await makeMenu(fake, s.cinemaId);
      const food = JSON.stringify({
        items: [
          { variantId: menu.popcornL, quantity: 1 },
          { variantId: menu.cola, quantity: 2 },
        ],
      });
      for (let i = 0; i + SEATS_PER_BOOKING <= s.seats.length; i += SEATS_PER_BOOKING)
        groups.push({
          showtimeId: s.showtimeId,
          seatIds: s.seats.slice(i, i + SEATS_PER_BOOKING).map((x) => x.id),
          token: '',
          step: null,
          food,
        });
    }
    let used = 0;
    const take = (count: number, withFood: boolean): PurchaseJob[] => {
      const jobs = groups.slice(used, used + count).map(({ food, ...g }, i) => ({
        ...g,
        token: tokens[i % tokens.length]!,
        step: withFood ? { name: 'food', path: '/food', body: food, method: 'PUT' as const } : null,
      }));
      used += count;
      return jobs;
    };
    // A job that failed and waits for its retry is not work the phase left (dueOnly).
    const drain = () => drained(db, { dueOnly: true, measureOn: true });
    say(
      `backend: ${created.database.kind}${services.redisUrl ? ' + redis' : ''}; ${CONCURRENCY} concurrent customers, ${SEATS_PER_BOOKING} seats per booking, food: ${ITEM_KINDS} item kinds; ${ROUNDS} alternating rounds of ${perRound}`,
    );
    if (created.database.kind === 'pglite')
      say('note: PGlite runs one statement at a time; set DATABASE_URL for figures that mean something');
    await runLoad({ base, jobs: take(WARMUP, true), concurrency: CONCURRENCY });
    await drain();

    // Statements per checkout: one phase of each kind; the requests' own apart from the background
    // work they cause (receipts, mails, the order's paid status: drained, counted separately).
    const counter = countStatements(db, app.http.server);
    const per: Record<string, { request: number; background: number }> = {};
    for (const withFood of [false, true]) {
      const [r0, b0] = [counter.request(), counter.background()];
      const r = await runLoad({ base, jobs: take(perRound, withFood), concurrency: CONCURRENCY });
      await drain();
      const n = Math.max(1, r.completed);
      per[withFood ? 'food' : 'plain'] = {
        request: (counter.request() - r0) / n,
        background: (counter.background() - b0) / n,
      };
    }
    const plain = per.plain!;
    const food = per.food!;
    const extra = food.request - plain.request;
    say(
      `statements per checkout in the request path: plain ${plain.request.toFixed(1)}, with food ${food.request.toFixed(1)}; +${extra.toFixed(1)} (${(extra / ITEM_KINDS).toFixed(1)} per item kind, the PUT /food request included)`,
    );
    say(
      `background statements per checkout (jobs and consumers): plain ${plain.background.toFixed(1)}, with food ${food.background.toFixed(1)}`,
    );

    await alternatingRounds({
      base,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      perRound,
      take,
      drain,
      say,
      kind: 'food',
      roundLabel: 'with food',
      summaryLabel: 'checkout with food (hold + food + pay)',
      ratioLabel: 'food/plain checkouts',
    });
    // A claimed job has its attempts raised while it runs: only a failed one waiting for its retry
    // (ready, with an error) is retrying.
    const failing = await db
      .selectFrom('jobs')
      .select((eb) => ['queue', eb.fn.max('last_error').as('error'), eb.fn.countAll<number>().as('n')])
      .where('state', '=', 'ready')
      .where('last_error', 'is not', null)
      .groupBy('queue')
      .execute();
    say(failing.length > 0 ? `jobs retrying: ${JSON.stringify(failing)}` : 'jobs retrying: none');
  } finally {
    await app.close();
    await created.drop();
  }
}
