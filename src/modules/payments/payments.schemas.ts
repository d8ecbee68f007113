// TypeBox schemas of payments, cancellations and webhooks: validation, serialisation and OpenAPI.
import { Type } from 'typebox';
import { Booking } from '../booking/booking.schemas.ts';
import { Money } from '../tickets/tickets.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });

export const Card = Type.Object(
  {
    number: Type.String({
      minLength: 12,
      maxLength: 23,
      pattern: '^[0-9][0-9 -]*[0-9]$',
      description: 'Card number; spaces and dashes are ignored',
    }),
    expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    expYear: Type.Integer({ minimum: 0, maximum: 2200, description: 'Four digits (two are read as 20YY)' }),
    cvc: Type.String({ pattern: '^[0-9]{3,4}$' }),
  },
  { additionalProperties: false },
);

export const PaymentIntentId = Type.String({
  minLength: 4,
  maxLength: 255,
  pattern: '^pi_[A-Za-z0-9_]+$',
  description: 'A Stripe PaymentIntent started with POST …/payment-intents and confirmed in the browser',
});

/**
 * `{card}` with the test card processor, `{paymentIntentId}` with Stripe: at most one of them; `{}`
 * confirms a booking with nothing due (promo code and gift cards pay it all; 422 otherwise).
 */
export const PayBody = Type.Object(
  { card: Type.Optional(Card), paymentIntentId: Type.Optional(PaymentIntentId) },
  { additionalProperties: false, maxProperties: 1 },
);
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' })),
});

export const Payment = Type.Object({
  id: Uuid,
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
    Type.Literal('refunded'),
  ]),
  amount: Money,
});

/** The booking paid for, as every booking answer has it (the fresh answer has no refund preview yet). */
export const PayAnswer = Type.Object({ payment: Payment, booking: Booking });

export const NextAction = Type.Union([
  Type.Object({
    redirectUrl: Type.String({ description: 'Where the customer finishes the payment (3-D Secure, a bank)' }),
  }),
  Type.Null(),
]);

/** 202: a PaymentIntent still waiting for the customer (3-D Secure) or the provider (processing). */
export const PayPending = Type.Object({ payment: Payment, nextAction: NextAction });

export const IntentAnswer = Type.Object({
  paymentId: Uuid,
  provider: Type.String({ description: 'stripe; none when nothing was due (settled at once)' }),
  clientSecret: Type.Union([Type.String(), Type.Null()], {
    description: 'For Stripe.js: elements({clientSecret}); null when nothing was due',
  }),
  publishableKey: Type.Union([Type.String(), Type.Null()]),
  amount: Money,
  status: Payment.properties.status,
});

export const PaymentsConfig = Type.Object({
  provider: Type.Union([Type.Literal('test_card'), Type.Literal('stripe')]),
  publishableKey: Type.Union([Type.String(), Type.Null()]),
  stripeJsUrl: Type.Union([Type.String(), Type.Null()]),
});

export const CancelBody = Type.Object(
  {
    ticketIds: Type.Optional(
      Type.Array(Uuid, { minItems: 1, maxItems: 100, description: 'Tickets to cancel; all when omitted' }),
    ),
  },
  { additionalProperties: false },
);

export const BookingIdParams = Type.Object({ id: Uuid });
export const ProviderParams = Type.Object({ provider: Type.String({ minLength: 1, maxLength: 50 }) });
export const WebhookAnswer = Type.Object({ received: Type.Boolean(), duplicate: Type.Boolean() });
/** The booking after the cancellation, with its refunds. */
export const CancelAnswer = Booking;
