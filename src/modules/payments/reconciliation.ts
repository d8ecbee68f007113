// Crash safety: a payment left `pending` (the process died between the provider's answer and our
// record, or the provider did not answer) is settled from the provider's own record once it is
// older than the reconciliation delay: confirmed when the seats are still the booking's, refunded
// otherwise, failed when the provider never charged. Runs at start-up and periodically, in any
// number of processes (settling locks the payment row).
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Job } from '../../platform/jobs.ts';
import type { PaymentProvider } from './payment-provider.ts';
import { findPayment, markFailed, stalePending } from './payments.store.ts';
import type { Settlement } from './settlement.ts';
import type { PaymentsDb } from './payments.tables.ts';

const BATCH = 20;

export function createReconciliation(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  provider: PaymentProvider;
  settlement: Settlement;
  afterMs: number;
}) {
  const { db, clock, logger, provider, settlement } = deps;

  /** Settles one batch of stale pending payments; returns how many it looked at. */
  async function runOnce(): Promise<number> {
    const now = clock.now();
    const stale = await stalePending(db, new Date(now.getTime() - deps.afterMs), BATCH);
    let unresolved = 0;
    for (const p of stale) {
      try {
        const charge = await provider.getPayment(p.id);
        if (charge) {
          await settlement.settle(p.id, charge);
        } else {
          await db.transaction().execute(async (trx) => {
            const again = await findPayment(trx, p.id, { lock: true });
            if (again?.status !== 'pending') return;
            await markFailed(trx, p.id, {
              providerPaymentId: null,
              code: 'abandoned',
              message: 'The payment was never completed',
              now: clock.now(),
            });
          });
        }
        logger.info(
          { paymentId: p.id, bookingId: p.booking_id, found: charge?.status ?? 'none' },
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
