// Sends recorded refunds to the provider until it confirms each one. A refund is idempotent at the
// provider by its id, so sending twice (a retry racing the first attempt) refunds once.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Job } from '../../platform/jobs.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { findPayment } from './payments.store.ts';
import { completeRefund, findRefund, leaseDueRefunds, refundAttemptFailed } from './refunds.store.ts';

const BATCH = 20;
const LEASE_MS = 60_000;
/** A new refund waits this long before the job may pick it up (its creator sends it at once). */
export const REFUND_FIRST_RETRY_MS = 30_000;

export type RefundSender = ReturnType<typeof createRefundSender>;

export function createRefundSender(deps: { db: Kysely<DB>; clock: Clock; logger: Logger; provider: PaymentProvider }) {
  const { db, clock, logger, provider } = deps;

  /** Asks the provider for one refund; on failure schedules the next attempt. Never throws. */
  async function send(refundId: string): Promise<boolean> {
    const refund = await findRefund(db, refundId);
    if (!refund || refund.status !== 'pending') return refund?.status === 'succeeded';
    const payment = await findPayment(db, refund.payment_id);
    try {
      if (!payment?.provider_payment_id) throw new Error('the payment has no provider charge to refund');
      const done = await provider.refund({
        paymentId: payment.provider_payment_id,
        reference: refund.id,
        amount: refund.amount,
        currency: refund.currency.trim(),
      });
      await completeRefund(db, refund.id, done.id, clock.now());
      return true;
    } catch (err) {
      // Backoff 2^attempts × 10 s, at most an hour: a provider outage never loses a refund.
      const delayMs = Math.min(3600_000, 10_000 * 2 ** Math.min(refund.attempts, 12));
      logger.warn({ err, refundId }, 'refund not accepted by the provider yet; will retry');
      await refundAttemptFailed(
        db,
        refund.id,
        (err as Error).message ?? String(err),
        new Date(clock.now().getTime() + delayMs),
      ).catch(() => {});
      return false;
    }
  }

  const job: Job = {
    name: 'payments.refunds',
    async runOnce() {
      const due = await leaseDueRefunds(db, clock.now(), LEASE_MS, BATCH);
      for (const r of due) await send(r.id);
      return due.length;
    },
  };

  return { send, job };
}
