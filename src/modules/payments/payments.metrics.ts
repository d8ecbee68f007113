// Payments' business metrics: bookings sold and their revenue, refunds, and failed payments by
// reason. Each is counted in the process that committed it (sales and failures from the settlement's
// own results, refunds from their domain events), so Prometheus sums them over the processes.
// Labels stay few: the cinema id (a handful per installation), the currency, and a failure reason
// from a bounded set; never a booking or payment id.
import { Counter, type Registry } from 'prom-client';
import type { EventBus } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';

export interface PaymentMetrics {
  /** A booking paid in full, after its transaction committed. */
  sold(sale: { showtimeId: string; amount: number; currency: string; tickets: number }): void;
  /** Money given back (tickets refunded or a charge reversed). */
  refunded(refund: { showtimeId: string | null; amount: number; currency: string }): void;
  /** A payment recorded as failed, with the provider's (or our) reason. */
  failed(reason: string): void;
}

/** Reasons counted under their own name; any other code is counted as `other`. */
const MAX_REASONS = 32;
const REASON = /^[a-z][a-z0-9_]{0,39}$/;
/** Counted at zero from the start, so rate() sees the first failure of each. */
export const KNOWN_FAILURE_REASONS = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'abandoned',
  'superseded',
] as const;

export function createPaymentMetrics(
  registry: Registry,
  /** The showtime's cinema id, null when unknown (the catalog's cached look-up). */
  cinemaOf: (showtimeId: string) => Promise<string | null>,
): PaymentMetrics {
  // Every money counter has the same two labels.
  const money = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ['cinema', 'currency'] as const, registers: [registry] });
  const sales = money('marquee_sales_total', 'Bookings paid in full, by cinema and currency');
  const tickets = money('marquee_tickets_sold_total', 'Tickets issued by paid bookings, by cinema and currency');
  const revenue = money(
    'marquee_revenue_minor_units_total',
    'Amount charged for paid bookings in minor units (cents), by cinema and currency',
  );
  const refunds = money(
    'marquee_refunds_total',
    'Refunds recorded (tickets cancelled with money back, charges reversed), by cinema and currency',
  );
  const refunded = money(
    'marquee_refunded_minor_units_total',
    'Amount refunded in minor units (cents), by cinema and currency',
  );
  const failures = new Counter({
    name: 'marquee_payment_failures_total',
    help: 'Payments recorded as failed, by reason (provider decline code, abandoned, superseded; other past 32 reasons)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  for (const reason of KNOWN_FAILURE_REASONS) failures.inc({ reason }, 0);
  const reasons = new Set<string>(KNOWN_FAILURE_REASONS);

  // The look-up is the catalog's cache; should it fail, the money is still counted.
  const cinema = (showtimeId: string | null) =>
    showtimeId === null
      ? Promise.resolve('unknown')
      : cinemaOf(showtimeId).then(
          (c) => c ?? 'unknown',
          () => 'unknown',
        );

  return {
    sold(sale) {
      void cinema(sale.showtimeId).then((c) => {
        const labels = { cinema: c, currency: sale.currency };
        sales.inc(labels);
        tickets.inc(labels, sale.tickets);
        revenue.inc(labels, sale.amount);
      });
    },
    refunded(refund) {
      void cinema(refund.showtimeId).then((c) => {
        const labels = { cinema: c, currency: refund.currency };
        refunds.inc(labels);
        refunded.inc(labels, refund.amount);
      });
    },
    failed(code) {
      // A provider's code is free text to us: known shapes only, and only so many of them.
      let reason = REASON.test(code) ? code : 'other';
      if (!reasons.has(reason)) {
        if (reasons.size >= MAX_REASONS) reason = 'other';
        else reasons.add(reason);
      }
      failures.inc({ reason });
    },
  };
}

/** The consumers that count refunds from their events (one process counts each event). */
export const REFUND_METRICS_CONSUMERS = [
  { name: 'payments.metrics-refunds', pattern: 'tickets.cancelled' },
  { name: 'payments.metrics-reversals', pattern: 'payment.reversed' },
] as const;

/** Counts every refund and reversal as its event is consumed; returns the unsubscribes. */
export async function countRefunds(events: EventBus, metrics: PaymentMetrics): Promise<Unsubscribe[]> {
  return Promise.all(
    REFUND_METRICS_CONSUMERS.map((c) =>
      events.subscribe(c.name, c.pattern, async (event) => {
        const p = event.payload as { showtimeId?: unknown; amount?: unknown; currency?: unknown };
        // A cancellation that gave no money back (a free ticket) is no refund.
        if (typeof p.amount !== 'number' || p.amount <= 0 || typeof p.currency !== 'string') return;
        // Not awaited: the cinema look-up must not wait inside the event's transaction.
        metrics.refunded({
          showtimeId: typeof p.showtimeId === 'string' ? p.showtimeId : null,
          amount: p.amount,
          currency: p.currency,
        });
      }),
    ),
  );
}
