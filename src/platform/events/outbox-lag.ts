// How far behind the outbox is: the age of the oldest event not published yet. A bus that stopped
// taking events (NATS away, or back without its stream) shows here long before anyone misses an
// email. Read on demand (/metrics, /readyz) from the partial index of unpublished events: one probe.
import { sql } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Executor } from '../db/database.ts';

/** Seconds since the oldest unpublished event was written (database time), 0 when there is none. */
export async function outboxLagSeconds(db: Executor): Promise<number> {
  const r = await sql<{ age: number | string | null }>`
    select extract(epoch from now() - created_at)::float8 as age
    from outbox_events where published_at is null order by seq limit 1`.execute(db);
  return Math.max(0, Number(r.rows[0]?.age ?? 0));
}

/** The marquee_outbox_lag_seconds gauge, read at every scrape. */
export function registerOutboxLagMetric(registry: Registry, lag: () => Promise<number>): void {
  new Gauge({
    name: 'marquee_outbox_lag_seconds',
    help: 'Age of the oldest domain event not yet published from the outbox (0: none waiting)',
    registers: [registry],
    async collect() {
      // A scrape while the database is away shows the gauge as unknown rather than failing /metrics.
      this.set(await lag().catch(() => Number.NaN));
    },
  });
}
