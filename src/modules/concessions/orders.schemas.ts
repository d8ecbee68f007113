// Food orders (issue 17, part B): the basket a booking carries, its pickup code, and the counter's
// collection. FoodOrder is also part of every booking answer (booking.schemas.ts imports it).
import { type Static, Type } from 'typebox';
import { OneOf, OrNull } from '../../platform/http/flat-schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Money = Type.Object({ amount: Type.Integer(), currency: Type.String({ minLength: 3, maxLength: 3 }) });
const Time = Type.String({ format: 'date-time' });

// Flat (`enum`, `type: [t, 'null']`): part of the hold's answer (platform/http/flat-schemas.ts).
export const FoodOrderStatus = OneOf(['held', 'paid', 'cancelled', 'refunded'], {
  description: 'held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left',
});

export const FoodChoice = Type.Object({ slotId: Uuid, variantId: Uuid, name: Type.String() });

export const FoodOrderLine = Type.Object({
  lineId: Uuid,
  productId: Uuid,
  variantId: Uuid,
  name: Type.String({ description: 'Product and size, in the request language' }),
  quantity: Type.Integer(),
  unitPrice: Money,
  total: Money,
  choices: Type.Array(FoodChoice, { description: "A combo's choices, one per slot" }),
  collected: Type.Integer({ description: 'How many were handed over at the counter' }),
  refunded: Type.Integer({ description: 'How many were refunded (never collected)' }),
});

export const FoodOrder = Type.Object(
  {
    id: Uuid,
    status: FoodOrderStatus,
    cinemaId: Uuid,
    pickupCode: OrNull(Type.String(), {
      description: 'What the counter scans or types (10 characters); null until the order is paid',
    }),
    pickupQrUrl: OrNull(Type.String(), {
      description:
        "GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid",
    }),
    items: Type.Array(FoodOrderLine),
    total: Money,
    collectedAt: OrNull(Time, { description: 'When the last line was handed over' }),
  },
  { description: 'Food and drink ordered with a booking (issue 17), or sold at the till' },
);
export type FoodOrderView = Static<typeof FoodOrder>;

export const FoodItemInput = Type.Object({
  variantId: Uuid,
  quantity: Type.Integer({ minimum: 1, maximum: 20 }),
  choices: Type.Optional(Type.Array(Type.Object({ slotId: Uuid, variantId: Uuid }), { maxItems: 10 })),
});
export type FoodItem = Static<typeof FoodItemInput>;

export const SetFoodBody = Type.Object(
  { items: Type.Array(FoodItemInput, { maxItems: 20, description: '[] removes the food' }) },
  { additionalProperties: false },
);

export const PickupBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'The pickup code (case, spaces and dashes ignored)',
    }),
    cinemaId: Type.String({
      format: 'uuid',
      description: "The counter's cinema: an order of another cinema is refused (409 pickup_wrong_cinema)",
    }),
    lines: Type.Optional(
      Type.Array(Type.Object({ lineId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 20 }) }), {
        minItems: 1,
        maxItems: 20,
        description: 'Hand over only these (partial collection); without: everything left',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PickupInput = Static<typeof PickupBody>;

export const PickupAnswer = Type.Object({
  order: FoodOrder,
  handedOver: Type.Array(
    Type.Object({ lineId: Uuid, name: Type.String(), quantity: Type.Integer(), choices: Type.Array(FoodChoice) }),
  ),
});

export const PickupPreview = Type.Object({
  order: FoodOrder,
  toHandOver: Type.Array(
    Type.Object({ lineId: Uuid, name: Type.String(), quantity: Type.Integer(), choices: Type.Array(FoodChoice) }),
    { description: 'What is left to collect' },
  ),
});

export const OrderListQuery = Type.Object({
  cinemaId: Uuid,
  status: Type.Optional(FoodOrderStatus),
  date: Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: "Paid on this day (the cinema's zone)" }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});

export const OrderList = Type.Object({ items: Type.Array(FoodOrder) });
