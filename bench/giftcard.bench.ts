// Split-tender purchases against plain purchases (issue 16): 100 concurrent customers over real
// HTTP, each buying 2 seats end to end (hold, pay with the test card, tickets in the answer), against
// the same with `POST /bookings/{id}/gift-cards` between hold and payment (a gift card of 10.00 pays
// part, the card the rest), in alternating rounds on the same database with background jobs running
// (drained between phases, untimed). Each purchase spends its own card, issued before its round with
// its events handled (untimed), so the figure is the cost of the extra request and its transaction,
// not contention on one card. Prints req/s with p50 and p99 of each and the median of the per-round
// ratios. PostgreSQL when DATABASE_URL is set, else PGlite (one statement at a time: indicative).
import { buildApp } from '../src/app.ts';
import { testServiceUrls } from '../src/config.ts';
import type { TestApp } from '../test/support/test-app.ts';
import { benchConfig, benchTokens, openBenchDatabase } from './bench-setup.ts';
import { alternatingRounds, drained, runLoad, seatGroups } from './purchase-rounds.ts';

const CONCURRENCY = 100;
const ROUNDS = 5;
const PURCHASES_PER_ROUND = 300;
const WARMUP = 200;
const SEATS_PER_BOOKING = 2;
const GIFT_AMOUNT = 1000;

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
    const tokens = await benchTokens(app, db, CONCURRENCY, { prefix: 'gift-buyer', name: 'Buyer' });
    // One card per split-tender purchase, issued before its round (untimed).
    const giftCards = async (count: number) => {
      const codes: string[] = [];
      for (let i = 0; i < count; i++) {
        const { code } = await db.transaction().execute((trx) =>
          app.modules.giftcards.service.issue(trx, {
            amount: GIFT_AMOUNT,
            currency: 'EUR',
            channel: 'online',
            method: 'card',
            sealForMail: false,
          }),
        );
        codes.push(code);
      }
      return codes;
    };

    const fake = { app, clock: { now: () => new Date() } } as unknown as TestApp;
    const scale = created.database.kind === 'pglite' ? 4 : 1;
    const perRound = PURCHASES_PER_ROUND / scale;
    const pairs = await seatGroups(fake, WARMUP + ROUNDS * 2 * perRound, SEATS_PER_BOOKING);
    let used = 0;
    const take = async (count: number, gift: boolean) => {
      const codes = gift ? await giftCards(count) : [];
      // Their gift_card.issued events are handled before the clock starts.
      if (gift) await drained(db);
      const jobs = pairs.slice(used, used + count).map((p, i) => {
        const code = codes[i];
        const step = code ? { name: 'gift', path: '/gift-cards', body: JSON.stringify({ code }) } : null;
        return { ...p, token: tokens[i % tokens.length]!, step };
      });
      used += count;
      return jobs;
    };
    const drain = () => drained(db);
    say(
      `backend: ${created.database.kind}${services.redisUrl ? ' + redis' : ''}; ${CONCURRENCY} concurrent customers, ${SEATS_PER_BOOKING} seats per booking; ${ROUNDS} alternating rounds of ${perRound}`,
    );
    if (created.database.kind === 'pglite')
      say('note: PGlite runs one statement at a time; set DATABASE_URL for figures that mean something');
    await runLoad({ base, jobs: await take(WARMUP, true), concurrency: CONCURRENCY });
    await drain();

    await alternatingRounds({
      base,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      perRound,
      take,
      drain,
      say,
      kind: 'gift',
      roundLabel: 'with a gift card',
      summaryLabel: 'split tender (hold + gift card + card)',
      ratioLabel: 'split-tender/plain purchases',
    });
  } finally {
    await app.close();
    await created.drop();
  }
}
