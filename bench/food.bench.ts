// Checkout with food against checkout without (issue 17). Two parts, on one database:
// 1. Statements per checkout, exact: an app with no background work running (no job queue, no outbox
//    dispatcher, no job runner) serves a handful of checkouts one after another, each request's SQL
//    counted at the driver (every statement a connection runs, begin and commit included): plain
//    (hold + pay) and with food of K = 1, 2, 3 item kinds (hold + PUT /food + pay). Prints the fixed
//    cost of PUT /food, the increment per item kind, and pass/MISS against "about one more statement
//    per item kind".
// 2. Throughput: a second app, background jobs running, 100 concurrent customers over real HTTP in
//    alternating short rounds of plain checkouts and checkouts with two kinds of food; req/s, p50, p99
//    and the median per-round ratio. PostgreSQL when DATABASE_URL is set, else PGlite (indicative).
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.ts';
import { testServiceUrls } from '../src/config.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { gridLayout, makeShowtime } from '../test/support/catalog-factories.ts';
import type { TestApp } from '../test/support/test-app.ts';
import { makeMenu, type TestMenu } from '../src/modules/concessions/orders.fixtures.ts';
import { benchConfig, benchTokens, openBenchDatabase } from './bench-setup.ts';
import { alternatingRounds, drained, type PurchaseJob, runLoad } from './purchase-rounds.ts';

const CONCURRENCY = 100;
const ROUNDS = 3;
const PURCHASES_PER_ROUND = 100;
const WARMUP = 60;
const SEATS_PER_BOOKING = 2;
const ITEM_KINDS = 2;
/** Counted checkouts of each kind (sequential), after as many uncounted ones to warm caches. */
const COUNTED = 5;
/** "About one more statement per item kind": the per-kind increment may be this much. */
const PER_KIND_GOAL = 1.5;

type App = Awaited<ReturnType<typeof buildApp>>;

/** The food order of `kinds` item kinds (popcorn L, two colas, popcorn S in that order). */
function foodBody(menu: TestMenu, kinds: number): string {
  const items = [
    { variantId: menu.popcornL, quantity: 1 },
    { variantId: menu.cola, quantity: 2 },
    { variantId: menu.popcornS, quantity: 1 },
  ];
  return JSON.stringify({ items: items.slice(0, kinds) });
}

/**
 * Counts every statement the database connections run (begin, commit and rollback included), patched
 * onto the driver connection's prototype: every query of the app goes through one of these.
 */
async function countStatements(db: Kysely<DB>): Promise<() => number> {
  let count = 0;
  const proto: any = await db.getExecutor().provideConnection(async (c) => Object.getPrototypeOf(c));
  const original = proto.executeQuery;
  proto.executeQuery = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  return () => count;
}

/** Seat pairs in halls of 300 with a menu on sale at each showtime's cinema. */
async function seatGroups(
  app: App,
  count: number,
): Promise<{ showtimeId: string; seatIds: string[]; menu: TestMenu }[]> {
  const fake = { app, clock: { now: () => new Date() } } as unknown as TestApp;
  const groups: { showtimeId: string; seatIds: string[]; menu: TestMenu }[] = [];
  while (groups.length < count) {
    const s = await makeShowtime(fake, { seats: gridLayout(15, 20), startsAt: new Date(Date.now() + 2 * 86_400_000) });
    const menu = await makeMenu(fake, s.cinemaId);
    for (let i = 0; i + SEATS_PER_BOOKING <= s.seats.length; i += SEATS_PER_BOOKING)
      groups.push({
        showtimeId: s.showtimeId,
        seatIds: s.seats.slice(i, i + SEATS_PER_BOOKING).map((x) => x.id),
        menu,
      });
  }
  return groups;
}

interface Counted {
  hold: number;
  food: number;
  pay: number;
}

/**
 * Part 1: sequential checkouts on an app with no background work; per kind (0 = plain, else item
 * kinds of food) the mean statements of each request, and the statements run outside any request.
 */
