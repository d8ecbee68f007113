// `npm run openapi`: writes the generated OpenAPI document to docs/openapi.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatDocument, generateOpenApiDocument, OPENAPI_FILE } from '../src/platform/http/openapi-document.ts';

const doc = await generateOpenApiDocument();
mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true });
writeFileSync(OPENAPI_FILE, formatDocument(doc));
process.stdout.write(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}\n`);
process.exit(0);
