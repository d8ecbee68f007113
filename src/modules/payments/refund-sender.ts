// Sends recorded refunds to the provider until it confirms each one. A refund is recorded together
// with a `payments.refund` job in one transaction; its creator sends it at once after the commit,
// and the job, due a little later, is the retry: backoff, and a dead job for admins when the
// provider keeps refusing. A refund is idempotent at the provider by its id, so sending twice (the
// job racing the first attempt) refunds once.
import type { Insertable, Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { JobQueue } from '../../platform/queue/job-queue.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { OFFLINE_METHODS } from './offline-payments.ts';
import { findPayment } from './payments.store.ts';
import { completeRefund, findRefund, insertRefund, type RefundRow } from './refunds.store.ts';
import type { PaymentsDb } from './payments.tables.ts';

/** A refund's job waits this long before it may run (its creator sends it at once). */
export const REFUND_FIRST_RETRY_MS = 30_000;
export const REFUND_QUEUE = 'payments.refund';

/** A refund to record; when it is retried is the queue's business. */
export type NewRefund = Omit<Insertable<DB['refunds']>, 'next_attempt_at' | 'attempts' | 'last_error'>;

export type RefundSender = ReturnType<typeof createRefundSender>;

export function createRefundSender(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  /** The provider that took a payment, by the name recorded on it. */
  providerFor: (name: string) => PaymentProvider | undefined;
  queue: JobQueue;
}) {
  const { db, clock, logger, queue } = deps;

  /** Asks the provider for one refund; throws when it does not accept it. */
  async function attempt(refundId: string): Promise<void> {
    const refund = await findRefund(db, refundId);
    if (!refund || refund.status !== 'pending') return;
    const payment = await findPayment(db, refund.payment_id);
    // Cash or the card terminal: no provider holds the money. It waits, pending, until a till pays
    // it out (refunds.service.ts payOutAtTill), so the job has nothing to retry.
    if (payment && OFFLINE_METHODS.includes(payment.provider)) return;
    if (!payment?.provider_payment_id) throw new Error('the payment has no provider charge to refund');
    const provider = deps.providerFor(payment.provider);
    if (!provider) throw new Error(`no payment provider ${payment.provider} is configured to refund this payment`);
    const done = await provider.refund({
      paymentId: payment.provider_payment_id,
      reference: refund.id,
      amount: refund.amount,
      currency: refund.currency.trim(),
    });
    await completeRefund(db, refund.id, done.id, clock.now());
  }

  queue.work<{ refundId: string }>(REFUND_QUEUE, (job) => attempt(job.payload.refundId), {
    concurrency: 4,
    // 10 s doubling to an hour, about a day in all: a provider outage never loses a refund.
    maxAttempts: 30,
    backoff: { firstMs: 10_000, maxMs: 3600_000 },
  });

  return {
    /** Records a refund (reserving its amount on the payment) and its retry job, in the caller's transaction. */
    async record(trx: Executor<PaymentsDb>, row: NewRefund): Promise<RefundRow> {
      const retryAt = new Date(clock.now().getTime() + REFUND_FIRST_RETRY_MS);
      // next_attempt_at is written for processes of the previous release, which lease refunds by it.
      const refund = await insertRefund(trx, { ...row, next_attempt_at: retryAt });
      await queue.enqueue(trx, REFUND_QUEUE, { refundId: refund.id }, { key: refund.id, runAt: retryAt });
      return refund;
    },

    /** Asks the provider for one refund now; on failure the job retries it. Never throws. */
    async send(refundId: string): Promise<boolean> {
      try {
        await attempt(refundId);
        return true;
      } catch (err) {
        logger.warn({ err, refundId }, 'refund not accepted by the provider yet; its job will retry');
        return false;
      }
    },
  };
}
