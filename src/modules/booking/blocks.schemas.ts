// Request and response schemas of the seat-block routes (staff).
import { type Static, Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });

export const BlockParams = Type.Object({ id: Uuid });
export const BlockSeatParams = Type.Object({ id: Uuid, seatId: Uuid });

export const BlockBody = Type.Object(
  {
    seatIds: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true, description: 'Seats of the hall' }),
    reason: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description: 'Why, for the staff list: "house seats", "broken armrest"',
    }),
  },
  { additionalProperties: false },
);

export const UnblockBody = Type.Object(
  { seatIds: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }) },
  { additionalProperties: false },
);

export const SeatBlock = Type.Object({
  seatId: Uuid,
  row: Type.String(),
  number: Type.Integer(),
  reason: Type.String(),
  blockedBy: Type.Union([Type.Object({ id: Uuid, name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], {
    description: 'The staff member who blocked it (null once their account is gone)',
  }),
  blockedAt: Type.String({ format: 'date-time' }),
});

export const SeatBlockList = Type.Object({
  items: Type.Array(SeatBlock, { description: 'In seat order (row, then number)' }),
});

export type SeatBlockView = Static<typeof SeatBlock>;
