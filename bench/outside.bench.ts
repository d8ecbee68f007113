// Measured as an outsider would: the server started as in production (`node src/main.ts` on
// PostgreSQL and Redis, logging at info) in a process of its own, a bare node:http server answering
// the same bytes in another, and the load from wrk (C, keep-alive, a Lua script rotating bearer
// tokens). Rounds alternate between the routes so a busy machine weighs on both alike; each line
// prints req/s with p50 and p99, and ratios are medians of per-round ratios.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { testServiceUrls } from '../src/config.ts';
import { freshPostgresDatabase } from '../test/support/backends.ts';

const ROUNDS = 3;
const SECONDS = 5;
const CONNECTIONS = 32;
const USERS = 40;
const root = path.resolve(import.meta.dirname, '..');

interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** Latency in ms from wrk's "50%    1.23ms" lines (us, ms and s units). */
function latency(out: string, pct: string): number {
  const m = new RegExp(`^\\s+${pct}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(out);
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

function wrk(url: string, script?: string): WrkResult {
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${SECONDS}s`, '--latency', ...(script ? ['-s', script] : []), url];
  const r = spawnSync('wrk', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.error}`);
  const out = r.stdout;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: latency(out, '50'),
    p99: latency(out, '99'),
    errors,
  };
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function json(base: string, method: string, url: string, body?: unknown, token?: string): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const line = (name: string, rs: WrkResult[]) =>
  `${name.padEnd(34)} ${median(rs.map((r) => r.rps))
    .toFixed(0)
    .padStart(
      6,
    )} req/s  p50 ${median(rs.map((r) => r.p50)).toFixed(2)} ms  p99 ${median(rs.map((r) => r.p99)).toFixed(2)} ms` +
  (rs.some((r) => r.errors > 0) ? `  (${rs.reduce((a, r) => a + r.errors, 0)} errors)` : '');

export default async function run(): Promise<void> {
  const services = testServiceUrls();
  if (!services.databaseUrl || !services.redisUrl || spawnSync('wrk', ['--version']).error) {
    process.stdout.write('skipped: needs DATABASE_URL, REDIS_URL and wrk (apt-get install wrk)\n');
    return;
  }
  const created = await freshPostgresDatabase(services.databaseUrl, 'marquee_bench');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'marquee-outside-'));
  const children: ChildProcess[] = [];
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(process.execPath, ['src/main.ts'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        GRPC_PORT: String(await freePort()),
        DATABASE_URL: created.url,
        REDIS_URL: services.redisUrl,
        REDIS_PREFIX: `marquee-bench:${randomBytes(4).toString('hex')}:`,
        CINEMA_DEMO: 'true',
        RATE_LIMIT_PER_MINUTE: '1000000',
        DATA_DIR: dir,
        LOG_LEVEL: 'info',
      },
    });
    children.push(server);
    await waitFor(`${base}/readyz`, server);

    const tokens: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const email = `outside-${i}-${randomBytes(3).toString('hex')}@example.test`;
      const password = 'bench-Marquee-password-91';
      await json(base, 'POST', '/api/v1/auth/register', { email, password, name: `Bench ${i}` });
      tokens.push((await json(base, 'POST', '/api/v1/auth/login', { email, password })).token);
    }
    const tokensFile = path.join(dir, 'tokens.txt');
    writeFileSync(tokensFile, `${tokens.join('\n')}\n`);
    const script = path.join(dir, 'me.lua');
    writeFileSync(
      script,
      `local tokens = {}
for t in io.lines("${tokensFile}") do tokens[#tokens + 1] = t end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/me", { ["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] })
end
`,
    );

    // The bare server answers with exactly the bytes and type /me answered.
    const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${tokens[0]}` } });
    const meBody = await me.text();
    const barePort = await freePort();
    const bare = spawn(
      process.execPath,
      [
        '-e',
        `require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': ${JSON.stringify(me.headers.get('content-type'))} }); s.end(${JSON.stringify(meBody)}); }).listen(${barePort}, '127.0.0.1')`,
      ],
      { stdio: 'ignore' },
    );
    children.push(bare);
    await waitFor(`http://127.0.0.1:${barePort}/`, bare);

    const showtimes = await json(base, 'GET', '/api/v1/showtimes?limit=1');
    const showtimeId = showtimes.items[0]?.id as string;
    const routes = {
      bare: [`http://127.0.0.1:${barePort}/`, undefined],
      me: [`${base}/api/v1/me`, script],
      seatMap: [`${base}/api/v1/showtimes/${showtimeId}/seats`, undefined],
      movies: [`${base}/api/v1/movies`, undefined],
    } as const;
    const results: Record<keyof typeof routes, WrkResult[]> = { bare: [], me: [], seatMap: [], movies: [] };
    for (const [url, s] of Object.values(routes))
      spawnSync('wrk', ['-t1', '-c8', '-d1s', ...(s ? ['-s', s] : []), url]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, [url, s]] of Object.entries(routes) as [
        keyof typeof routes,
        readonly [string, string | undefined],
      ][]) {
        results[name].push(wrk(url, s));
      }
    }
    const ratio = (name: keyof typeof routes) =>
      median(results[name].map((r, i) => r.rps / (results.bare[i] as WrkResult).rps)).toFixed(2);
    process.stdout.write(
      [
        `server: node src/main.ts on PostgreSQL + Redis, LOG_LEVEL=info; wrk -t1 -c${CONNECTIONS}, ${ROUNDS} alternating rounds of ${SECONDS} s`,
        line('bare node:http, same bytes as /me', results.bare),
        `${line('GET /api/v1/me (bearer, 40 users)', results.me)}  ratio ${ratio('me')}`,
        `${line('GET /showtimes/{id}/seats', results.seatMap)}  ratio ${ratio('seatMap')}`,
        `${line('GET /movies', results.movies)}  ratio ${ratio('movies')}`,
        '',
      ].join('\n'),
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => c.once('exit', r)))));
    rmSync(dir, { recursive: true, force: true });
    await created.drop();
  }
}
