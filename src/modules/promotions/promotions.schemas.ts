// TypeBox schemas of the promo code endpoints: validation, serialisation and the OpenAPI document.
import { type Static, Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Money = Type.Object({
  amount: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Minor units' }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
});
const Day = Type.String({ format: 'date', description: "A date of the showtime (the cinema's local date)" });
const CodeText = Type.String({
  pattern: '^[A-Za-z0-9-]{4,32}$',
  description: '4–32 letters, digits or dashes; compared case-insensitively (stored upper case)',
});

export const IdParams = Type.Object({ id: Uuid });

export const PromoScope = Type.Object(
  {
    movieIds: Type.Optional(Type.Array(Uuid, { maxItems: 200, uniqueItems: true })),
    cinemaIds: Type.Optional(Type.Array(Uuid, { maxItems: 200, uniqueItems: true })),
    showtimeIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
    ticketTypes: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }), {
        maxItems: 50,
        uniqueItems: true,
        description: 'Ticket type codes: the discount applies to these seats only',
      }),
    ),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
  },
  {
    additionalProperties: false,
    description:
      'Where the code applies; a field left out (or empty) means every one. from/to: showtime dates, inclusive',
  },
);
export type PromoScopeValue = Static<typeof PromoScope>;

export const NewPromoCode = Type.Object(
  {
    code: Type.Optional(CodeText),
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    kind: Type.Union([Type.Literal('percent'), Type.Literal('fixed')]),
    percent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    amount: Type.Optional(Money),
    scope: Type.Optional(PromoScope),
    validFrom: Type.Optional(Time),
    validUntil: Type.Optional(Time),
    maxUses: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000_000 }))),
    maxUsesPerCustomer: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000 }))),
    generate: Type.Optional(
      Type.Object(
        {
          count: Type.Integer({ minimum: 1, maximum: 10_000 }),
          prefix: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{1,12}$' })),
        },
        { additionalProperties: false, description: 'Instead of `code`: this many single-use codes' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type NewPromoCodeBody = Static<typeof NewPromoCode>;

export const PromoCodePatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    validFrom: Type.Optional(Nullable(Time)),
    validUntil: Type.Optional(Nullable(Time)),
    maxUses: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000_000 }))),
    maxUsesPerCustomer: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000 }))),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PromoCodePatchBody = Static<typeof PromoCodePatch>;

export const PromoCode = Type.Object({
  id: Uuid,
  code: Nullable(Type.String({ description: 'The shared code; null for a campaign of generated codes' })),
  name: Type.String(),
  kind: Type.Union([Type.Literal('percent'), Type.Literal('fixed')]),
  percent: Nullable(Type.Integer()),
  amount: Nullable(Money),
  scope: PromoScope,
  validFrom: Nullable(Time),
  validUntil: Nullable(Time),
  maxUses: Nullable(Type.Integer()),
  maxUsesPerCustomer: Nullable(Type.Integer()),
  uses: Type.Integer({ description: 'Live uses: applied to held or paid bookings, not given back' }),
  generatedCount: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Time,
});
export type PromoCodeView = Static<typeof PromoCode>;

export const PromoCodePage = Type.Object({ items: Type.Array(PromoCode), nextCursor: Nullable(Type.String()) });

export const PromoCodeListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the name or shared code' })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const ApplyPromoBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
