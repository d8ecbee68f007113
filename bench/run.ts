// `npm run bench [area…]`: runs every bench/<area>.bench.ts in its own process, one after another,
// so each measures on a quiet machine. Benchmarks print ratios measured side by side in one run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (benches.length === 0) {
  process.stderr.write(`no benchmarks match ${wanted.join(', ')}\n`);
  process.exit(1);
}

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n== ${name}\n`);
  const child = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(path.join(dir, `${name}.bench.ts`))}); await m.default(); process.exit(0);`,
    ],
    { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } },
  );
  if (child.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
