// `npm run web-api-types`: writes the web app's API types (web/src/api/schema.d.ts) from the
// committed OpenAPI document. With --check it writes nothing and fails when the file is stale, so
// `npm run check` catches a document regenerated without its web types.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { webApiTypes } from '../tools/web-api-types/generate.ts';

const root = path.resolve(import.meta.dirname, '..');
const documentFile = path.join(root, 'docs/openapi.json');
const typesFile = path.join(root, 'web/src/api/schema.d.ts');
const rel = (file: string) => path.relative(process.cwd(), file);

const fresh = await webApiTypes(readFileSync(documentFile, 'utf8'));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(typesFile, 'utf8');
  } catch {
    // missing: stale like any other difference
  }
  if (current !== fresh) {
    process.stderr.write(
      `${rel(typesFile)} is stale against ${rel(documentFile)}: run \`npm run web-api-types\` and commit it\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${rel(typesFile)}: up to date\n`);
} else {
  writeFileSync(typesFile, fresh);
  process.stdout.write(`wrote ${rel(typesFile)}\n`);
}
