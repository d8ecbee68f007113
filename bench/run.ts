// `npm run bench [area…]`: runs bench/<area>.bench.ts files in their own processes, one after another,
// so each measures on a quiet machine. Benchmarks print ratios measured side by side in one run.
// Every rate `npm run bench` prints comes from outside the server's process (wrk, or a driver process
// of its own, against `node src/main.ts`). The benches that still build the app inside their own
// process (they `export const inProcess = true`) are micro-benches: they run only when named or with
// BENCH_IN_PROCESS=1, and every line they print is marked `in-process |`: their ratios compare
// routes within one run; their req/s are not rates an outsider would see.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
const inProcess = new Set(
  all.filter((name) =>
    /^export const inProcess = true;$/m.test(readFileSync(path.join(dir, `${name}.bench.ts`), 'utf8')),
  ),
);
const everyInProcess = wanted.length > 0 || process.env.BENCH_IN_PROCESS === '1';
const benches = all.filter((name) => everyInProcess || !inProcess.has(name));

if (benches.length === 0) {
  process.stderr.write(`no benchmarks match ${wanted.join(', ')}\n`);
  process.exit(1);
}
const skipped = all.filter((name) => !benches.includes(name));
if (skipped.length > 0)
  process.stdout.write(`in-process micro-benches not run (name them, or BENCH_IN_PROCESS=1): ${skipped.join(', ')}\n`);

/** Runs one bench in its own process; an in-process one's lines are marked as such. */
function runOne(name: string): Promise<number | null> {
  const marked = inProcess.has(name);
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(path.join(dir, `${name}.bench.ts`))}); await m.default(); process.exit(0);`,
    ],
    {
      stdio: ['ignore', marked ? 'pipe' : 'inherit', 'inherit'],
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    },
  );
  if (marked && child.stdout)
    createInterface({ input: child.stdout }).on('line', (l) => process.stdout.write(`in-process | ${l}\n`));
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

let failed = 0;
for (const name of benches) {
  const note = inProcess.has(name)
    ? ' (in-process micro-bench: server and load in one process; no rate here is an outsider’s)'
    : '';
  process.stdout.write(`\n== ${name}${note}\n`);
  if ((await runOne(name)) !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
