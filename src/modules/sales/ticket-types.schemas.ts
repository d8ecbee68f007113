// TypeBox schemas of ticket types and the cinemas' default price lists.
import { type Static, Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends import('typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);

const Text = Type.String({ minLength: 1, maxLength: 200 });
export const LocalizedText = Type.Object(
  { en: Text },
  {
    additionalProperties: Text,
    description: 'By language: English required, e.g. {"en": "Adult", "de": "Erwachsene"}',
  },
);
const Age = Type.Integer({ minimum: 0, maximum: 150 });
const Amount = Type.Integer({ minimum: 0, maximum: 10_000_000, description: 'Minor units' });
const SeatPrices = Type.Object(
  {
    standard: Type.Optional(Amount),
    vip: Type.Optional(Amount),
    accessible: Type.Optional(Amount),
    companion: Type.Optional(Amount),
  },
  { additionalProperties: false, description: 'Price per seat type' },
);
export const TicketPrices = Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }), SeatPrices, {
  description: 'Prices per ticket type code, then seat type: {"child": {"standard": 800}}',
});

export const TicketType = Type.Object({
  id: Uuid,
  cinemaId: Uuid,
  code: Type.String({ description: 'Stable per cinema: adult, child, senior, student, companion, …' }),
  names: LocalizedText,
  rule: Nullable(LocalizedText),
  minAge: Nullable(Age),
  maxAge: Nullable(Age),
  isDefault: Type.Boolean({ description: 'What a hold by seatIds sells; exactly one per cinema' }),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
export type TicketTypeView = Static<typeof TicketType>;

export const TicketTypeList = Type.Object({ items: Type.Array(TicketType) });
export const TicketTypesQuery = Type.Object({
  includeInactive: Type.Optional(Type.Boolean({ description: 'Also the deactivated types (the admin console)' })),
});

const editable = {
  names: LocalizedText,
  rule: Nullable(LocalizedText),
  minAge: Nullable(Age),
  maxAge: Nullable(Age),
  isDefault: Type.Boolean({ description: 'true makes this the default (the previous one stops being it)' }),
  sortOrder: Type.Integer({ minimum: -1000, maximum: 1000 }),
  active: Type.Boolean(),
};
export const CreateTicketTypeBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }),
    names: editable.names,
    rule: Type.Optional(editable.rule),
    minAge: Type.Optional(editable.minAge),
    maxAge: Type.Optional(editable.maxAge),
    isDefault: Type.Optional(editable.isDefault),
    sortOrder: Type.Optional(editable.sortOrder),
    active: Type.Optional(editable.active),
  },
  { additionalProperties: false },
);
export type CreateTicketTypeInput = Static<typeof CreateTicketTypeBody>;
export const PatchTicketTypeBody = Type.Object(
  {
    names: Type.Optional(editable.names),
    rule: Type.Optional(editable.rule),
    minAge: Type.Optional(editable.minAge),
    maxAge: Type.Optional(editable.maxAge),
    isDefault: Type.Optional(editable.isDefault),
    sortOrder: Type.Optional(editable.sortOrder),
    active: Type.Optional(editable.active),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchTicketTypeInput = Static<typeof PatchTicketTypeBody>;

export const PriceList = Type.Object({
  cinemaId: Uuid,
  currency: Nullable(Type.String({ description: 'ISO 4217; null until a list is saved' })),
  prices: TicketPrices,
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
});
export const PriceListBody = Type.Object(
  { currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' }), prices: TicketPrices },
  { additionalProperties: false },
);
export type PriceListInput = Static<typeof PriceListBody>;
