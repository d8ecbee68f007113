// Cost as work grows: the seat map, a hold, a customer's booking list and a showtime's sales report
// with 10,000 sold tickets, then again once 1,000,000 are sold over 10,000 showtimes (goal: each at
// most 1.2× what it cost before). Server as in outside.bench.ts (node src/main.ts on PostgreSQL and
// Redis, its own process), load from wrk rotating over the same 100 showtimes (100 seats sold on
// each) at both sizes; tickets seeded with SQL (scale-data.ts). Cost is 1 / rate, compared as the
// median of per-round ratios; p50 and p99 are printed with each rate. BENCH_KEEP_DB=1 keeps the data.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { testServiceUrls } from '../src/config.ts';
import { freshPostgresDatabase } from '../test/support/backends.ts';
import { seedCustomers, seedShowtimes } from './outside-data.ts';
import { startProductionServer } from './production-server.ts';
import { seedMoreShowtimes, seedSoldTickets } from './scale-data.ts';
import { describe, goal, hasWrk, luaScript, median, wrk, type WrkResult } from './wrk.ts';

const HALLS = 100;
const SHOWTIMES = 10_000;
const ROWS = 10;
const PER_ROW = 20;
const CUSTOMERS = 400;
const OTHERS = 50_000;
const SECONDS = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 16;
const auth = `{ ["Authorization"] = "Bearer " .. f[1] }`;

