// House rules that the type checker does not see (ARCHITECTURE.md): configuration only from
// config.ts, files small, no console logging in the server, kebab-case file names.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Counted on Prettier's layout at 120 columns, which wraps what used to be one 200-column line.
const MAX_LINES = 450;
const problems: string[] = [];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

for (const dir of ['src', 'test', 'bench', 'scripts', 'tools', 'web/src']) {
  let files: string[];
  try {
    files = walk(path.join(root, dir));
  } catch {
    continue;
  }
  for (const file of files) {
    const rel = path.relative(root, file);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    // Generated files (their first line says so) are as long as what they are generated from.
    if (lines.length > MAX_LINES && !lines[0]?.startsWith('// Generated '))
      problems.push(`${rel}: ${lines.length} lines; split files before ${MAX_LINES}`);
    if (
      !/^[a-z0-9]+(?:[.-][a-z0-9]+)*\.tsx?$/.test(path.basename(file)) &&
      !/^[A-Z][A-Za-z0-9]*\.tsx$/.test(path.basename(file))
    ) {
      problems.push(`${rel}: file names are kebab-case (components PascalCase .tsx)`);
    }
    if (rel.startsWith('src/')) {
      lines.forEach((line, i) => {
        if (/process\.env\b/.test(line) && rel !== 'src/config.ts')
          problems.push(`${rel}:${i + 1}: read settings through src/config.ts`);
        if (/\bconsole\.(log|info|debug)\(/.test(line))
          problems.push(`${rel}:${i + 1}: log with the pino logger, not console`);
        if (/\bdebugger\b/.test(line)) problems.push(`${rel}:${i + 1}: debugger statement`);
      });
    }
    lines.forEach((line, i) => {
      if (/\b(it|test|describe)\.only\(/.test(line)) problems.push(`${rel}:${i + 1}: .only left in a test`);
    });
  }
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n${problems.length} lint problem(s)\n`);
  process.exit(1);
}
process.stdout.write('lint: ok\n');
