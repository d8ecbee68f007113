// `npm start`: builds the web app when its build is missing or stale, then runs the server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const buildScript = path.join(root, 'web', 'build-if-stale.ts');
if (existsSync(buildScript)) {
  const r = spawnSync(process.execPath, [buildScript], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// V8's compiled code of the server's modules (type-stripped TypeScript included) kept between starts:
// loading and compiling the modules was a third of a restart (issue 18); Node checks each entry
// against the file's contents, so an edited file is compiled again.
module.enableCompileCache?.(path.join(root, 'node_modules', '.cache', 'node-compile-cache'));
await import('../src/main.ts');
