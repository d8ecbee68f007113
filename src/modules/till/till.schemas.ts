// TypeBox schemas of the till endpoints: validation, serialisation and the OpenAPI document.
import { type Static, Type } from 'typebox';
import { FoodOrder } from '../concessions/orders.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Money = Type.Object({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() });
const Counted = Type.Object({
  amount: Type.Integer({ description: 'Minor units' }),
  currency: Type.String(),
  count: Type.Integer({ description: 'How many ledger lines' }),
});
const MinorUnits = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000, description });

export const IdParams = Type.Object({ id: Uuid });

export const Till = Type.Object({
  id: Uuid,
  cinemaId: Uuid,
  name: Type.String(),
  currency: Type.String({ description: 'ISO 4217: the drawer holds this currency only' }),
  createdAt: Time,
});
export const TillList = Type.Object({ items: Type.Array(Till) });
export const NewTill = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'Unique per cinema' }),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; EUR when left out' })),
  },
  { additionalProperties: false },
);

export const OpenSession = Type.Object(
  { tillId: Uuid, float: MinorUnits('Cash in the drawer at the start, minor units') },
  { additionalProperties: false },
);

export const SessionQuery = Type.Object(
  {
    tillId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(['open', 'closed'])),
  },
  { additionalProperties: false },
);

export const Report = Type.Object(
  {
    float: Money,
    cashSales: Counted,
    cashRefunds: Counted,
    cardSales: Counted,
    cardRefunds: Counted,
    foodSales: Type.Object(Counted.properties, {
      description: 'Issue 17: food sold alone (food_sale, both methods; also counted above)',
    }),
    foodRefunds: Type.Object(Counted.properties, {
      description: 'Issue 17: food sold alone and paid back (food_refund, both methods; also counted above)',
    }),
    expectedCash: Type.Object(
      { amount: Type.Integer(), currency: Type.String() },
      { description: 'float + cash sales − cash refunds (fixed when the session closed)' },
    ),
    countedCash: Nullable(Money),
    difference: Nullable(
      Type.Object(
        { amount: Type.Integer(), currency: Type.String() },
        { description: 'counted − expected: negative when cash is missing' },
      ),
    ),
  },
  { description: "The session's report, summed from its ledger" },
);

export const Movement = Type.Object({
  id: Uuid,
  sessionId: Uuid,
  kind: Type.Enum(['sale', 'refund', 'gift_card_sale', 'food_sale', 'food_refund'], {
    description:
      'gift_card_sale: a gift card sold (no booking); food_sale / food_refund: food sold alone (no booking; concessionOrderId)',
  }),
  method: Type.Enum(['cash', 'card_terminal']),
  bookingId: Nullable(Uuid),
  showtimeId: Nullable(Uuid),
  concessionOrderId: Nullable(Uuid),
  amount: Type.Object(
    { amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() },
    { description: 'What the drawer or the terminal took (or paid back)' },
  ),
  giftCard: Nullable(
    Type.Object(
      { id: Uuid, amount: Money },
      { description: 'The gift card sold (gift_card_sale), or the one that paid part of a sale (amount: that part)' },
    ),
  ),
  tendered: Nullable(Money),
  change: Nullable(Money),
  email: Nullable(Type.String()),
  createdAt: Time,
});

export const Session = Type.Object({
  id: Uuid,
  tillId: Uuid,
  tillName: Type.String(),
  cinemaId: Uuid,
  staffId: Uuid,
  status: Type.Enum(['open', 'closed']),
  openedAt: Time,
  closedAt: Nullable(Time),
  report: Report,
});
export const SessionList = Type.Object({ items: Type.Array(Session) });
export const SessionDetail = Type.Object({ ...Session.properties, movements: Type.Array(Movement) });

export const NewSale = Type.Object(
  {
    bookingId: Type.String({ format: 'uuid', description: 'A booking the cashier holds (POST /api/v1/bookings)' }),
    method: Type.Enum(['cash', 'card_terminal']),
    tendered: Type.Optional(MinorUnits('Cash handed over (cash only; the total when left out)')),
    email: Type.Optional(
      Type.String({ format: 'email', maxLength: 254, description: 'Where the confirmation goes (optional)' }),
    ),
    giftCard: Type.Optional(
      Type.Object(
        { code: Type.String({ minLength: 1, maxLength: 64 }) },
        { additionalProperties: false, description: 'A gift card paying first; the rest by method' },
      ),
    ),
  },
  { additionalProperties: false },
);
export const NewGiftCardSale = Type.Object(
  {
    amount: Type.Integer({ minimum: 500, maximum: 50_000, description: "Minor units, in the till's currency" }),
    method: Type.Enum(['cash', 'card_terminal']),
    tendered: Type.Optional(MinorUnits('Cash handed over (cash only; the amount when left out)')),
    recipientEmail: Type.Optional(
      Type.String({ format: 'email', maxLength: 254, description: 'Also email the card with its code and PDF here' }),
    ),
  },
  { additionalProperties: false },
);
export const GiftCardSold = Type.Object({
  giftCard: Type.Object({
    id: Uuid,
    code: Type.String({ description: 'Shown once: print it for the customer' }),
    last4: Type.String(),
    balance: Money,
  }),
  sale: Movement,
  receiptUrl: Type.String(),
});
export const Sale = Type.Object({
  ...Movement.properties,
  tickets: Type.Array(
    Type.Object({
      id: Uuid,
      row: Type.String(),
      number: Type.Integer(),
      ticketType: Type.String({ description: "The ticket type's code the seat was held as" }),
    }),
  ),
});

export const NewRefund = Type.Object(
  {
    bookingId: Uuid,
    ticketIds: Type.Optional(
      Type.Array(Uuid, { minItems: 1, maxItems: 50, description: 'Tickets to refund; all valid ones when left out' }),
    ),
  },
  { additionalProperties: false },
);

/** Issue 17: food sold alone (no ticket). */
export const NewFoodSale = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          variantId: Uuid,
          quantity: Type.Integer({ minimum: 1, maximum: 20 }),
          choices: Type.Optional(
            Type.Array(Type.Object({ slotId: Uuid, variantId: Uuid }, { additionalProperties: false }), {
              maxItems: 10,
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    method: Type.Enum(['cash', 'card_terminal']),
    tendered: Type.Optional(MinorUnits('Cash handed over (cash only; the total when left out)')),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'Kept with the sale' })),
  },
  { additionalProperties: false },
);
export const FoodSold = Type.Object({
  order: FoodOrder,
  sale: Movement,
  receiptUrl: Type.String(),
});
/** Issue 17: food paid back at a till (sold alone, or with a booking sold at a till). */
export const NewFoodRefund = Type.Object(
  {
    orderId: Uuid,
    lines: Type.Optional(
      Type.Array(Type.Object({ lineId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 20 }) }), {
        minItems: 1,
        maxItems: 20,
        description: 'The lines (and how many) to give back; without: everything not yet collected',
      }),
    ),
  },
  { additionalProperties: false },
);

export const CloseSession = Type.Object(
  { countedCash: MinorUnits('Cash counted in the drawer, minor units') },
  { additionalProperties: false },
);

export type NewSaleInput = Static<typeof NewSale>;
