// What the giftcards module needs from the others, stated here by the consumer; app.ts passes the
// real services. A transaction handed to them is a SharedTx: they narrow it to their own tables.
import type { SharedTx } from '../../platform/db/module-db.ts';
import type { Caller } from '../../platform/http/access.ts';
import type { Static } from 'typebox';
import type { IntentAnswer } from '../payments/payments.schemas.ts';

/** A held booking's price numbers, as booking's adjustHeld answers them. */
export interface HeldBooking {
  id: string;
  totalAmount: number;
  discountAmount: number;
  giftCardAmount: number;
  /** Issue 17: the food basket, which gift cards may pay too. */
  foodAmount: number;
  currency: string;
}

export interface GiftcardsBookingPort {
  /** The booking locked FOR UPDATE, with the status a client sees now; 404 unless the caller may reach it. */
  getForPayment(
    trx: SharedTx,
    bookingId: string,
    caller: Caller | null,
    options?: { lock?: boolean },
  ): Promise<HeldBooking & { effectiveStatus: string }>;
  /**
   * Locks the booking and changes what gift cards pay of it (booking.adjustHeld): 404 unless the caller
   * may reach it, 409 booking_not_payable / booking_expired unless it is a live hold.
   */
  adjustHeld(
    trx: SharedTx,
    bookingId: string,
    caller: Caller | null,
    change: { giftCardDelta?: number },
  ): Promise<HeldBooking>;
}

/** How an order is paid: the test processor takes a card, Stripe a PaymentIntent confirmed in the browser. */
export type OrderPaymentMethod =
  { card: { number: string; expMonth: number; expYear: number; cvc: string } } | { paymentIntentId: string };

/** An order as payments charges it. */
export interface OrderCharge {
  purpose: 'gift_card_order';
  orderId: string;
  amount: number;
  currency: string;
  description: string;
}

/** payments.payOrder / startOrderIntent (api-16 §3); `order.paid` follows a success. */
export interface GiftcardsPaymentsPort {
  payOrder(
    caller: Caller | null,
    order: OrderCharge,
    method: OrderPaymentMethod,
    idempotencyKey?: string,
  ): Promise<{
    payment: { id?: string; status: string; amount?: { amount: number; currency: string } };
    nextAction?: { redirectUrl?: string } | null;
  }>;
  startOrderIntent(caller: Caller | null, order: OrderCharge): Promise<Static<typeof IntentAnswer>>;
}
