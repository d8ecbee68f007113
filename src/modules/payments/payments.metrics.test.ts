// Payment failure reasons as labels: a provider's code is free text to us, so only code-shaped
// reasons are kept, and only so many of them; the rest are counted as `other`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Registry } from 'prom-client';
import { createPaymentMetrics, KNOWN_FAILURE_REASONS } from './payments.metrics.ts';

async function failures(registry: Registry): Promise<Map<string, number>> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === 'marquee_payment_failures_total')!;
  return new Map(metric.values.map((v) => [String(v.labels.reason), v.value]));
}

test('failure reasons: known ones from 0, odd codes and those past 32 reasons as other', async () => {
  const registry = new Registry();
  const metrics = createPaymentMetrics(registry, async () => null);
  let counted = await failures(registry);
  assert.deepEqual([...counted.keys()].sort(), [...KNOWN_FAILURE_REASONS].sort());
  assert.ok([...counted.values()].every((v) => v === 0));

  metrics.failed('card_declined');
  metrics.failed('Card Declined; DROP TABLE');
  metrics.failed('x'.repeat(41));
  for (let i = 0; i < 40; i++) metrics.failed(`code_${i}`);
  counted = await failures(registry);
  assert.equal(counted.get('card_declined'), 1);
  assert.equal(counted.size, 32, 'at most 32 reasons, other among them');
  assert.equal(counted.get('other'), 2 + (40 - (32 - KNOWN_FAILURE_REASONS.length - 1)));
  assert.equal(counted.get('code_0'), 1);
});

test('sales are labelled with the showtime cinema, or unknown when the catalog has none', async () => {
  const registry = new Registry();
  const metrics = createPaymentMetrics(registry, async (id) => (id === 's1' ? 'c1' : null));
  metrics.sold({ showtimeId: 's1', amount: 2400, currency: 'EUR', tickets: 2 });
  metrics.sold({ showtimeId: 's2', amount: 900, currency: 'CHF', tickets: 1 });
  // Counted once the cinema look-up answers (a microtask here).
  await new Promise((resolve) => setImmediate(resolve));
  const text = await registry.metrics();
  assert.match(text, /^marquee_revenue_minor_units_total\{cinema="c1",currency="EUR"\} 2400$/m);
  assert.match(text, /^marquee_tickets_sold_total\{cinema="c1",currency="EUR"\} 2$/m);
  assert.match(text, /^marquee_sales_total\{cinema="unknown",currency="CHF"\} 1$/m);
});
