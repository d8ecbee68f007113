// Liveness and readiness: /healthz says the process lives; /readyz that its dependencies answer.
import type { Database } from '../db/database.ts';
import type { Infrastructure } from '../infrastructure.ts';
import type { HttpApp } from './server.ts';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(p: Promise<void>): Promise<void> {
  return Promise.race([p, new Promise<void>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref())]);
}

export function registerHealthRoutes(app: HttpApp, deps: { database: Database; infra: Infrastructure }): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const checks: Record<string, () => Promise<void>> = { database: () => deps.database.ping(), ...deps.infra.checks };
    const results: Record<string, string> = {};
    await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check());
          results[name] = 'ok';
        } catch (err) {
          results[name] = `down: ${(err as Error).message}`;
        }
      }),
    );
    const ready = Object.values(results).every((r) => r === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks: results });
  });
}
