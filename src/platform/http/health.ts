// Liveness and readiness: /healthz says the process lives; /readyz that its dependencies answer and
// the outbox keeps up (its lag is reported, and past OUTBOX_LAG_UNREADY_SECONDS the process is not ready).
// The same checks are gauges on /metrics, for the readiness alert.
import { performance } from 'node:perf_hooks';
import { Gauge } from 'prom-client';
import type { Database } from '../db/database.ts';
import { withDeadline } from '../deadline.ts';
import type { Infrastructure } from '../infrastructure.ts';
import { sharedReading } from './metrics.ts';
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

interface HealthDeps {
  database: Database;
  infra: Infrastructure;
}

interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
  outboxLagSeconds: number | null;
}

/** Every readiness check at once, each within CHECK_TIMEOUT_MS: 'ok' or 'down: why'. */
async function readiness(deps: HealthDeps): Promise<Readiness> {
  const { outbox } = deps.infra;
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
  return { ready: Object.values(results).every((r) => r === 'ok'), checks: results, outboxLagSeconds };
}

/**
 * /readyz as gauges, so Prometheus can alert on a process that is up but not ready (it cannot read a
 * status code): marquee_ready and marquee_readiness_check{check}, 1 ok, 0 down, probed at scrape time.
 */
function registerReadinessMetrics(deps: HealthDeps): void {
  // One scrape reads both gauges; they share one probe.
  const read = sharedReading(() => readiness(deps));
  const registers = [deps.infra.adapters.metrics];
  new Gauge({
    name: 'marquee_ready',
    help: 'Whether this process is ready (what /readyz answers): 1 ready, 0 not',
    registers,
    async collect() {
      this.set((await read()).ready ? 1 : 0);
    },
  });
  new Gauge({
    name: 'marquee_readiness_check',
    help: 'Each readiness check of this process (database, redis, nats, outbox): 1 ok, 0 down',
    labelNames: ['check'] as const,
    registers,
    async collect() {
      for (const [check, result] of Object.entries((await read()).checks)) this.set({ check }, result === 'ok' ? 1 : 0);
    },
  });
}

export function registerHealthRoutes(app: HttpApp, deps: HealthDeps): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const { ready, checks, outboxLagSeconds } = await readiness(deps);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks, outboxLagSeconds });
  });
  registerReadinessMetrics(deps);
}
