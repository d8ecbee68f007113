// Premiere crowd (issue 18): 20,000 visitors arriving within 60 s for 20 showtimes, each through its
// showtime's waiting room (on sale a little after the first arrival, so the early ones are drawn at
// random and the later ones queue in order), against the server started as in production
// (`node src/main.ts` on PostgreSQL + Redis, logging at info) in a process of its own. The visitors
// run in another process (bench/premiere-driver.ts: join, poll, seat map, hold with the admission
// token); while they run, wrk samples the other pages (seat map, /movies, /me) from a third, one
// connection each. Checked afterwards: no seat sold twice (from the database); admissions in queue
// order (no visitor seen admitted while one with an earlier place was still told to wait, later
// joiners placed in their arrival order, everyone drawn placed before them, places 1..n without
// gaps); admitted visitors' holds p99 < 100 ms; other pages p99 < 50 ms.
// BENCH_SCALE scales the visitor count (default 1: 20,000), BENCH_WINDOW_S the arrival window (60),
// BENCH_ADMIT_PER_MINUTE each room's admission rate (default 1.5× its arrival rate: the queue drains);
// BENCH_CPU_PROF=<dir> runs the server under --cpu-prof.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { testServiceUrls } from '../src/config.ts';
import { readInvariants } from '../test/crowd/invariants.ts';
import { freshPostgresDatabase } from '../test/support/backends.ts';
import { percentile } from './bench-setup.ts';
import { seedCustomers, seedShowtimes } from './outside-data.ts';
import type { DriverInput, DriverOutput, VisitorTrace } from './premiere-driver.ts';
import { startProductionServer } from './production-server.ts';
import { goal, hasWrk, luaScript, startProcess, wrkInBackground, type WrkResult } from './wrk.ts';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const VISITORS = Math.max(20, Math.round(20_000 * SCALE));
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 60);
const SHOWTIMES = 20;
const ROWS = 10;
const PER_ROW = 20;
const ON_SALE_AFTER_S = Math.min(10, WINDOW_S / 6);
const DRAIN_S = 45;
const CONNECTIONS = 256;
const ADMIT_PER_MINUTE = Number(
  process.env.BENCH_ADMIT_PER_MINUTE ?? Math.ceil((1.5 * VISITORS) / SHOWTIMES / (WINDOW_S / 60)),
);
const root = path.resolve(import.meta.dirname, '..');

