// TypeBox schemas of stock at a cinema: levels, deliveries, counts, write-offs and their movements.
import { type Static, Type } from 'typebox';
import { Nullable, Uuid } from './products.schemas.ts';

const Note = Type.String({ minLength: 1, maxLength: 500 });
const Quantity = Type.Integer({ minimum: 1, maximum: 100_000 });
const lines = <T extends import('typebox').TSchema>(line: T) =>
  Type.Array(line, { minItems: 1, maxItems: 100, description: 'One line per variant' });

export const StockLevels = Type.Object({
  items: Type.Array(
    Type.Object({
      productId: Uuid,
      variantId: Uuid,
      name: Type.String(),
      variantName: Type.String(),
      onHand: Type.Integer(),
      updatedAt: Nullable(Type.String({ format: 'date-time' })),
    }),
  ),
});

export const DeliveryBody = Type.Object(
  {
    lines: lines(Type.Object({ variantId: Uuid, quantity: Quantity }, { additionalProperties: false })),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type DeliveryInput = Static<typeof DeliveryBody>;
export const WriteOffBody = Type.Object(
  {
    lines: lines(Type.Object({ variantId: Uuid, quantity: Quantity }, { additionalProperties: false })),
    note: Note,
  },
  { additionalProperties: false },
);
export const CountBody = Type.Object(
  {
    lines: lines(
      Type.Object(
        { variantId: Uuid, counted: Type.Integer({ minimum: 0, maximum: 1_000_000 }) },
        {
          additionalProperties: false,
        },
      ),
    ),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type CountInput = Static<typeof CountBody>;

export const StockChange = Type.Object({
  lines: Type.Array(Type.Object({ variantId: Uuid, quantity: Type.Integer(), onHand: Type.Integer() })),
});
export const CountResult = Type.Object({
  lines: Type.Array(
    Type.Object({
      variantId: Uuid,
      expected: Type.Integer(),
      counted: Type.Integer(),
      difference: Type.Integer({ description: 'counted - expected: negative when some went missing' }),
    }),
  ),
});

export const MovementsQuery = Type.Object({
  kind: Type.Optional(Type.Enum(['delivery', 'count', 'write_off'])),
  from: Type.Optional(
    Type.String({ format: 'date', description: "YYYY-MM-DD, a day in the cinema's time zone, inclusive" }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date', description: "YYYY-MM-DD, a day in the cinema's time zone, inclusive" }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  lang: Type.Optional(Type.String({ pattern: '^[a-z]{2}$' })),
});
export type MovementsQueryInput = Static<typeof MovementsQuery>;
export const Movement = Type.Object({
  id: Uuid,
  kind: Type.Enum(['delivery', 'count', 'write_off']),
  productId: Uuid,
  variantId: Uuid,
  name: Type.String(),
  variantName: Type.String(),
  quantity: Type.Integer({ description: 'The change to on hand (a count: its difference)' }),
  expected: Nullable(Type.Integer({ description: 'A count: what the system expected' })),
  counted: Nullable(Type.Integer()),
  difference: Nullable(Type.Integer({ description: 'A count: counted - expected' })),
  onHandAfter: Type.Integer(),
  userId: Nullable(Uuid),
  note: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});
export const MovementList = Type.Object({ items: Type.Array(Movement), nextCursor: Nullable(Type.String()) });
