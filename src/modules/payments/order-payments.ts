// Paying an order instead of a booking (a gift card order, giftcards module): the same payments
// rows (purpose, order_id; no booking, no showtime, no seats), the same providers and the same
// guarantees: the row is committed before the provider is asked, our payment id is the provider's
// idempotency key, one payment in flight per order, and whoever settles first (the paying request,
// a webhook, reconciliation) writes `order.paid` in the settling transaction. The order's owner
// checks are the caller's (giftcards); payments trusts the amount it is given.
import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { isPgError } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { accountOf, type Caller } from '../../platform/http/access.ts';
import type { ClientPayments, IntentAnswer } from './client-payments.ts';
import { isFinal, type PaymentProvider, type ProviderPayment } from './payment-provider.ts';
import {
  conflictOrderPaid,
  idempotencyKeyReused,
  paymentDeclined,
  paymentInProgress,
  paymentMethodRequired,
  paymentNotFound,
  paymentUnavailable,
} from './payments.errors.ts';
import { NO_PROVIDER, type PayMethod, requestCharge, toPaymentView } from './payments.service.ts';
import * as store from './payments.store.ts';
import type { PaymentsDb } from './payments.tables.ts';
import type { RefundSender } from './refund-sender.ts';
import type { PaymentMetrics } from './payments.metrics.ts';

/** An order as payments charges it (api-16 §3). */
export interface OrderCharge {
  purpose: 'gift_card_order';
  orderId: string;
  amount: number;
  currency: string;
  description: string;
}

/** How an order is paid on the HTTP API: a test card (test provider) or a PaymentIntent (Stripe). */
export type OrderPaymentInput =
  { card: { number: string; expMonth: number; expYear: number; cvc: string } } | { paymentIntentId: string };

/** payOrder's answer: the payment (succeeded, or pending with the next action while a PaymentIntent waits). */
export interface OrderPayAnswer {
  payment: { id: string; status: store.PaymentRow['status']; amount: { amount: number; currency: string } };
  nextAction?: { redirectUrl: string } | null;
}

export type OrderPayments = ReturnType<typeof createOrderPayments>;

