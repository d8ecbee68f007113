// `npm test [files…]`: every unit, integration and browser suite with Node's test runner, on the
// pinned Node. Integration suites also run on PostgreSQL/Redis/NATS when their URLs are set.
import { spawnSync } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const TIMEOUT_MS = 300_000;
const CONCURRENCY = 2;
// Every test process (and every server process a suite spawns) compiles the same few hundred
// modules; Node's on-disk compile cache, keyed by each file's content, saves ~0.5 s of CPU a process.
const compileCache = process.env.NODE_COMPILE_CACHE ?? path.join(root, 'node_modules', '.cache', 'node-compile-cache');

if (args.length > 0) {
  const r = spawnSync(
    process.execPath,
    [
      '--test',
      `--test-concurrency=${CONCURRENCY}`,
      `--test-timeout=${TIMEOUT_MS}`,
      '--test-force-exit',
      '--test-reporter=spec',
      ...args,
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test', NODE_COMPILE_CACHE: compileCache } },
  );
  process.exit(r.status ?? 1);
}

// Browser suites drive the built web app; build it first when it is missing or stale.
const buildScript = path.join(root, 'web', 'build-if-stale.ts');
if (existsSync(buildScript)) {
  const r = spawnSync(process.execPath, [buildScript], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * Longest first: `node --test` sorts the files by name, which starts the browser suites (the longest,
 * the accessibility one above all) last, so the run ended on one of them with the other slot idle.
 * Started first, they overlap with the many short suites instead.
 */
function rank(file: string): number {
  if (file === 'test/e2e/accessibility.test.ts') return 0;
  if (file.startsWith('test/e2e/')) return 1;
  if (file.endsWith('.int.test.ts')) return 2;
  return 3;
}
const files = [...new Set(['src/**/*.test.ts', 'test/**/*.test.ts'].flatMap((p) => globSync(p, { cwd: root })))]
  .sort()
  .sort((a, b) => rank(a) - rank(b))
  .map((f) => path.join(root, f));

// Test processes inherit the environment.
process.env.NODE_ENV = 'test';
process.env.NODE_COMPILE_CACHE = compileCache;
// `forceExit`: a suite whose set-up failed is reported as failed, and its process then ends even if
// the failure left a handle open (a pool, a socket) instead of keeping the whole run waiting forever.
const stream = run({ files, concurrency: CONCURRENCY, timeout: TIMEOUT_MS, cwd: root, forceExit: true });
stream.on('test:fail', (event) => {
  if (!event.todo) process.exitCode = 1;
});
stream.compose(spec).pipe(process.stdout);
