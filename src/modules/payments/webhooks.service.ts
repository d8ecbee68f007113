// Provider webhooks (API.md "Payment webhooks"): the signature over the raw body is checked before
// anything else; an event id already handled answers 200 and changes nothing. Events are triggers,
// the provider's record is the truth: a payment event settles the payment from the provider's own
// view of it, so events arriving late or out of order (a `payment.failed` after
// `payment.succeeded`) cannot undo what is settled.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { PaymentProvider, ProviderEvent } from './payment-provider.ts';
import { invalidSignature, unknownProvider } from './payments.errors.ts';
import { findPayment, markFailed } from './payments.store.ts';
import { completeRefund } from './refunds.store.ts';
import type { Settlement } from './settlement.ts';
import type { PaymentsDb } from './payments.tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readEvent(body: unknown): ProviderEvent {
  const e = body as Partial<ProviderEvent> | null;
  const errors: { path: string; message: string }[] = [];
  if (typeof e !== 'object' || e === null || Array.isArray(e)) errors.push({ path: '', message: 'must be an object' });
  else {
    if (typeof e.id !== 'string' || e.id.length === 0 || e.id.length > 200)
      errors.push({ path: '/id', message: 'must be a non-empty string' });
    if (typeof e.type !== 'string' || e.type.length > 100) errors.push({ path: '/type', message: 'must be a string' });
    if (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data))
      errors.push({ path: '/data', message: 'must be an object' });
    else if (typeof e.data.paymentId !== 'string')
      errors.push({ path: '/data/paymentId', message: 'must be a string' });
  }
  if (errors.length > 0)
    throw new AppError('unprocessable', 'validation_failed', `${errors[0]?.path || 'body'} ${errors[0]?.message}`, {
      errors,
    });
  return e as ProviderEvent;
}

export function createWebhookService(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  providers: PaymentProvider[];
  settlement: Settlement;
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
    const payment = await paymentOf(provider.name, String(event.data.paymentId));
    if (!payment) return 'unknown_payment';
    if (event.type === 'payment.succeeded' || event.type === 'payment.failed') {
      // Settled for good already (the usual case: the paying request got there first).
      if (payment.status === 'succeeded' || payment.status === 'refunded') return 'already_settled';
      if (payment.status === 'failed' && event.type === 'payment.failed') return 'already_settled';
      const charge = await provider.getPayment(payment.id);
      if (charge) {
        await deps.settlement.settle(payment.id, charge);
        return 'settled';
      }
      // The provider has no charge for it: a failure can be believed, a success cannot.
      if (event.type === 'payment.failed' && payment.status === 'pending') {
        const code =
          typeof event.data.failureCode === 'string' ? event.data.failureCode.slice(0, 100) : 'card_declined';
        await markFailed(db, payment.id, {
          providerPaymentId: null,
          code,
          message: 'The card was declined',
          now: clock.now(),
        });
        return 'failed';
      }
      return 'ignored';
    }
    if (event.type === 'refund.succeeded') {
      const refundId = String(event.data.refundId ?? '');
      if (!UUID.test(refundId)) return 'ignored';
      const refund = await db
        .selectFrom('refunds')
        .select(['id', 'payment_id'])
        .where('id', '=', refundId)
        .executeTakeFirst();
      if (!refund || refund.payment_id !== payment.id) return 'ignored';
      const providerRefundId =
        typeof event.data.providerRefundId === 'string' ? event.data.providerRefundId : 'unknown';
      await completeRefund(db, refund.id, providerRefundId, clock.now());
      return 'refund_completed';
    }
    return 'ignored';
  }

  return {
    /** Handles one webhook request: verify, deduplicate, apply. */
    async receive(providerName: string, rawBody: string, headers: Record<string, string | string[] | undefined>) {
      const provider = deps.providers.find((p) => p.name === providerName);
      if (!provider) throw unknownProvider(providerName);
      const verdict = await provider.verifyWebhook(rawBody, headers);
      if (!verdict.ok) throw invalidSignature(verdict.reason);
      const event = readEvent(verdict.event);
      const record = () =>
        db
          .insertInto('webhook_events')
          .values({
            provider: provider.name,
            event_id: event.id,
            type: event.type,
            payload: JSON.stringify(event) as never,
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
      // Applying is idempotent by the payment's state, so recording the event after is safe: a
      // crash in between means the provider retries and the retry changes nothing more.
      const result = await apply(provider, event);
      const fresh = await record();
      deps.logger.debug({ provider: provider.name, eventId: event.id, type: event.type, result }, 'payment webhook');
      return { received: true, duplicate: fresh === undefined };
    },
  };
}
