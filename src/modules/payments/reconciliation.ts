// Crash safety: a payment left `pending` (the process died between the provider's answer and our
// record, or the provider did not answer) is settled from the provider's own record once it is
// older than the reconciliation delay: confirmed when the seats are still the booking's, refunded
// otherwise, failed when the provider never charged. Runs at start-up and periodically, in any
// number of processes (settling locks the payment row). A payment the customer confirms in the
// browser (a Stripe PaymentIntent) is read the same way: settled once the PaymentIntent succeeded
// (the webhook and the customer's answer may both have been lost), left open while the customer may
// still finish it (looked at again a delay later), and cancelled at the provider once abandoned (its
// hold lapsed or was released, or two hours passed).
// Order payments (gift card orders) are settled by order-payments.ts.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Job } from '../../platform/jobs.ts';
import { isFinal, type PaymentProvider, type ProviderPayment } from './payment-provider.ts';
import { NO_PROVIDER, nothingDue } from './payments.service.ts';
import { findPayment, markFailed, stalePending, touchPending } from './payments.store.ts';
import type { Settlement } from './settlement.ts';
import type { PaymentsDb } from './payments.tables.ts';
import type { PaymentMetrics } from './payments.metrics.ts';

const BATCH = 20;
/** A payment confirmed in the browser that is still not done this long after it started is given up. */
export const INTENT_ABANDON_MS = 2 * 3600_000;

export function createReconciliation(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  /** The provider that took a payment, by the name recorded on it. */
  providerFor: (name: string) => PaymentProvider | undefined;
  settlement: Settlement;
  settleOrder: (paymentId: string, charge: ProviderPayment) => Promise<unknown>;
  /** Whether a booking is still held and unexpired (a PaymentIntent for a lapsed hold is cancelled). */
  stillPayable: (bookingId: string) => Promise<boolean>;
  afterMs: number;
  metrics: Pick<PaymentMetrics, 'failed'>;
}) {
  const { db, clock, logger, settlement } = deps;

  async function giveUp(paymentId: string) {
    const marked = await db.transaction().execute(async (trx) => {
      const again = await findPayment(trx, paymentId, { lock: true });
      if (again?.status !== 'pending') return false;
      await markFailed(trx, paymentId, {
        providerPaymentId: again.provider_payment_id,
        code: 'abandoned',
        message: 'The payment was never completed',
        now: clock.now(),
      });
      return true;
    });
    if (marked) deps.metrics.failed('abandoned');
  }

  /** Settles one batch of stale pending payments; returns how many it looked at. */
  async function runOnce(): Promise<number> {
    const now = clock.now();
    const stale = await stalePending(db, new Date(now.getTime() - deps.afterMs), BATCH);
    let unresolved = 0;
    for (const p of stale) {
      try {
        // Nothing was due: settled without any provider, as the paying request would have.
        const provider = deps.providerFor(p.provider);
        if (!provider && p.provider !== NO_PROVIDER) {
          // Taken by a provider this process is not configured for (another PAYMENT_PROVIDER):
          // only a process that can ask it may settle or give up the payment.
          logger.warn({ paymentId: p.id, provider: p.provider }, 'pending payment of a provider not configured here');
          await touchPending(db, p.id, now);
          continue;
        }
        const charge =
          p.provider === NO_PROVIDER
            ? nothingDue(p)
            : ((await provider?.getPayment(p.id, p.provider_payment_id)) ?? null);
        if (charge && isFinal(charge)) {
          if (p.purpose !== 'booking') await deps.settleOrder(p.id, charge);
          else await settlement.settle(p.id, charge);
        } else if (
          charge &&
          charge.status !== 'processing' &&
          now.getTime() - p.created_at.getTime() < INTENT_ABANDON_MS &&
          (p.purpose !== 'booking' || (await deps.stillPayable(p.booking_id as string)))
        ) {
          // The customer may still confirm it (3-D Secure, another card): look again later.
          await touchPending(db, p.id, now);
        } else if (charge) {
          if (charge.status === 'processing') await touchPending(db, p.id, now);
          else {
            // Given up first, so the cancellation's own event finds nothing left to settle.
            await giveUp(p.id);
            await provider?.cancelPayment?.(charge.id, p.id);
          }
        } else {
          await giveUp(p.id);
        }
        logger.info(
          { paymentId: p.id, bookingId: p.booking_id, orderId: p.order_id, found: charge?.status ?? 'none' },
          'reconciled a pending payment',
        );
      } catch (err) {
        unresolved++;
        logger.warn({ err, paymentId: p.id }, 'could not reconcile a pending payment yet');
      }
    }
    // A batch that resolved nothing must not spin: report it as idle.
    return unresolved === stale.length ? 0 : stale.length;
  }

  const job: Job = { name: 'payments.reconcile', runOnce, intervalMs: 30_000 };
  return { runOnce, job };
}
