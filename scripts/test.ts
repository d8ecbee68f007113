// `npm test [files…]`: every unit, integration and browser suite with Node's test runner, on the
// pinned Node. Integration suites also run on PostgreSQL/Redis/NATS when their URLs are set.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const files = args.length > 0 ? args : ['src/**/*.test.ts', 'test/**/*.test.ts'];

// Browser suites drive the built web app; build it first when it is missing or stale.
const buildScript = path.join(root, 'web', 'build-if-stale.ts');
if (existsSync(buildScript) && args.length === 0) {
  const r = spawnSync(process.execPath, [buildScript], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const r = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=300000', '--test-reporter=spec', ...files],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(r.status ?? 1);
