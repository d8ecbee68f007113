// TypeBox schemas of concession reports: takings per cinema, day, product or staff, and attach rate.
import { type Static, Type } from 'typebox';
import { Money, Nullable, Uuid } from './products.schemas.ts';

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD, a local day of the cinema' });
export const TakingsQuery = Type.Object(
  {
    cinemaId: Type.Optional(Uuid),
    from: Day,
    to: Day,
    groupBy: Type.Optional(Type.Enum(['day', 'product', 'staff'], { default: 'day' })),
    lang: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
  },
  { additionalProperties: false },
);
export type TakingsQueryInput = Static<typeof TakingsQuery>;

export const Takings = Type.Object({
  items: Type.Array(
    Type.Object({
      cinemaId: Uuid,
      day: Type.Optional(Type.String()),
      productId: Type.Optional(Uuid),
      productName: Type.Optional(Type.String()),
      staffUserId: Type.Optional(Nullable(Uuid)),
      staffName: Type.Optional(Type.String({ description: '"online" for web and guest orders' })),
      quantity: Type.Integer({ description: 'Units sold' }),
      gross: Money,
      refunded: Money,
    }),
  ),
  totals: Type.Array(
    Type.Object({ quantity: Type.Integer(), gross: Money, refunded: Money }, { description: 'One per currency' }),
  ),
});

export const AttachQuery = Type.Object(
  {
    cinemaId: Type.Optional(Uuid),
    from: Day,
    to: Day,
  },
  { additionalProperties: false },
);
export type AttachQueryInput = Static<typeof AttachQuery>;
export const AttachRate = Type.Object({
  items: Type.Array(
    Type.Object({
      movieId: Uuid,
      title: Type.String(),
      tickets: Type.Integer({ description: 'Live tickets of its showtimes in the range' }),
      items: Type.Integer({ description: 'Food and drink units bought with those bookings, net of refunds' }),
      attachRate: Type.Number({ description: 'items / tickets (0 without tickets)' }),
    }),
  ),
});
