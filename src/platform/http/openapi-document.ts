// The OpenAPI document as the code generates it, with fixed settings so the committed copy
// (docs/openapi.json) is reproducible and a test can compare the two.
import path from 'node:path';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../db/database.ts';

export const OPENAPI_FILE = path.resolve(import.meta.dirname, '../../../docs/openapi.json');

/** Builds the app on a throwaway in-memory database and returns its OpenAPI document. */
export async function generateOpenApiDocument(): Promise<Record<string, unknown>> {
  const { buildApp } = await import('../../app.ts');
  const config = loadConfig({ PUBLIC_URL: 'http://127.0.0.1:8080', CINEMA_DEMO: 'false', LOG_LEVEL: 'silent' });
  const database = await openDatabase({ dataDir: 'memory://' });
  const app = await buildApp({ config, database, runJobs: false });
  try {
    await app.http.ready();
    return app.http.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}

export const formatDocument = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
