// Measured as an outsider would: the server started as in production (`node src/main.ts` on
// PostgreSQL and Redis, logging at info) in a process of its own, a bare node:http server answering
// the seat map's bytes in another, and every rate from wrk (C, one thread, keep-alive) in a third,
// Lua scripts sending the authenticated requests (server: production-server.ts). Rounds alternate between the routes so a busy
// machine weighs on all alike; each line prints the median req/s, p50 and p99 of the rounds, and
// each goal the median of its per-round ratios. BENCH_CPU_PROF=<dir> runs the server under
// --cpu-prof (the profile is written there when it stops).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testServiceUrls } from '../src/config.ts';
import { readInvariants } from '../test/crowd/invariants.ts';
import { freshPostgresDatabase } from '../test/support/backends.ts';
import { clearHolds, holdLines, releaseLines, seedCustomers, seedShowtimes } from './outside-data.ts';
import { startProductionServer } from './production-server.ts';
import {
  bareServer,
  describe,
  freePort,
  goal,
  hasWrk,
  luaScript,
  median,
  waitFor,
  wrk,
  type WrkResult,
} from './wrk.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = 5;
const RELEASE_SECONDS = 3;
const CONNECTIONS = 64;
const SHOWTIMES = 40;
const CUSTOMERS = 400;
const ROWS = 30;
const PER_ROW = 30;

const auth = `{ ["Authorization"] = "Bearer " .. f[1] }`;
const authJson = `{ ["Authorization"] = "Bearer " .. f[1], ["Content-Type"] = "application/json" }`;

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  if (!services.databaseUrl || !services.redisUrl || !hasWrk()) {
    process.stdout.write('skipped: needs DATABASE_URL, REDIS_URL and wrk (apt-get install wrk)\n');
    return;
  }
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const created = await freshPostgresDatabase(services.databaseUrl, 'marquee_bench');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-outside-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const server = await startProductionServer({
      databaseUrl: created.url,
      redisUrl: services.redisUrl,
      dataDir: dir,
      demo: true,
    });
    stops.push(server.stop);
    const base = server.base;

    const db = created.database.db;
    const customers = await seedCustomers(db, CUSTOMERS, 'outside');
    const showtimes = await seedShowtimes(created.database, SHOWTIMES, ROWS, PER_ROW);
    const tokenOf = new Map(customers.map((c) => [c.userId, c.token]));
    const holds = holdLines(showtimes, customers, PER_ROW);
    const holdScript = luaScript(dir, 'hold', holds, `wrk.format("POST", "/api/v1/bookings", ${authJson}, f[2])`);
    const meScript = luaScript(
      dir,
      'me',
      customers.map((c) => c.token),
      `wrk.format("GET", "/api/v1/me", ${auth})`,
    );

    // The seat map of a demo showtime (a real hall), and a bare server answering its bytes.
    const listed = (await (await fetch(`${base}/api/v1/showtimes?limit=1`)).json()) as { items: { id: string }[] };
    const mapUrl = `${base}/api/v1/showtimes/${listed.items[0]?.id}/seats`;
    const map = await fetch(mapUrl);
    const mapBytes = Buffer.from(await map.arrayBuffer());
    const barePort = await freePort();
    const bare = bareServer(barePort, mapBytes, map.headers.get('content-type') ?? 'application/json');
    stops.push(bare.stop);
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    await waitFor(bareUrl, bare.child);

    const load = (url: string, script?: string, args?: string[], seconds = SECONDS) =>
      wrk(url, { connections: CONNECTIONS, seconds, script, args });
    // Warm-up: JIT, pools, caches; the holds it made are let go before the rounds.
    for (const [url, script] of [[bareUrl], [mapUrl], [`${base}/api/v1/me`, meScript]] as const)
      load(url, script, undefined, 1);
    load(`${base}/api/v1/bookings`, holdScript, ['0'], 1);
    const showtimeIds = showtimes.map((s) => s.showtimeId);
    await clearHolds(db, showtimeIds);

    const r = { bare: [], map: [], me: [], hold: [], release: [] } as Record<
      'bare' | 'map' | 'me' | 'hold' | 'release',
      WrkResult[]
    >;
    let ranOut = false;
    for (let round = 0; round < ROUNDS; round++) {
      r.bare.push(load(bareUrl));
      r.map.push(load(mapUrl));
      r.me.push(load(`${base}/api/v1/me`, meScript));
      const hold = load(`${base}/api/v1/bookings`, holdScript, ['0']);
      r.hold.push(hold);
      if (hold.requests + CONNECTIONS > holds.length) ranOut = true;
      const releases = await releaseLines(db, showtimeIds, tokenOf);
      const releaseScript = luaScript(
        dir,
        `release-${round}`,
        releases,
        `wrk.format("DELETE", "/api/v1/bookings/" .. f[2], ${auth})`,
      );
      const released = load(`${base}/api/v1/bookings/x`, releaseScript, ['0'], RELEASE_SECONDS);
      if (released.requests > releases.length) ranOut = true;
      r.release.push(released);
      // What the releases did not reach is let go here, so the next round holds the same seats.
      await clearHolds(db, showtimeIds);
    }

    let doubleSold = 0;
    for (const s of showtimes)
      doubleSold += (await readInvariants(created.database, s.showtimeId, new Date())).doubleSold.length;
    const ratio = (a: WrkResult[], b: WrkResult[]) => median(a.map((x, i) => x.rps / (b[i] as WrkResult).rps));
    const mapRatio = ratio(r.map, r.bare);
    const holdRatio = ratio(r.hold, r.me);
    const holdP99 = median(r.hold.map((x) => x.p99));
    const releaseRatio = ratio(r.release, r.hold);
    say(
      `server: node src/main.ts on PostgreSQL + Redis, LOG_LEVEL=info; wrk -t1 -c${CONNECTIONS}; ${ROUNDS} alternating rounds of ${SECONDS} s (releases ${RELEASE_SECONDS} s)`,
    );
    say(describe(`bare node:http, seat map bytes (${mapBytes.length} B)`, r.bare));
    say(describe('GET /showtimes/{id}/seats', r.map));
    say(describe(`GET /me (${CUSTOMERS} customers)`, r.me));
    say(describe(`POST /bookings, 2 seats, ${SHOWTIMES} showtimes`, r.hold));
    say(describe('DELETE /bookings/{id} (those holds)', r.release));
    if (ranOut) say('note: a hold or release list ran out in a round; its later requests were refused');
    say(`seats sold twice (from the database): ${doubleSold}`);
    say(goal('seat map >= 0.7 of bare node:http', mapRatio.toFixed(2), mapRatio >= 0.7));
    say(
      goal(
        `holds at ${CONNECTIONS} conns >= 0.5 of GET /me, p99 < 50 ms`,
        `${holdRatio.toFixed(2)}, p99 ${holdP99.toFixed(1)} ms`,
        holdRatio >= 0.5 && holdP99 < 50,
      ),
    );
    say(goal('releases >= holds', releaseRatio.toFixed(2), releaseRatio >= 1));
    say(goal('no seat sold twice', String(doubleSold), doubleSold === 0));
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
    await created.drop();
  }
}