type Op = 'seatMap' | 'hold' | 'bookings' | 'report';

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  if (!services.databaseUrl || !services.redisUrl || !hasWrk()) {
    process.stdout.write('skipped: needs DATABASE_URL, REDIS_URL and wrk (apt-get install wrk)\n');
    return;
  }
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const created = await freshPostgresDatabase(services.databaseUrl, 'marquee_bench');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-scale-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const server = await startProductionServer({
      databaseUrl: created.url,
      redisUrl: services.redisUrl,
      dataDir: dir,
      demo: false,
    });
    stops.push(server.stop);
    const base = server.base;

    const db = created.database.db;
    const seedStart = performance.now();
    const customers = await seedCustomers(db, CUSTOMERS, 'scale');
    const staff = (await seedCustomers(db, 1, 'scale-staff'))[0] as { userId: string; token: string };
    await db.updateTable('users').set({ role: 'staff' }).where('id', '=', staff.userId).execute();
    await sql`insert into users (email, name, role, email_verified)
      select 'scale-other-' || g || '@example.test', 'Other ' || g, 'customer', true from generate_series(1, ${OTHERS}) g`.execute(
      db,
    );
    const others = (
      await sql<{ id: string }>`select id from users where email like 'scale-other-%'`.execute(db)
    ).rows.map((r) => r.id);
    const halls = await seedShowtimes(created.database, HALLS, ROWS, PER_ROW);
    const more = await seedMoreShowtimes(
      db,
      halls.map((h) => h.showtimeId),
      SHOWTIMES / HALLS - 1,
    );
    // Measured: the first 100 showtimes, 100 seats sold on each (10,000 tickets) to the measured
    // customers; the 1,000,000 come from 100 more on each of the other 9,900, sold to others. The
    // measured showtimes and customers are then the same; only the rest of the database grew.
    const showtimeIds = halls.map((h) => h.showtimeId);
    await seedSoldTickets(created.url, {
      showtimeIds,
      fromSeat: 0,
      perShowtime: 100,
      userIds: customers.map((c) => c.userId),
    });
    say(
      `seeded ${SHOWTIMES} showtimes in ${HALLS} halls of ${ROWS * PER_ROW} seats, ${CUSTOMERS + OTHERS} customers, 10,000 tickets: ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );

    // Holds: two seats of rows F-J (never sold), a different pair each time, on the measured showtimes.
    const pairsPerShowtime = 50;
    const hallSeats = new Map<string, string[]>();
    for (const r of (
      await sql<{ hall_id: string; ids: string[] }>`
        select hall_id, array_agg(id::text order by row_index, number) as ids from seats group by hall_id`.execute(db)
    ).rows)
      hallSeats.set(r.hall_id, r.ids);
    const seatsOf = new Map<string, string[]>();
    for (const r of (await sql<{ id: string; hall_id: string }>`select id, hall_id from showtimes`.execute(db)).rows)
      seatsOf.set(r.id, hallSeats.get(r.hall_id) ?? []);
    const holdLines: string[] = [];
    for (let p = 0; p < pairsPerShowtime; p++)
      for (const [i, id] of showtimeIds.entries()) {
        const seats = seatsOf.get(id) as string[];
        const at = (ROWS / 2) * PER_ROW + 2 * p;
        const token = customers[(i + p * 7) % customers.length]?.token as string;
        holdLines.push(`${token}\t${JSON.stringify({ showtimeId: id, seatIds: [seats[at], seats[at + 1]] })}`);
      }
    const scripts: Record<Op, { url: string; script: string }> = {
      seatMap: {
        url: `${base}/`,
        script: luaScript(dir, 'map', showtimeIds, `wrk.format("GET", "/api/v1/showtimes/" .. f[1] .. "/seats")`),
      },
      hold: {
        url: `${base}/`,
        script: luaScript(
          dir,
          'hold',
          holdLines,
          `wrk.format("POST", "/api/v1/bookings", { ["Authorization"] = "Bearer " .. f[1], ["Content-Type"] = "application/json" }, f[2])`,
        ),
      },
      bookings: {
        url: `${base}/`,
        script: luaScript(
          dir,
          'bookings',
          customers.map((c) => c.token),
          `wrk.format("GET", "/api/v1/bookings?limit=20", ${auth})`,
        ),
      },
      report: {
        url: `${base}/`,
        script: luaScript(
          dir,
          'report',
          showtimeIds.map((id) => `${staff.token}\t${id}`),
          `wrk.format("GET", "/api/v1/showtimes/" .. f[2] .. "/report", ${auth})`,
        ),
      },
    };
    let holdOffset = 0;
    const measure = (): Record<Op, WrkResult[]> => {
      const out: Record<Op, WrkResult[]> = { seatMap: [], hold: [], bookings: [], report: [] };
      for (let round = 0; round < ROUNDS; round++)
        for (const op of Object.keys(scripts) as Op[]) {
          const { url, script } = scripts[op];
          const args = op === 'hold' ? [String(holdOffset)] : [String(round * 997)];
          const r = wrk(url, { connections: CONNECTIONS, seconds: SECONDS, script, args });
          if (op === 'hold') holdOffset += r.requests + CONNECTIONS;
          out[op].push(r);
        }
      return out;
    };
    for (const { url, script } of Object.values(scripts))
      wrk(url, { connections: CONNECTIONS, seconds: 1, script, args: [String(holdLines.length - 500)] });
    const small = measure();

    const bigStart = performance.now();
    await seedSoldTickets(created.url, { showtimeIds: more, fromSeat: 0, perShowtime: 100, userIds: others });
    const tickets = Number(
      (await sql<{ n: string }>`select count(*)::text as n from tickets`.execute(db)).rows[0]?.n ?? 0,
    );
    say(`seeded to ${tickets.toLocaleString('en')} tickets in ${((performance.now() - bigStart) / 1000).toFixed(0)} s`);
    const big = measure();

    say(
      `server: node src/main.ts on PostgreSQL + Redis, LOG_LEVEL=info; wrk -t1 -c${CONNECTIONS} rotating over the 100 measured showtimes; ${ROUNDS} rounds of ${SECONDS} s per size`,
    );
    const names: Record<Op, string> = {
      seatMap: 'GET /showtimes/{id}/seats',
      hold: 'POST /bookings (2 seats)',
      bookings: "GET /bookings (a customer's list)",
      report: 'GET /showtimes/{id}/report (staff)',
    };
    for (const op of Object.keys(scripts) as Op[]) {
      say(describe(`${names[op]}, 10k tickets`, small[op]));
      say(describe(`${names[op]}, 1M tickets`, big[op]));
      const cost = median(small[op].map((s, i) => s.rps / (big[op][i] as WrkResult).rps));
      say(goal(`${names[op]}: cost at 1M <= 1.2x at 10k`, `${cost.toFixed(2)}x`, cost <= 1.2));
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
    // BENCH_KEEP_DB=1 keeps the seeded database for EXPLAIN ANALYZE.
    if (process.env.BENCH_KEEP_DB) say(`kept database: ${created.url}`);
    else await created.drop();
  }
}
