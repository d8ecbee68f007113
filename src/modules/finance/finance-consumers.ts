// Finance hears of sales and refunds by events: booking.confirmed (online and till), gift_card.issued
// and tickets.cancelled. A consumer runs in the transaction that marks its event processed, so it only
// queues a job (keyed by the event, so a redelivery adds nothing); the job issues the document, once
// per booking, gift card or refund, with the queue's retries and dead letter.
import type { EventBus, SubscribeOptions } from '../../platform/events/event-bus.ts';
import type { Unsubscribe } from '../../platform/events/pubsub.ts';
import { PermanentJobError, type JobQueue, type QueuedJob } from '../../platform/queue/job-queue.ts';
import type { RefundedFood } from './documents.ts';
import type { ReceiptsService } from './receipts.service.ts';

export const FINANCE_QUEUE = 'finance.documents';

/** Every consumer finance subscribes, with its event pattern (tests wait for them). */
export const FINANCE_CONSUMERS = [
  { name: 'finance.receipt', pattern: 'booking.confirmed' },
  { name: 'finance.gift-card-receipt', pattern: 'gift_card.issued' },
  { name: 'finance.credit-note', pattern: 'tickets.cancelled' },
  // Issue 17: food sold alone at a till, and its refunds.
  { name: 'finance.food-receipt', pattern: 'concession_order.sold' },
  { name: 'finance.food-credit-note', pattern: 'concession_order.refunded' },
] as const;

type Payload = Record<string, unknown>;
interface FinanceJob {
  /** `at`: when the event happened (ISO), the document's supply date; absent in jobs queued before it was added. */
  event: { id: string; type: string; payload: Payload; at?: string };
}

const text = (p: Payload, name: string): string => {
  const v = p[name];
  if (typeof v !== 'string' || v === '') throw new PermanentJobError(`the event has no ${name}`);
  return v;
};
const int = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) ? v : 0);

/** The food part of a refund event (issue 17); null without one. */
function foodOf(p: Payload): RefundedFood | null {
  const f = p.food as { amount?: unknown; lines?: unknown } | null | undefined;
  if (!f || !Array.isArray(f.lines)) return null;
  const lines = (f.lines as Record<string, unknown>[]).map((l) => ({
    lineId: typeof l.lineId === 'string' ? l.lineId : '',
    name: typeof l.name === 'string' ? l.name : '',
    quantity: int(l.quantity),
    amount: int(l.amount),
    taxKind:
      l.taxKind === 'food'
        ? ('food' as const)
        : l.taxKind === 'merchandise'
          ? ('merchandise' as const)
          : ('default' as const),
  }));
  return { amount: int(f.amount), lines };
}

/** Runs one job: the document its event asks for. */
export function financeJob(receipts: ReceiptsService) {
  return async (job: QueuedJob<FinanceJob>): Promise<void> => {
    const { event } = job.payload;
    const p = event?.payload;
    if (!p) throw new PermanentJobError('not a finance job this version knows');
    const at = event.at ? new Date(event.at) : undefined;
    if (event.type === 'booking.confirmed') {
      await receipts.ofBooking(text(p, 'bookingId'));
    } else if (event.type === 'gift_card.issued') {
      await receipts.ofGiftCard({
        giftCardId: text(p, 'giftCardId'),
        amount: int(p.amount),
        currency: text(p, 'currency'),
        cinemaId: typeof p.cinemaId === 'string' ? p.cinemaId : null,
        method: typeof p.method === 'string' ? p.method : p.channel === 'online' ? 'card' : null,
        at,
      });
    } else if (event.type === 'tickets.cancelled') {
      // Since issue 16 the payload splits what went back to the card and to gift cards.
      const split = p.refund as { cardAmount?: unknown; giftCardAmount?: unknown } | undefined;
      const giftCardAmount = int(split?.giftCardAmount);
      const total = split ? int(split.cardAmount) + giftCardAmount : int(p.amount);
      await receipts.creditForRefund({
        sourceKey: typeof p.refundId === 'string' ? `refund:${p.refundId}` : `event:${event.id}`,
        bookingId: text(p, 'bookingId'),
        seatIds: Array.isArray(p.seatIds) ? p.seatIds.filter((s): s is string => typeof s === 'string') : [],
        total,
        giftCardAmount,
        reason: typeof p.reason === 'string' ? p.reason : 'refund',
        food: foodOf(p),
        at,
      });
    } else if (event.type === 'concession_order.sold') {
      await receipts.ofFoodOrder(text(p, 'orderId'));
    } else if (event.type === 'concession_order.refunded') {
      const split = p.refund as { cardAmount?: unknown; giftCardAmount?: unknown } | undefined;
      await receipts.creditForRefund({
        sourceKey: `refund:${text(p, 'refundId')}`,
        bookingId: null,
        orderId: text(p, 'orderId'),
        seatIds: [],
        total: int(split?.cardAmount) + int(split?.giftCardAmount),
        giftCardAmount: int(split?.giftCardAmount),
        reason: 'food_refund',
        food: foodOf(p),
        at,
      });
    } else throw new PermanentJobError(`finance does not handle ${event.type}`);
  };
}

/** Subscribes the consumers: each queues the job of its event in the event's transaction. */
export async function subscribeFinance(
  events: EventBus,
  queue: JobQueue,
  options: SubscribeOptions = {},
): Promise<Unsubscribe[]> {
  const subscriptions: Unsubscribe[] = [];
  for (const c of FINANCE_CONSUMERS) {
    subscriptions.push(
      await events.subscribe(
        c.name,
        c.pattern,
        async (event, trx) => {
          const job: FinanceJob = {
            event: { id: event.id, type: event.type, payload: event.payload, at: event.createdAt.toISOString() },
          };
          await queue.enqueue(trx, FINANCE_QUEUE, job as unknown as Payload, { key: `${c.name}:${event.id}` });
        },
        options,
      ),
    );
  }
  return subscriptions;
}
