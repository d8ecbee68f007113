// `npm test [files…]`: every unit, integration and browser suite with Node's test runner, on the
// pinned Node. Integration suites also run on PostgreSQL/Redis/NATS when their URLs are set.
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const TIMEOUT_MS = 300_000;
/**
 * Test files run at once: three on CI's two cores. A suite keeps about half a core busy (measured with
 * /usr/bin/time), but four at once did not finish sooner on two cores (the load average stayed at 7)
 * and timed out more. TEST_CONCURRENCY overrides it.
 */
const CONCURRENCY = Number(process.env.TEST_CONCURRENCY ?? 3);
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
if (existsSync(buildScript) && process.env.TEST_LIST !== '1') {
  const r = spawnSync(process.execPath, [buildScript], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // Checked for the whole run, so the browser suites (test processes inherit the environment) do not
  // each start a Node process to walk web/ again before their browser starts.
  process.env.WEB_BUILD_CHECKED = '1';
}

/**
 * The order files start in. `node --test` sorts them by name, which started the browser suites (the
 * longest, the accessibility one above all) last, so the run ended on one of them with the other
 * slots idle. So: the longest first, then the browser suites spread among the integration suites
 * (about one browser suite running at a time besides the accessibility one: several Chromiums at once
 * compete for the same two cores), and the short unit suites last, to fill the slots that free up at
 * the end.
 */
const LONGEST_FIRST = [
  'test/e2e/accessibility-staff.test.ts',
  'test/e2e/accessibility-visitor.test.ts',
  'test/e2e/routing.test.ts',
  'test/e2e/staff-console.test.ts',
  'test/e2e/seat-picker.test.ts',
  'test/e2e/payment-failures.test.ts',
  'test/e2e/money.test.ts',
  'test/e2e/staff-access.test.ts',
];
// A suite that starts Chromium, itself or through the server helper. (Looking for `launch(` alone
// stopped matching when the suites moved to startServerAndBrowser(): every browser suite then ran
// after all the integration suites, three Chromiums at once at the end of the run.)
const isBrowserSuite = (f: string) =>
  f.startsWith('test/e2e/') && /\b(launch|startServerAndBrowser)\(/.test(readFileSync(path.join(root, f), 'utf8'));
function order(all: string[]): string[] {
  const byLength = (list: string[]) =>
    list.sort((a, b) => (LONGEST_FIRST.indexOf(a) + 1 || 99) - (LONGEST_FIRST.indexOf(b) + 1 || 99));
  const browser = byLength(all.filter(isBrowserSuite));
  const integration = all.filter((f) => !browser.includes(f) && f.endsWith('.int.test.ts'));
  const unit = all.filter((f) => !browser.includes(f) && !f.endsWith('.int.test.ts'));
  // Spread over the first ~80 % of the integration suites, so the last browser suite ends with the run.
  const step = Math.max(1, Math.floor((integration.length * 0.8) / Math.max(1, browser.length)));
  const out: string[] = [];
  while (browser.length > 0 || integration.length > 0) {
    if (browser.length > 0) out.push(browser.shift()!);
    out.push(...integration.splice(0, step));
  }
  return [...out, ...unit];
}
const files = order(
  [...new Set(['src/**/*.test.ts', 'test/**/*.test.ts'].flatMap((p) => globSync(p, { cwd: root })))].sort(),
).map((f) => path.join(root, f));

if (process.env.TEST_LIST === '1') {
  process.stdout.write(`${files.map((f) => path.relative(root, f)).join('\n')}\n`);
  process.exit(0);
}

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
