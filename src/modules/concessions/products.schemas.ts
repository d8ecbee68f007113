// TypeBox schemas of concession products (items and combos), their variants and combo slots.
import { type Static, type TSchema, Type } from 'typebox';
import { Image } from '../catalog/catalog.schemas.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const Nullable = <T extends TSchema>(s: T) => Type.Union([s, Type.Null()]);
export const IdParams = Type.Object({ id: Uuid });
export const Money = Type.Object({
  amount: Type.Integer({ description: 'Minor units' }),
  currency: Type.String({ description: 'ISO 4217' }),
});
export const LangQuery = Type.String({
  pattern: '^[a-z]{2}$',
  description: 'Language of name/description (else Accept-Language; fallback en)',
});

const Text = Type.String({ minLength: 1, maxLength: 200 });
const LongText = Type.String({ minLength: 1, maxLength: 2000 });
export const Names = Type.Object(
  { en: Text },
  {
    additionalProperties: Text,
    propertyNames: { pattern: '^[a-z]{2}$' },
    description: 'By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"}',
  },
);
export const Descriptions = Type.Record(Type.String({ pattern: '^[a-z]{2}$' }), LongText, {
  description: 'Descriptions by language, e.g. {"en": "...", "de": "..."}',
});

export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soybeans',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;
export const DIETARY = ['vegetarian', 'vegan', 'gluten_free', 'lactose_free', 'halal', 'kosher'] as const;
const Allergens = Type.Array(Type.Enum([...ALLERGENS]), { maxItems: 14, uniqueItems: true, description: 'EU 14' });
const Dietary = Type.Array(Type.Enum([...DIETARY]), { maxItems: 6, uniqueItems: true });
const Category = Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$', description: 'popcorn, drinks, snacks, …' });
const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,29}$', description: 'small, medium, large, regular, …' });
const SortOrder = Type.Integer({ minimum: -1000, maximum: 1000 });
const Surcharge = Type.Integer({ minimum: 0, maximum: 100_000, description: 'Minor units, in the cinema currency' });

const VariantInput = Type.Object(
  { code: Code, names: Names, sortOrder: Type.Optional(SortOrder) },
  { additionalProperties: false },
);
const SlotInput = Type.Object(
  {
    names: Names,
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    choices: Type.Array(
      Type.Object({ variantId: Uuid, surcharge: Type.Optional(Surcharge) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
const Slots = Type.Array(SlotInput, { maxItems: 10, description: 'Combos only: each slot is filled with one choice' });

export const CreateProductBody = Type.Object(
  {
    kind: Type.Enum(['item', 'combo']),
    category: Category,
    names: Names,
    descriptions: Type.Optional(Descriptions),
    allergens: Type.Optional(Allergens),
    dietary: Type.Optional(Dietary),
    trackStock: Type.Optional(Type.Boolean({ description: 'Items only: count stock per cinema' })),
    sortOrder: Type.Optional(SortOrder),
    variants: Type.Array(VariantInput, { minItems: 1, maxItems: 20 }),
    slots: Type.Optional(Slots),
  },
  { additionalProperties: false },
);
export type CreateProductInput = Static<typeof CreateProductBody>;

export const PatchProductBody = Type.Object(
  {
    category: Type.Optional(Category),
    names: Type.Optional(Names),
    descriptions: Type.Optional(Descriptions),
    allergens: Type.Optional(Allergens),
    dietary: Type.Optional(Dietary),
    trackStock: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(SortOrder),
    active: Type.Optional(Type.Boolean()),
    variants: Type.Optional(
      Type.Array(
        Type.Object(
          {
            code: Code,
            names: Type.Optional(Names),
            sortOrder: Type.Optional(SortOrder),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: 20,
          description: 'By code: an unknown code adds a variant (names required), a known one is changed',
        },
      ),
    ),
    slots: Type.Optional(Slots),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchProductInput = Static<typeof PatchProductBody>;

export const Variant = Type.Object({
  id: Uuid,
  code: Type.String(),
  names: Names,
  name: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
});
export const Slot = Type.Object({
  id: Uuid,
  names: Names,
  name: Type.String(),
  quantity: Type.Integer(),
  choices: Type.Array(
    Type.Object({
      variantId: Uuid,
      productId: Uuid,
      name: Type.String(),
      surcharge: Type.Integer({ description: 'Minor units, in each cinema’s currency (the menu gives Money)' }),
    }),
  ),
});
export const Product = Type.Object({
  id: Uuid,
  kind: Type.Enum(['item', 'combo']),
  category: Type.String(),
  names: Names,
  descriptions: Descriptions,
  name: Type.String({ description: 'names resolved for ?lang= or Accept-Language (fallback en)' }),
  description: Nullable(Type.String()),
  image: Nullable(Image),
  allergens: Type.Array(Type.String()),
  dietary: Type.Array(Type.String()),
  trackStock: Type.Boolean(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
  variants: Type.Array(Variant),
  slots: Type.Array(Slot),
});
export type ProductView = Static<typeof Product>;

export const ProductList = Type.Object({
  items: Type.Array(Product),
  nextCursor: Nullable(Type.String({ description: 'Pass as ?cursor= for the next page; null on the last one' })),
});
export const ProductListQuery = Type.Object({
  category: Type.Optional(Category),
  active: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  lang: Type.Optional(LangQuery),
});
export const LangOnly = Type.Object({ lang: Type.Optional(LangQuery) });
