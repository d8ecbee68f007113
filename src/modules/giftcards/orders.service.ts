// Gift cards sold online: an order (amount, recipient, message) is paid through payments (payOrder,
// or a Stripe PaymentIntent); when it is paid (`order.paid`, from whichever of the answer, a webhook
// or reconciliation settles it) the card is issued once, and gift_card.issued has it emailed to the
// recipient with its code and PDF. An order is its buyer's (404 for anyone else); a guest's is
// reached by its id, a random UUID only its creator was given.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import { hasRole, type Principal } from '../../platform/http/auth.ts';
import {
  amountOutOfRange,
  buyerEmailRequired,
  currencyNotSold,
  giftOrderNotFound,
  orderNotPayable,
} from './giftcards.errors.ts';
import type { GiftcardsPaymentsPort, OrderCharge, OrderPaymentMethod } from './giftcards.ports.ts';
import type { GiftCardService } from './giftcards.service.ts';
import * as store from './giftcards.store.ts';
import type { GiftcardsDb } from './giftcards.tables.ts';
import { orderView } from './giftcards.views.ts';

export type OrderService = ReturnType<typeof createOrderService>;

export interface NewOrder {
  amount: { amount: number; currency: string };
  recipientEmail: string;
  recipientName?: string | undefined;
  message?: string | undefined;
  buyerEmail?: string | undefined;
}

export function createOrderService(deps: {
  db: Kysely<GiftcardsDb>;
  clock: Clock;
  cards: GiftCardService;
  payments: () => GiftcardsPaymentsPort;
  /** The currencies cards are sold in, with each one's smallest and largest card (config). */
  currencies: Record<string, { min: number; max: number }>;
}) {
  const { db, clock, cards } = deps;

  /** The order if the caller may see it: their own, any for staff, a guest's by its id. */
  async function visible(principal: Principal | null, id: string) {
    const o = await store.findOrder(db, id);
    const mayRead =
      o &&
      (o.buyer_user_id === null ||
        (principal !== null && (o.buyer_user_id === principal.userId || hasRole(principal, 'staff'))));
    if (!o || !mayRead) throw giftOrderNotFound();
    return o;
  }

  const charge = (o: store.OrderRow): OrderCharge => ({
    purpose: 'gift_card_order',
    orderId: o.id,
    amount: o.amount,
    currency: o.currency.trim(),
    description: `Gift card ${(o.amount / 100).toFixed(2)} ${o.currency.trim()}`,
  });

  async function view(id: string) {
    const o = (await store.findOrder(db, id)) as store.OrderRow;
    return orderView(o, await store.cardOfOrder(db, id));
  }

  /** Issues the card of a paid order in `tx`, once: a second call (the event after the answer) does nothing. */
  async function issueForOrder(
    tx: SharedTx,
    orderId: string,
    paymentId: string,
    method: 'card' | 'cash' | 'card_terminal' = 'card',
  ): Promise<void> {
    const trx = narrowTx<GiftcardsDb>(tx);
    const o = await store.findOrder(trx, orderId, { lock: true });
    if (!o || o.status === 'issued') return;
    await cards.issue(tx, {
      amount: o.amount,
      currency: o.currency.trim(),
      channel: 'online',
      orderId: o.id,
      recipientEmail: o.recipient_email,
      recipientName: o.recipient_name,
      message: o.message,
      createdBy: o.buyer_user_id,
      method,
      sealForMail: true,
    });
    await store.markOrderIssued(trx, o.id, { paymentId, now: clock.now() });
  }

  return {
    issueForOrder,

    /** A new order waiting for its payment; a guest gives an email for the receipt. */
    async create(principal: Principal | null, input: NewOrder) {
      if (!principal && !input.buyerEmail) throw buyerEmailRequired();
      const range = deps.currencies[input.amount.currency];
      if (!range) throw currencyNotSold(input.amount.currency);
      if (input.amount.amount < range.min || input.amount.amount > range.max)
        throw amountOutOfRange(range.min, range.max);
      const row = await store.insertOrder(db, {
        id: randomUUID(),
        status: 'pending',
        buyer_user_id: principal?.userId ?? null,
        buyer_email: input.buyerEmail?.trim().toLowerCase() ?? null,
        recipient_email: input.recipientEmail.trim().toLowerCase(),
        recipient_name: input.recipientName?.trim() || null,
        message: input.message?.trim() || null,
        amount: input.amount.amount,
        currency: input.amount.currency,
        created_at: clock.now(),
      });
      return orderView(row, undefined);
    },

    async get(principal: Principal | null, id: string) {
      await visible(principal, id);
      return view(id);
    },

    /**
     * Pays an order (payments.payOrder); a payment that succeeds at once issues the card before the
     * answer, so it shows status issued and the card. 409 gift_card_order_not_payable once paid.
     */
    async pay(principal: Principal | null, id: string, method: OrderPaymentMethod, key?: string) {
      const o = await visible(principal, id);
      if (o.status !== 'pending') throw orderNotPayable(o.status);
      const answer = await deps.payments().payOrder(principal, charge(o), method, key);
      const paymentId = answer.payment.id;
      if (answer.payment.status === 'succeeded' && paymentId)
        await db.transaction().execute((trx) => issueForOrder(trx, id, paymentId));
      return { ...answer, order: await view(id) };
    },

    /** Starts a client-confirmed payment (Stripe) for an order. */
    async startIntent(principal: Principal | null, id: string) {
      const o = await visible(principal, id);
      if (o.status !== 'pending') throw orderNotPayable(o.status);
      return deps.payments().startOrderIntent(principal, charge(o));
    },
  };
}