/** Pairs (a before b) where b's place is below a's: `before(a, b)` says a happened before b for certain. */
function inversions<T extends { place: number }>(
  items: T[],
  endOf: (x: T) => number,
  startOf: (x: T) => number,
): number {
  const byEnd = [...items].sort((a, b) => endOf(a) - endOf(b));
  const byStart = [...items].sort((a, b) => startOf(a) - startOf(b));
  let j = 0;
  let maxPlace = -Infinity;
  let bad = 0;
  for (const b of byStart) {
    while (j < byEnd.length && endOf(byEnd[j] as T) < startOf(b))
      maxPlace = Math.max(maxPlace, (byEnd[j++] as T).place);
    if (maxPlace > b.place) bad++;
  }
  return bad;
}

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  if (!services.databaseUrl || !services.redisUrl || !hasWrk()) {
    process.stdout.write('skipped: needs DATABASE_URL, REDIS_URL and wrk (apt-get install wrk)\n');
    return;
  }
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const created = await freshPostgresDatabase(services.databaseUrl, 'marquee_bench');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-premiere-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const server = await startProductionServer({
      databaseUrl: created.url,
      redisUrl: services.redisUrl,
      dataDir: dir,
      demo: true,
      // Every visitor comes from this one address.
      env: { WAITING_ROOM_JOINS_PER_MINUTE: '10000000' },
    });
    stops.push(server.stop);
    const base = server.base;

    const seedStart = Date.now();
    const db = created.database.db;
    const people: { userId: string; token: string }[] = [];
    for (let i = 0; i < VISITORS + 2; i += 2000)
      people.push(...(await seedCustomers(db, Math.min(2000, VISITORS + 2 - i), `premiere${i}`)));
    const [admin, reader] = people.splice(VISITORS, 2) as [(typeof people)[number], (typeof people)[number]];
    await db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.userId).execute();
    const showtimes = await seedShowtimes(created.database, SHOWTIMES, ROWS, PER_ROW);
    const showtimeIds = showtimes.map((s) => s.showtimeId);

    const startAt = Date.now() + 3000;
    const onSaleAt = new Date(startAt + ON_SALE_AFTER_S * 1000);
    for (const id of showtimeIds) {
      const r = await fetch(`${base}/api/v1/showtimes/${id}/waiting-room`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ onSaleAt: onSaleAt.toISOString(), admissionsPerMinute: ADMIT_PER_MINUTE }),
      });
      if (r.status !== 200) throw new Error(`waiting room for ${id}: ${r.status} ${await r.text()}`);
    }
    const seedS = (Date.now() - seedStart) / 1000;

    // The other pages, sampled by wrk from its own process while the crowd runs.
    const mapScript = luaScript(
      dir,
      'maps',
      showtimeIds,
      'wrk.format("GET", "/api/v1/showtimes/" .. f[1] .. "/seats")',
    );
    const meScript = luaScript(
      dir,
      'me',
      [reader.token],
      'wrk.format("GET", "/api/v1/me", { ["Authorization"] = "Bearer " .. f[1] })',
    );
    const input: DriverInput = {
      base,
      startAt,
      windowMs: WINDOW_S * 1000,
      stopAt: startAt + (WINDOW_S + DRAIN_S) * 1000,
      connections: CONNECTIONS,
      visitors: people.map((p, i) => ({ ...p, showtimeId: showtimeIds[i % SHOWTIMES] as string })),
    };
    const inFile = path.join(dir, 'driver-in.json');
    const outFile = path.join(dir, 'driver-out.json');
    writeFileSync(inFile, JSON.stringify(input));
    const driver = startProcess(process.execPath, ['bench/premiere-driver.ts', inFile, outFile], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
    });
    stops.push(driver.stop);
    const driverDone = new Promise<number | null>((r) => driver.child.once('exit', (code) => r(code)));
    await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
    const sampleS = Math.ceil(WINDOW_S + ON_SALE_AFTER_S);
    const sample = (url: string, script?: string) => wrkInBackground(url, { connections: 1, seconds: sampleS, script });
    const [map, movies, me] = (await Promise.all([
      sample(`${base}/api/v1/showtimes/x/seats`, mapScript),
      sample(`${base}/api/v1/movies`),
      sample(`${base}/api/v1/me`, meScript),
    ])) as [WrkResult, WrkResult, WrkResult];
    const code = await driverDone;
    if (code !== 0) throw new Error(`the visitors' process exited with ${code}`);
    const crowdS = (Date.now() - startAt) / 1000;
    const result = JSON.parse(readFileSync(outFile, 'utf8')) as DriverOutput;

    // Checks from the database: double sales and the places given.
    let doubleSold = 0;
    for (const id of showtimeIds)
      doubleSold += (await readInvariants(created.database, id, new Date())).doubleSold.length;
    const places = await sql<{ identity: string; showtime_id: string; place: string | null }>`
      select v.identity, v.showtime_id::text as showtime_id, v.place::text as place
      from waiting_room_visits v where v.showtime_id = any(${showtimeIds}::uuid[])`.execute(db);
    const placeOf = new Map(places.rows.map((r) => [r.identity, r.place === null ? null : Number(r.place)]));
    const gaps = await sql<{ n: number }>`
      select count(*)::int as n from waiting_rooms r
      where r.showtime_id = any(${showtimeIds}::uuid[])
        and r.last_place <> (select count(place) from waiting_room_visits v where v.room_id = r.id)`.execute(db);
    const sold = await sql<{ n: number }>`
      select count(*)::int as n from seat_claims where showtime_id = any(${showtimeIds}::uuid[])`.execute(db);

    type Placed = VisitorTrace & { place: number };
    const joined = result.traces.filter((t) => t.joinRecv > 0 && placeOf.get(`u:${t.userId}`) != null);
    const placed: Placed[] = joined.map((t) => ({ ...t, place: placeOf.get(`u:${t.userId}`) as number }));
    let outOfOrder = 0;
    let arrivalInversions = 0;
    let drawnAfterLater = 0;
    for (const id of showtimeIds) {
      const mine = placed.filter((t) => t.showtimeId === id);
      // Seen admitted (answer received) before someone with an earlier place was told to wait (request sent).
      outOfOrder += inversions(
        mine.filter((t) => t.admittedRecv > 0 || t.lastWaitingSent > 0),
        (t) => t.admittedRecv || Number.MAX_SAFE_INTEGER,
        (t) => t.lastWaitingSent || -1,
      );
      const later = mine.filter((t) => !t.drawn);
      arrivalInversions += inversions(
        later,
        (t) => t.joinRecv,
        (t) => t.joinSent,
      );
      const firstLater = Math.min(...later.map((t) => t.place));
      drawnAfterLater += mine.filter((t) => t.drawn && t.place > firstLater).length;
    }
    const failures = new Map<string, number>();
    for (const t of result.traces) if (t.failed) failures.set(t.failed, (failures.get(t.failed) ?? 0) + 1);
    const holds = [...result.holdMs].sort((a, b) => a - b);
    const joins = [...result.joinMs].sort((a, b) => a - b);
    const polls = [...result.pollMs].sort((a, b) => a - b);
    const maps = [...result.mapMs].sort((a, b) => a - b);
    const line = (name: string, xs: number[]) =>
      `${name.padEnd(40)} ${String(xs.length).padStart(6)} requests  p50 ${percentile(xs, 50).toFixed(1)} ms  p99 ${percentile(xs, 99).toFixed(1)} ms`;
    const page = (name: string, r: WrkResult) =>
      `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} req/s     p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms${r.errors ? `  (${r.errors} errors)` : ''}`;
    const admitted = result.traces.filter((t) => t.admittedRecv > 0).length;
    const inOrder = outOfOrder === 0 && arrivalInversions === 0 && drawnAfterLater === 0 && gaps.rows[0]?.n === 0;
    const holdP99 = percentile(holds, 99);
    const pagesP99 = Math.max(map.p99, movies.p99, me.p99);

    say(
      `server: node src/main.ts on PostgreSQL + Redis, LOG_LEVEL=info; visitors from bench/premiere-driver.ts ` +
        `(node:http keep-alive, ${CONNECTIONS} connections); other pages from wrk -t1 -c1 each`,
    );
    say(
      `${VISITORS} visitors in ${WINDOW_S} s for ${SHOWTIMES} showtimes of ${ROWS * PER_ROW} seats (2 seats a hold); ` +
        `on sale ${ON_SALE_AFTER_S} s after the first arrival; ${ADMIT_PER_MINUTE} admissions/min per room; ` +
        `seeded in ${seedS.toFixed(1)} s; crowd ran ${crowdS.toFixed(1)} s`,
    );
    say(line('POST …/waiting-room/visits (join)', joins));
    say(line('GET …/visits/current (poll)', polls));
    say(line('GET seat map (admitted visitors)', maps));
    say(line('POST /bookings with the token (hold)', holds));
    say(page('wrk: GET /showtimes/{id}/seats', map));
    say(page('wrk: GET /movies', movies));
    say(page('wrk: GET /me', me));
    say(
      `admitted ${admitted} of ${VISITORS}; held ${result.traces.filter((t) => t.held).length}; left sold out ` +
        `${result.traces.filter((t) => t.soldOut).length}; hold conflicts (409, retried) ${result.holdConflicts}; ` +
        `seats claimed ${sold.rows[0]?.n} of ${SHOWTIMES * ROWS * PER_ROW}`,
    );
    const notStarted = VISITORS - result.traces.length;
    if (notStarted > 0) failures.set('not started by the end', notStarted);
    if (failures.size > 0) say(`visitors who did not finish: ${JSON.stringify(Object.fromEntries(failures))}`);
    say(`answers: ${JSON.stringify(result.statuses)}`);
    say(
      `order: admitted before an earlier place ${outOfOrder}; later joiners out of arrival order ${arrivalInversions}; ` +
        `drawn visitors placed after a later joiner ${drawnAfterLater}; rooms with place gaps ${gaps.rows[0]?.n}`,
    );
    say(goal('no seat sold twice (database)', String(doubleSold), doubleSold === 0));
    say(goal('admissions in queue order', inOrder ? '0 inversions' : 'inversions', inOrder));
    say(goal('admitted visitors’ holds p99 < 100 ms', `${holdP99.toFixed(1)} ms`, holds.length > 0 && holdP99 < 100));
    say(goal('other pages (seat map, /movies, /me) p99 < 50 ms', `${pagesP99.toFixed(1)} ms`, pagesP99 < 50));
    say(goal('every visitor admitted', `${admitted} of ${VISITORS}`, admitted === VISITORS));
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
    await created.drop();
  }
}