async function countCheckouts(
  app: App,
  db: Kysely<DB>,
  counter: () => number,
  say: (line: string) => void,
): Promise<void> {
  const base = await app.listen();
  const [token] = await benchTokens(app, db, 1, { prefix: 'food-counted', name: 'Counted' });
  const kinds = [0, 1, 2, 3];
  const groups = await seatGroups(app, kinds.length * COUNTED * 2);
  const call = async (method: string, path: string, body: string, want: number) => {
    const before = counter();
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    const text = await res.text();
    if (res.status !== want) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return { statements: counter() - before, body: text };
  };
  const checkout = async (g: (typeof groups)[number], k: number): Promise<Counted> => {
    const held = await call('POST', '/bookings', JSON.stringify({ showtimeId: g.showtimeId, seatIds: g.seatIds }), 201);
    const id = (JSON.parse(held.body) as { id: string }).id;
    const food = k > 0 ? (await call('PUT', `/bookings/${id}/food`, foodBody(g.menu, k), 200)).statements : 0;
    const card = { card: { number: '4242424242424242', expMonth: 12, expYear: 2040, cvc: '123' } };
    const paid = await call('POST', `/bookings/${id}/payments`, JSON.stringify(card), 201);
    return { hold: held.statements, food, pay: paid.statements };
  };
  let next = 0;
  // Uncounted first: caches (menus, prepared statements, sessions) warm as they would in service.
  for (const k of kinds) for (let i = 0; i < COUNTED; i++) await checkout(groups[next++]!, k);
  const total0 = counter();
  let inRequests = 0;
  const mean: Record<number, Counted> = {};
  for (const k of kinds) {
    const sum: Counted = { hold: 0, food: 0, pay: 0 };
    for (let i = 0; i < COUNTED; i++) {
      const c = await checkout(groups[next++]!, k);
      sum.hold += c.hold;
      sum.food += c.food;
      sum.pay += c.pay;
      inRequests += c.hold + c.food + c.pay;
    }
    mean[k] = { hold: sum.hold / COUNTED, food: sum.food / COUNTED, pay: sum.pay / COUNTED };
  }
  const outside = counter() - total0 - inRequests;
  const sumOf = (c: Counted) => c.hold + c.food + c.pay;
  const f = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  say(
    `statements per checkout (${COUNTED} sequential each, no background work, begin/commit included; outside requests: ${outside}):`,
  );
  for (const k of kinds) {
    const c = mean[k]!;
    say(
      k === 0
        ? `  plain:             ${f(sumOf(c))} (hold ${f(c.hold)} + pay ${f(c.pay)})`
        : `  food, ${k} kind${k > 1 ? 's' : ' '}:     ${f(sumOf(c))} (hold ${f(c.hold)} + food ${f(c.food)} + pay ${f(c.pay)}); +${f(sumOf(c) - sumOf(mean[0]!))} over plain`,
    );
  }
  // The hold is the same request either way (its count varies with session upkeep, not food): the
  // extra is PUT /food plus what paying for food adds, split as fixed + perKind * K over K = 1..3.
  const xs = [1, 2, 3];
  const ys = xs.map((k) => mean[k]!.food + mean[k]!.pay - mean[0]!.pay);
  const perKind = (ys[2]! - ys[0]!) / 2;
  const fixed = ys.reduce((a, b) => a + b, 0) / 3 - perKind * 2; // the line through the mean at K = 2
  const payDelta = xs.map((k) => mean[k]!.pay - mean[0]!.pay);
  say(
    `  extra (food + pay - plain pay): ${xs.map((k, i) => `K=${k} +${f(ys[i]!)} (${f(ys[i]! / k)} per kind)`).join(', ')}; as fixed + per kind: ${f(fixed)} + ${f(perKind)} per kind (PUT /food itself ${xs.map((k) => f(mean[k]!.food)).join('/')}, pay +${payDelta.map(f).join('/')})`,
  );
  // Read strictly, a basket of K kinds may cost about K more statements in all; read as the
  // increment, each kind may add about one. Both verdicts, so a fixed cost is not hidden.
  const increment = perKind <= PER_KIND_GOAL ? 'pass' : 'MISS';
  const whole = xs.every((k, i) => ys[i]! <= PER_KIND_GOAL * k) ? 'pass' : 'MISS';
  say(
    `  goal "about one more statement per item kind": per-kind increment ${increment} (${f(perKind)} <= ${PER_KIND_GOAL}); whole basket ${whole} (fixed ${f(fixed)} for the food request and paying for it, whatever K)`,
  );
}

/** Server and load generator share this process: a micro-bench (bench/run.ts marks its lines). */
export const inProcess = true;

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  const created = await openBenchDatabase(services.databaseUrl);
  const config = benchConfig(services, { MAX_SEATS_PER_CUSTOMER: '1000' });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const db = created.database.db;
  try {
    say(`backend: ${created.database.kind}${services.redisUrl ? ' + redis' : ''}`);
    if (created.database.kind === 'pglite')
      say('note: PGlite runs one statement at a time; set DATABASE_URL for figures that mean something');
    // Part 1 on an app that runs no background work: nothing but the requests sends SQL.
    const quiet = await buildApp({ config, database: created.database, runJobs: false });
    try {
      await countCheckouts(quiet, db, await countStatements(db), say);
    } finally {
      await quiet.close();
    }
    await throughput(await buildApp({ config, database: created.database }), db, say, created.database.kind);
  } finally {
    await created.drop();
  }
}

/** Part 2: alternating rounds of plain checkouts and checkouts with food, background jobs running. */
async function throughput(app: App, db: Kysely<DB>, say: (line: string) => void, kind: string): Promise<void> {
  try {
    const base = await app.listen();
    const tokens = await benchTokens(app, db, CONCURRENCY, { prefix: 'food-buyer', name: 'Buyer' });
    const perRound = PURCHASES_PER_ROUND / (kind === 'pglite' ? 4 : 1);
    const groups = await seatGroups(app, WARMUP + ROUNDS * 2 * perRound);
    let used = 0;
    const take = (count: number, withFood: boolean): PurchaseJob[] => {
      const jobs = groups.slice(used, used + count).map(({ menu, ...g }, i) => ({
        ...g,
        token: tokens[i % tokens.length]!,
        step: withFood
          ? { name: 'food', path: '/food', body: foodBody(menu, ITEM_KINDS), method: 'PUT' as const }
          : null,
      }));
      used += count;
      return jobs;
    };
    // A job that failed and waits for its retry is not work the phase left (dueOnly).
    const drain = () => drained(db, { dueOnly: true, measureOn: true });
    say(
      `throughput: ${CONCURRENCY} concurrent customers, ${SEATS_PER_BOOKING} seats per booking, food: ${ITEM_KINDS} item kinds; ${ROUNDS} alternating rounds of ${perRound}, background jobs running`,
    );
    await drain();
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
  }
}
