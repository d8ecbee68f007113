// TypeBox schemas of what each cinema sells (offers) and its public menu.
import { type Static, Type } from 'typebox';
import { Image } from '../catalog/catalog.schemas.ts';
import { LangQuery, Money, Nullable, Uuid } from './products.schemas.ts';

const TaxKind = Type.Enum(['food', 'merchandise', 'default'], {
  description: "Which of the cinema's finance rates applies (rate_food, rate_merchandise, the default rate)",
});
export const CinemaParams = Type.Object({ id: Uuid });
export const OfferParams = Type.Object({ id: Uuid, productId: Uuid });

export const Offer = Type.Object({
  productId: Uuid,
  variantId: Uuid,
  price: Money,
  taxKind: TaxKind,
  onSale: Type.Boolean(),
});
export const OfferList = Type.Object({ items: Type.Array(Offer) });

export const PutOffersBody = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; one currency per cinema' }),
    taxKind: TaxKind,
    onSale: Type.Boolean(),
    prices: Type.Record(
      Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,29}$' }),
      Type.Integer({ minimum: 0, maximum: 10_000_000 }),
      {
        description:
          'Price per variant code in minor units: {"small": 450, "large": 650}; sizes left out are not sold here',
      },
    ),
  },
  { additionalProperties: false },
);
export type PutOffersInput = Static<typeof PutOffersBody>;

export const MenuQuery = Type.Object({ lang: Type.Optional(LangQuery) });
export const MenuItem = Type.Object({
  productId: Uuid,
  kind: Type.Enum(['item', 'combo']),
  category: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  imageUrl: Nullable(Type.String({ description: 'A 400px JPEG' })),
  image: Nullable(Image),
  allergens: Type.Array(Type.String()),
  dietary: Type.Array(Type.String()),
  variants: Type.Array(
    Type.Object({
      variantId: Uuid,
      code: Type.String(),
      name: Type.String(),
      price: Money,
      available: Type.Boolean({ description: 'false when its tracked stock here is 0 (or a slot has nothing left)' }),
    }),
  ),
  slots: Type.Array(
    Type.Object({
      slotId: Uuid,
      name: Type.String(),
      quantity: Type.Integer(),
      choices: Type.Array(
        Type.Object({
          variantId: Uuid,
          productId: Uuid,
          name: Type.String(),
          surcharge: Money,
          available: Type.Boolean(),
        }),
      ),
    }),
  ),
});
export type MenuItemView = Static<typeof MenuItem>;
export const Menu = Type.Object({
  cinemaId: Uuid,
  currency: Nullable(Type.String({ description: 'null while nothing is on sale' })),
  items: Type.Array(MenuItem),
});
