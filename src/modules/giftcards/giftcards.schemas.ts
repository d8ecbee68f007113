// TypeBox schemas of the gift card endpoints: validation, serialisation and the OpenAPI document.
import { Type } from 'typebox';
import { Money } from '../tickets/tickets.schemas.ts';
import { Card, IntentAnswer, PaymentIntentId } from '../payments/payments.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Email = Type.String({ format: 'email', maxLength: 254 });

export const IdParams = Type.Object({ id: Uuid });

/** A code as the customer types it (dashes and spaces ignored, case-insensitive). */
export const CodeBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64, description: 'XXXX-XXXX-XXXX-XXXX-XXXX' }) },
  { additionalProperties: false },
);

export const Balance = Type.Object({
  last4: Type.String(),
  balance: Money,
  expiresAt: Nullable(Time),
  status: Type.Enum(['active', 'void', 'expired']),
});

export const RedeemBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64, description: 'The gift card code' }),
    amount: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000_000,
        description: 'At most this much (minor units); default all it can pay',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NewOrder = Type.Object(
  {
    amount: Type.Object(
      {
        amount: Type.Integer({
          minimum: 1,
          maximum: 100_000_000,
          description: 'Minor units, within the range of its currency (GIFT_CARD_CURRENCIES; EUR: 5.00 to 500.00)',
        }),
        currency: Type.String({
          pattern: '^[A-Z]{3}$',
          description: 'One the cinemas sell gift cards in (422 otherwise)',
        }),
      },
      { additionalProperties: false },
    ),
    recipientEmail: Email,
    recipientName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    message: Type.Optional(Type.String({ maxLength: 500 })),
    buyerEmail: Type.Optional({ ...Email, description: 'Required without an account (the receipt goes there)' }),
  },
  { additionalProperties: false },
);

const CardSummary = Type.Object({ id: Uuid, last4: Type.String(), balance: Money });

export const Order = Type.Object({
  id: Uuid,
  status: Type.Enum(['pending', 'paid', 'issued']),
  amount: Money,
  recipientEmail: Type.String(),
  recipientName: Nullable(Type.String()),
  message: Nullable(Type.String()),
  buyerEmail: Nullable(Type.String()),
  createdAt: Time,
  paidAt: Nullable(Time),
  giftCard: Nullable(CardSummary),
});

export const OrderPayBody = Type.Union(
  [
    Type.Object({ card: Card }, { additionalProperties: false }),
    Type.Object({ paymentIntentId: PaymentIntentId }, { additionalProperties: false }),
  ],
  { description: '{card} with the built-in test processor; {paymentIntentId} with Stripe' },
);

export const OrderPayAnswer = Type.Object({
  payment: Type.Object({
    id: Type.Optional(Uuid),
    status: Type.String(),
    amount: Type.Optional(Money),
  }),
  nextAction: Type.Optional(Nullable(Type.Object({ redirectUrl: Type.Optional(Type.String()) }))),
  order: Order,
});

export const OrderIntent = IntentAnswer;

export const GiftCard = Type.Object({
  id: Uuid,
  last4: Type.String(),
  initial: Money,
  balance: Money,
  status: Type.Enum(['active', 'void', 'expired']),
  channel: Type.Enum(['online', 'till']),
  orderId: Nullable(Uuid),
  cinemaId: Nullable(Uuid),
  tillSessionId: Nullable(Uuid),
  recipientEmail: Nullable(Type.String()),
  expiresAt: Nullable(Time),
  createdAt: Time,
  voidedAt: Nullable(Time),
});

export const LedgerLine = Type.Object({
  kind: Type.Enum(['issue', 'redeem', 'release', 'refund', 'void']),
  amount: Type.Integer({ description: 'Minor units, signed: negative took from the card' }),
  balanceAfter: Type.Integer(),
  bookingId: Nullable(Uuid),
  tillSessionId: Nullable(Uuid),
  createdAt: Time,
});

/** Money a refund gave back to a card voided meanwhile: owed to the customer, paid out by hand. */
export const Payout = Type.Object({
  id: Uuid,
  giftCardId: Uuid,
  last4: Type.String(),
  bookingId: Uuid,
  amount: Money,
  createdAt: Time,
  paidAt: Nullable(Time),
  paidBy: Nullable(Uuid),
});

export const PayoutList = Type.Object({ items: Type.Array(Payout) });

export const PayoutQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Enum(['owed', 'paid'], { description: 'owed (default, oldest first) or paid (newest first); 200 at most' }),
    ),
  },
  { additionalProperties: false },
);

export const GiftCardDetail = Type.Object({
  ...GiftCard.properties,
  ledger: Type.Array(LedgerLine),
  payouts: Type.Array(Payout, { description: 'Refunds that came back after the card was voided: owed or paid out' }),
});

export const GiftCardList = Type.Object({ items: Type.Array(GiftCard), nextCursor: Nullable(Type.String()) });

export const ListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 32, description: 'The last four characters of the code' })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
