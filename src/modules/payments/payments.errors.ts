// The payments module's error codes (API.md "Booking" and "Payment webhooks").
import { AppError, conflict, notFound, unprocessable } from '../../platform/errors.ts';

export const paymentDeclined = (paymentId: string, reason: string, message: string) =>
  new AppError('payment_required', 'payment_declined', `The payment was declined: ${message}`, { reason, paymentId });

export const bookingExpired = (extra: Record<string, unknown> = {}) =>
  conflict('booking_expired', 'The hold on these seats has expired; hold them again to pay', extra);

/**
 * The customer released the hold (DELETE /bookings/{id}), before paying or while the card was
 * charged: API.md's booking_not_payable (not booking_expired: nothing lapsed), with reason `released`.
 */
export const bookingReleased = (extra: Record<string, unknown> = {}) =>
  conflict(
    'booking_not_payable',
    'This hold was released, so its seats can no longer be paid for; hold them again to pay',
    {
      bookingStatus: 'cancelled',
      ...extra,
      reason: 'released',
    },
  );

export const bookingNotPayable = (status: string, extra: Record<string, unknown> = {}) =>
  conflict('booking_not_payable', `A ${status} booking cannot be paid`, { bookingStatus: status, ...extra });

export const showtimeNoLongerOnSale = () =>
  conflict('booking_not_payable', 'This showtime was cancelled; its seats can no longer be paid for', {
    reason: 'showtime_cancelled',
  });

export const paymentInProgress = (paymentId: string) =>
  new AppError(
    'conflict',
    'payment_in_progress',
    'A payment for this booking is already being processed; try again in a moment',
    { paymentId },
    2,
  );

export const paymentUnavailable = (paymentId: string) =>
  new AppError(
    'unavailable',
    'payment_unavailable',
    'The payment provider did not answer; the payment will be settled automatically',
    { paymentId },
    10,
  );

export const idempotencyKeyReused = () =>
  unprocessable('idempotency_key_reused', 'This Idempotency-Key was used with a different request');

export const bookingNotCancellable = (status: string) =>
  conflict(
    'booking_not_cancellable',
    `A ${status} booking has nothing to cancel; a held booking is released with DELETE /bookings/{id}`,
    { bookingStatus: status },
  );

export const cancellationWindowClosed = (startsAt: Date, extra: Record<string, unknown> = {}) =>
  conflict('cancellation_window_closed', 'The refund policy gives nothing back this close to the start', {
    startsAt: startsAt.toISOString(),
    ...extra,
  });

export const ticketNotCancellable = (ticketId: string, status: string) =>
  conflict(
    status === 'used' ? 'ticket_used' : 'ticket_void',
    status === 'used' ? 'A checked-in ticket cannot be refunded' : 'This ticket was already cancelled',
    { ticketId },
  );

export const unknownTickets = (indexes: number[]) =>
  new AppError('unprocessable', 'validation_failed', 'Some tickets are not tickets of this booking', {
    errors: indexes.map((i) => ({ path: `/ticketIds/${i}`, message: 'is not a ticket of this booking' })),
  });

export const invalidSignature = (reason: string) =>
  new AppError('bad_request', 'invalid_signature', `The webhook signature is not valid: ${reason}`);

export const unknownProvider = (name: string) =>
  new AppError('not_found', 'not_found', `No payment provider is called ${name}`);

/** Money taken online goes back online: the till pays back only what was paid at a counter. */
export const paymentNotOffline = () =>
  new AppError('conflict', 'payment_not_offline', 'This booking was not paid at a till; refund it online');

/** Cash or card-terminal money is paid back at a till (POST /api/v1/till-sessions/{id}/refunds). */
export const refundAtTill = () =>
  new AppError('conflict', 'refund_at_till', 'This booking was paid at a till; it is refunded at a till');

/** A PaymentIntent (or other provider payment) we never started for this booking or order. */
export const paymentNotFound = () =>
  new AppError('not_found', 'payment_not_found', 'No payment of this booking or order has this id');

/** Card numbers go to the provider from the browser only (PAYMENT_PROVIDER=stripe). */
export const cardDataNotAccepted = () =>
  unprocessable(
    'card_data_not_accepted',
    'Card data is not accepted here: start a payment with POST …/payment-intents and confirm it with the provider',
  );

/** The test card processor takes cards on our API; it has no PaymentIntents. */
export const providerNotClientConfirmed = () =>
  conflict('provider_not_client_confirmed', 'The payment provider in use takes a card, not a PaymentIntent');

/** POST …/payments with no payment method (`{}`) while something is due. */
export const paymentMethodRequired = (due: { amount: number; currency: string }) =>
  unprocessable(
    'payment_method_required',
    'Something is due on this booking: pay it with a card or a PaymentIntent ({} only confirms a booking with nothing due)',
    { due },
  );

/** An order that was paid already (gift card orders). */
export const conflictOrderPaid = () => conflict('order_already_paid', 'This order has been paid already');

/** The amount due changed (a promo code or gift card) after the payment started: its charge is refunded. */
export const amountChanged = (extra: Record<string, unknown> = {}) =>
  conflict(
    'payment_amount_changed',
    'The amount due changed while this payment was made; it is refunded in full: start the payment again',
    extra,
  );

// Issue 17: refunds of food orders (food-refunds.ts).
export const concessionOrderNotFound = () => notFound('The food order', 'concession_order_not_found');
export const orderNotRefundable = (status: string) =>
  conflict(status === 'refunded' ? 'order_refunded' : 'order_not_paid', `A ${status} food order cannot be refunded`, {
    orderStatus: status,
  });
export const unknownFoodLines = (indexes: number[]) =>
  unprocessable('unknown_food_lines', 'Some lines are not lines of this order', { indexes });
export const foodAlreadyCollected = (lineIds: string[]) =>
  new AppError('conflict', 'already_collected', 'Some of this food was handed over already; it is not refunded', {
    lineIds,
  });
