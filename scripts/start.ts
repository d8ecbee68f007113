// `npm start`: builds the web app when its build is missing or stale, then runs the server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const buildScript = path.join(root, 'web', 'build-if-stale.ts');
if (existsSync(buildScript)) {
  const r = spawnSync(process.execPath, [buildScript], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import('../src/main.ts');
