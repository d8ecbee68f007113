// Provider webhooks (API.md "Payment webhooks"): the signature over the raw body is checked before
// anything else; an event id already handled answers 200 and changes nothing. Events are triggers,
// the provider's record is the truth: a payment event settles the payment from the provider's own
// view of it, so events arriving late or out of order (a `payment.failed` after
// `payment.succeeded`) cannot undo what is settled.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { isFinal, type PaymentProvider, type ProviderEvent, type ProviderPayment } from './payment-provider.ts';
import { invalidSignature, unknownProvider } from './payments.errors.ts';
import { findPayment, markFailed } from './payments.store.ts';
import { completeRefund } from './refunds.store.ts';
import type { Settlement } from './settlement.ts';
import type { PaymentsDb } from './payments.tables.ts';
import type { PaymentMetrics } from './payments.metrics.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createWebhookService(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  providers: PaymentProvider[];
  settlement: Settlement;
  /** Settles an order's payment (order-payments.ts). */
  settleOrder: (paymentId: string, charge: ProviderPayment) => Promise<unknown>;
  metrics: Pick<PaymentMetrics, 'failed'>;
}) {
  const { db, clock } = deps;

  /** Our payment named by an event: by our id, or by the provider's id for the charge. */
  async function paymentOf(providerName: string, ref: string) {
    if (UUID.test(ref)) {
      const ours = await findPayment(db, ref);
      if (ours && ours.provider === providerName) return ours;
    }
    return db
      .selectFrom('payments')
      .selectAll()
      .where('provider', '=', providerName)
      .where('provider_payment_id', '=', ref)
      .executeTakeFirst();
  }

  async function apply(provider: PaymentProvider, event: ProviderEvent): Promise<string> {
    if (event.kind === 'other' || !event.payment) return 'ignored';
    const payment = await paymentOf(provider.name, event.payment);
    if (!payment) return 'unknown_payment';
    if (event.kind === 'payment') {
      // Settled for good already (the usual case: the paying request got there first).
      if (payment.status === 'succeeded' || payment.status === 'refunded') return 'already_settled';
      if (payment.status === 'failed' && event.failureCode) return 'already_settled';
      const charge = await provider.getPayment(payment.id, payment.provider_payment_id);
      if (charge) {
        // Still waiting for the customer (3-D Secure) or open to another try: nothing to settle yet.
        if (!isFinal(charge)) return 'pending';
        if (payment.purpose !== 'booking') await deps.settleOrder(payment.id, charge);
        else await deps.settlement.settle(payment.id, charge);
        return 'settled';
      }
      // The provider has no charge for it: a failure can be believed, a success cannot.
      if (event.failureCode && payment.status === 'pending') {
        await markFailed(db, payment.id, {
          providerPaymentId: null,
          code: event.failureCode,
          message: 'The card was declined',
          now: clock.now(),
        });
        deps.metrics.failed(event.failureCode);
        return 'failed';
      }
      return 'ignored';
    }
    const refundId = event.refund?.reference ?? '';
    if (!UUID.test(refundId) || event.refund?.status !== 'succeeded') return 'ignored';
    const refund = await db
      .selectFrom('refunds')
      .select(['id', 'payment_id'])
      .where('id', '=', refundId)
      .executeTakeFirst();
    if (!refund || refund.payment_id !== payment.id) return 'ignored';
    await completeRefund(db, refund.id, event.refund.providerRefundId, clock.now());
    return 'refund_completed';
  }

  return {
    /** Handles one webhook request: verify, deduplicate, apply. */
    async receive(providerName: string, rawBody: string, headers: Record<string, string | string[] | undefined>) {
      const provider = deps.providers.find((p) => p.name === providerName);
      if (!provider) throw unknownProvider(providerName);
      const verdict = await provider.verifyWebhook(rawBody, headers);
      if (!verdict.ok) throw invalidSignature(verdict.reason);
      const event = verdict.event;
      const record = () =>
        db
          .insertInto('webhook_events')
          .values({
            provider: provider.name,
            event_id: event.id,
            type: event.type,
            payload: JSON.stringify(event.raw) as never,
            received_at: clock.now(),
          })
          .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
          .returning('event_id')
          .executeTakeFirst();
      const seen = await db
        .selectFrom('webhook_events')
        .select('event_id')
        .where('provider', '=', provider.name)
        .where('event_id', '=', event.id)
        .executeTakeFirst();
      if (seen) return { received: true, duplicate: true };
      // Read, apply, then record: not atomic, and need not be. Two deliveries of one event at once
      // may both pass the read and both apply; applying is idempotent because every change is made
      // under the payment's row lock from its state (settle/settleOrder find it settled, a refund
      // completes only while pending), so the second changes nothing. Recording first instead would
      // lose the event if the process died before applying (the provider's retry would read
      // "duplicate"); recorded after, a crash in between means the retry applies it again, harmlessly.
      const result = await apply(provider, event);
      const fresh = await record();
      deps.logger.debug({ provider: provider.name, eventId: event.id, type: event.type, result }, 'payment webhook');
      return { received: true, duplicate: fresh === undefined };
    },
  };
}
