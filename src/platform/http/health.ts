// Liveness and readiness: /healthz says the process lives; /readyz that its dependencies answer and
// the outbox keeps up (its lag is reported, and past OUTBOX_LAG_UNREADY_SECONDS the process is not ready).
import { performance } from 'node:perf_hooks';
import type { Database } from '../db/database.ts';
import { withDeadline } from '../deadline.ts';
import type { Infrastructure } from '../infrastructure.ts';
import type { HttpApp } from './server.ts';

const CHECK_TIMEOUT_MS = 2000;

// The database layer gives up at the same moment (the check's own deadline, not the request's), so
// a probe of a stalled database does not keep a pool connection after it has answered.
function withTimeout(check: () => Promise<void>): Promise<void> {
  const p = withDeadline(performance.now() + CHECK_TIMEOUT_MS, check);
  return Promise.race([
    p,
    new Promise<void>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

export function registerHealthRoutes(app: HttpApp, deps: { database: Database; infra: Infrastructure }): void {
  const { outbox } = deps.infra;
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    let outboxLagSeconds: number | null = null;
    const checks: Record<string, () => Promise<void>> = {
      database: () => deps.database.ping(),
      ...deps.infra.checks,
      async outbox() {
        const lag = await outbox.lagSeconds();
        outboxLagSeconds = Math.round(lag * 10) / 10;
        if (outbox.unreadyAfterSeconds > 0 && lag > outbox.unreadyAfterSeconds) {
          throw new Error(
            `the oldest unpublished event is ${Math.round(lag)} s old (limit ${outbox.unreadyAfterSeconds} s)`,
          );
        }
      },
    };
    const outcomes = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check);
          return [name, 'ok'] as const;
        } catch (err) {
          return [name, `down: ${(err as Error).message}`] as const;
        }
      }),
    );
    const results: Record<string, string> = Object.fromEntries(outcomes);
    const ready = Object.values(results).every((r) => r === 'ok');
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not_ready', checks: results, outboxLagSeconds });
  });
}
