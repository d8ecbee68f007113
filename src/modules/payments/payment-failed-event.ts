// The `payment.failed` domain event (issue 19: webhooks out send it to endpoints that watch failures),
// written by markFailed in the transaction that fails the payment.
import type { NewEvent } from '../../platform/events/outbox.ts';

export interface FailedPayment {
  id: string;
  booking_id: string | null;
  order_id: string | null;
  purpose: string;
  amount: number;
  currency: string;
  provider: string;
}

/** The event of a payment that just failed with `reason` (its failure code). */
export function paymentFailedEvent(p: FailedPayment, reason: string): NewEvent {
  return {
    type: 'payment.failed',
    aggregateId: p.booking_id ?? p.order_id ?? p.id,
    payload: {
      paymentId: p.id,
      bookingId: p.booking_id,
      orderId: p.order_id,
      purpose: p.purpose,
      amount: p.amount,
      currency: p.currency.trim(),
      provider: p.provider,
      reason,
    },
  };
}
