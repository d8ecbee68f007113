// What the outside benchmarks share: wrk (C, keep-alive) as the one load generator, in a process of
// its own; its figures read from its output; Lua scripts for authenticated requests; free ports; and
// processes started as a user starts them, stopped by their own id.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers plus socket errors. */
  errors: number;
}

export const hasWrk = () => !spawnSync('wrk', ['--version']).error;

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** Latency in ms from wrk's "50%    1.23ms" lines (us, ms, s and m units). */
function latency(out: string, pct: string): number {
  const m = new RegExp(`^\\s+${pct}(?:\\.000)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out);
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : m[2] === 'm' ? v * 60_000 : v;
}

const wrkArgs = (url: string, opts: WrkOptions) => [
  '-t1',
  `-c${opts.connections}`,
  `-d${opts.seconds}s`,
  '--timeout',
  '10s',
  '--latency',
  ...(opts.script ? ['-s', opts.script] : []),
  url,
  ...(opts.args && opts.args.length > 0 ? ['--', ...opts.args] : []),
];

interface WrkOptions {
  connections: number;
  seconds: number;
  script?: string | undefined;
  args?: string[];
}

/** wrk's figures from its output. */
function parseWrk(out: string): WrkResult {
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: latency(out, '50'),
    p99: latency(out, '99'),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
    errors: non2xx + (socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0),
  };
}

/** One wrk run: one thread, `connections` keep-alive connections, `seconds` long; `args` go to the script. */
export function wrk(url: string, opts: WrkOptions): WrkResult {
  const r = spawnSync('wrk', wrkArgs(url, opts), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr || r.error}`);
  return parseWrk(r.stdout);
}

/** `wrk` without blocking this process: for sampling pages while something else runs. */
export function wrkInBackground(url: string, opts: WrkOptions): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', wrkArgs(url, opts), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(parseWrk(out)) : reject(new Error(`wrk failed: ${err}`))));
  });
}

/**
 * A Lua script sending the requests of `lines` (tab-separated fields) in turn, from the line given
 * as the script's first argument on. `format` is Lua building one request from `f` (the fields);
 * past the last line it starts again (and the bench reports the errors that follow).
 */
export function luaScript(dir: string, name: string, lines: string[], format: string): string {
  const data = path.join(dir, `${name}.txt`);
  writeFileSync(data, `${lines.join('\n')}\n`);
  const script = path.join(dir, `${name}.lua`);
  writeFileSync(
    script,
    `local reqs = {}
local function split(s)
  local f = {}
  for part in string.gmatch(s, "[^\\t]+") do f[#f + 1] = part end
  return f
end
local i = 0
-- Formatted in init, once wrk has set the Host header that wrk.format copies into each request.
init = function(args)
  for l in io.lines("${data}") do
    local f = split(l)
    reqs[#reqs + 1] = ${format}
  end
  i = tonumber(args[1] or "0") or 0
end
request = function()
  i = i + 1
  return reqs[((i - 1) % #reqs) + 1]
end
`,
  );
  return script;
}

/** Resolves once `url` answers 2xx; rejects when `child` exits first. */
export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${url}: the process exited (${child.exitCode ?? child.signalCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A process of its own (its own group, so its children go with it), stopped by `stop`. */
export function startProcess(
  command: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; stderr?: 'inherit' | 'ignore' },
): { child: ChildProcess; stop(): Promise<void> } {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ['ignore', 'ignore', opts.stderr ?? 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-(child.pid as number), 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // gone already
      }
    }, 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { child, stop };
}

/** A bare node:http server answering every request with these bytes and content type. */
export function bareServer(port: number, body: Buffer, contentType: string) {
  return startProcess(
    process.execPath,
    [
      '-e',
      `const b = Buffer.from(${JSON.stringify(body.toString('base64'))}, 'base64');
require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': ${JSON.stringify(contentType)} }); s.end(b); }).listen(${port}, '127.0.0.1');`,
    ],
    { cwd: process.cwd(), env: { PATH: process.env.PATH ?? '' } },
  );
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** "  1234 req/s  p50 1.20 ms  p99 4.50 ms" from the rounds' medians (and errors when any). */
export function describe(name: string, rs: WrkResult[]): string {
  const errors = rs.reduce((a, r) => a + r.errors, 0);
  return (
    `${name.padEnd(40)} ${median(rs.map((r) => r.rps))
      .toFixed(0)
      .padStart(
        6,
      )} req/s  p50 ${median(rs.map((r) => r.p50)).toFixed(2)} ms  p99 ${median(rs.map((r) => r.p99)).toFixed(2)} ms` +
    (errors > 0 ? `  (${errors} errors)` : '')
  );
}

/** "goal  seat map ≥ 0.7 of bare: 0.83  pass". */
export const goal = (text: string, value: string, pass: boolean) =>
  `goal  ${text.padEnd(58)} ${value.padEnd(22)} ${pass ? 'pass' : 'MISS'}`;