export function createOrderPayments(deps: {
  db: Kysely<PaymentsDb>;
  clock: Clock;
  logger: Logger;
  provider: PaymentProvider;
  secret: () => Promise<string>;
  /** A card becomes a provider reference (test provider) or 422 card_data_not_accepted (Stripe). */
  resolveMethod: (input: OrderPaymentInput) => Promise<PayMethod>;
  client: () => ClientPayments;
  refunds: RefundSender;
  metrics: Pick<PaymentMetrics, 'failed'>;
}) {
  const { db, clock, provider } = deps;

  /** Settles an order's payment from the provider's answer; `order.paid` with the success. */
  async function settleOrder(paymentId: string, charge: ProviderPayment): Promise<store.AnyPaymentRow | undefined> {
    if (!isFinal(charge)) return store.findPayment(db, paymentId);
    const failureCode = charge.failureCode ?? 'card_declined';
    try {
      const failed = await db.transaction().execute(async (trx) => {
        const p = await store.findPayment(trx, paymentId, { lock: true });
        if (!p || p.purpose === 'booking' || !p.order_id) return false;
        const now = clock.now();
        if (charge.status === 'failed') {
          if (p.status !== 'pending') return false;
          await store.markFailed(trx, p.id, {
            providerPaymentId: charge.id,
            code: failureCode,
            message: charge.failureMessage ?? 'The card was declined',
            now,
          });
          return true;
        }
        // Pending, or given up before the success came (a late success still pays the order).
        if (p.status !== 'pending' && p.status !== 'failed') return false;
        await store.markOrderPaid(trx, p.id, charge.id, now);
        await addEvents(trx, [
          {
            type: 'order.paid',
            aggregateId: p.order_id,
            payload: {
              purpose: p.purpose,
              orderId: p.order_id,
              paymentId: p.id,
              amount: p.amount,
              currency: p.currency.trim(),
              provider: p.provider,
            },
          },
        ]);
        return false;
      });
      if (failed) deps.metrics.failed(failureCode);
    } catch (err) {
      // Another payment of the order paid it (a late success of one given up while another was
      // live): this charge is given back in full, as settlement.reverse does for a booking.
      if (!isPgError(err, '23505')) throw err;
      deps.logger.warn({ paymentId }, 'an order was paid twice: refunding the later charge');
      await reverseSecondCharge(paymentId, charge);
    }
    return store.findPayment(db, paymentId);
  }

  /** Records a charge of an order paid by another payment as reversed, with a refund of all of it. */
  async function reverseSecondCharge(paymentId: string, charge: ProviderPayment): Promise<void> {
    const refundId = await db.transaction().execute(async (trx) => {
      const p = await store.findPayment(trx, paymentId, { lock: true });
      if (!p || (p.status !== 'pending' && p.status !== 'failed')) return null;
      const now = clock.now();
      await store.markReversed(trx, p.id, { providerPaymentId: charge.id, reason: 'order_already_paid', now });
      if (charge.amount <= 0) return null;
      const refund = await deps.refunds.record(trx, {
        id: randomUUID(),
        payment_id: p.id,
        booking_id: null,
        amount: charge.amount,
        currency: p.currency,
        reason: 'late_success',
        status: 'pending',
        created_at: now,
      });
      return refund.id;
    });
    if (refundId) await deps.refunds.send(refundId);
  }

  function answer(p: store.AnyPaymentRow): OrderPayAnswer {
    if (p.status === 'succeeded') return { payment: toPaymentView(p) };
    if (p.status === 'failed')
      throw paymentDeclined(p.id, p.failure_code ?? 'card_declined', p.failure_message ?? 'The card was declined');
    throw paymentInProgress(p.id);
  }

  async function charge(p: store.AnyPaymentRow, method: string, description: string) {
    const result = await requestCharge(provider, deps.logger, p, method, description);
    return (await settleOrder(p.id, result)) ?? p;
  }

  async function payWithIntent(order: OrderCharge, providerPaymentId: string): Promise<OrderPayAnswer> {
    const p = await store.findByProviderPaymentId(db, provider.name, providerPaymentId);
    if (!p || p.order_id !== order.orderId || p.purpose !== order.purpose) throw paymentNotFound();
    if (p.status !== 'pending') return answer(p);
    const result = await provider.getPayment(p.id, providerPaymentId).catch(() => {
      throw paymentUnavailable(p.id);
    });
    if (!result) throw paymentNotFound();
    if (isFinal(result)) return answer((await settleOrder(p.id, result)) ?? p);
    if (result.status === 'open' && result.failureCode)
      throw paymentDeclined(p.id, result.failureCode, result.failureMessage ?? 'The card was declined');
    return { payment: toPaymentView(p), nextAction: result.nextAction ?? null };
  }

  return {
    settleOrder,

    /** Pays an order: 402 declined, 409 payment_in_progress / order_already_paid; pending + nextAction for a PaymentIntent waiting. */
    async payOrder(
      caller: Caller | null,
      order: OrderCharge,
      input: OrderPaymentInput,
      idempotencyKey?: string,
    ): Promise<OrderPayAnswer> {
      const method = await deps.resolveMethod(input);
      if (method.kind === 'intent') return payWithIntent(order, method.paymentIntentId);
      if (method.kind === 'none') throw paymentMethodRequired({ amount: order.amount, currency: order.currency });
      const payer = caller ? accountOf(caller) : null;
      const key = payer ? idempotencyKey : undefined;
      const hash = createHmac('sha256', await deps.secret())
        .update(JSON.stringify([order.purpose, order.orderId, order.amount, method.fingerprint]))
        .digest('hex');
      if (key && payer) {
        const earlier = await store.findByIdempotencyKey(db, payer, key);
        if (earlier) {
          if (earlier.request_hash !== hash || earlier.order_id !== order.orderId) throw idempotencyKeyReused();
          if (earlier.status === 'pending') return answer(await charge(earlier, method.method, order.description));
          return answer(earlier);
        }
      }
      let p;
      try {
        p = await store.insertOrderPayment(db, {
          id: randomUUID(),
          purpose: order.purpose,
          order_id: order.orderId,
          user_id: payer,
          provider: order.amount === 0 ? NO_PROVIDER : provider.name,
          idempotency_key: key ?? null,
          request_hash: hash,
          amount: order.amount,
          currency: order.currency,
          card_last4: order.amount === 0 ? null : method.last4,
          created_at: clock.now(),
        });
      } catch (err) {
        if (!isPgError(err, '23505')) throw err;
        const live = await store.livePaymentOfOrder(db, order.purpose, order.orderId);
        if (live?.status === 'succeeded') throw conflictOrderPaid();
        throw paymentInProgress(live?.id ?? '');
      }
      return answer(await charge(p, method.method, order.description));
    },

    /** Starts a PaymentIntent for an order (409 provider_not_client_confirmed with the test provider). */
    async startOrderIntent(caller: Caller | null, order: OrderCharge): Promise<IntentAnswer> {
      const client = deps.client();
      client.requireClientConfirmed();
      const meta = { marquee_purpose: order.purpose, marquee_order_id: order.orderId };
      for (let attempt = 0; attempt < 3; attempt++) {
        const live = await store.livePaymentOfOrder(db, order.purpose, order.orderId);
        if (live?.status === 'succeeded') throw conflictOrderPaid();
        if (live) {
          const secret = await client.reuse(live, order.amount, order.currency);
          if (secret) return client.answerOf(live, secret);
          if (!live.provider_payment_id) return client.answerOf(live, await client.open(live, order.description, meta));
          continue;
        }
        let p;
        try {
          p = await store.insertOrderPayment(db, {
            id: randomUUID(),
            purpose: order.purpose,
            order_id: order.orderId,
            user_id: caller ? accountOf(caller) : null,
            provider: provider.name,
            idempotency_key: null,
            request_hash: 'client-confirmed',
            amount: order.amount,
            currency: order.currency,
            card_last4: null,
            created_at: clock.now(),
          });
        } catch (err) {
          if (isPgError(err, '23505')) continue;
          throw err;
        }
        return client.answerOf(p, await client.open(p, order.description, meta));
      }
      throw paymentInProgress('');
    },
  };
}
