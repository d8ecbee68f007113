// TypeBox schemas of the finance endpoints: tax settings, receipts, credit notes and the export.
import { type Static, Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Money = Type.Object({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() });
const Rate = Type.Number({ minimum: 0, maximum: 100, description: 'Percent with at most two decimals (7, 5.5, 19)' });

export const IdParams = Type.Object({ id: Uuid });
/** A guest's credit note: the booking and the note. */
export const GuestCreditNoteParams = Type.Object({ id: Uuid, creditNoteId: Uuid });

export const TaxSettingsBody = Type.Object(
  {
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case (DE)' }),
    legalName: Type.String({ minLength: 1, maxLength: 200 }),
    legalAddress: Type.String({ minLength: 1, maxLength: 500 }),
    taxId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    taxRates: Type.Object(
      {
        tickets: Rate,
        food: Type.Optional(Rate),
        merchandise: Type.Optional(Rate),
        default: Rate,
      },
      { additionalProperties: false, description: 'Kinds not given take the default rate' },
    ),
  },
  { additionalProperties: false },
);
export type TaxSettingsInput = Static<typeof TaxSettingsBody>;

export const TaxSettings = Type.Object({
  cinemaId: Uuid,
  country: Type.String(),
  legalName: Type.String(),
  legalAddress: Type.String(),
  taxId: Nullable(Type.String()),
  taxRates: Type.Object({
    tickets: Type.Number(),
    food: Type.Number(),
    merchandise: Type.Number(),
    default: Type.Number(),
  }),
  updatedAt: Time,
});
export type TaxSettingsView = Static<typeof TaxSettings>;

const Seller = Type.Object({
  name: Type.String(),
  address: Type.String(),
  country: Type.String(),
  taxId: Nullable(Type.String()),
});

const DocumentLine = Type.Object({
  description: Type.String(),
  seat: Nullable(Type.Object({ seatId: Uuid, row: Type.String(), number: Type.Integer() })),
  ticketType: Nullable(Type.String({ description: 'Ticket type code' })),
  kind: Type.Enum(['tickets', 'gift_card', 'food', 'merchandise', 'default'], {
    description: 'food, merchandise, default: a food and drink line at its tax kind (issue 17)',
  }),
  /** Issue 17: a food line's order line and how many (absent on ticket and gift card lines). */
  foodLineId: Type.Optional(Uuid),
  quantity: Type.Optional(Type.Integer()),
  rate: Type.Number({ description: 'Tax rate, percent' }),
  price: Money,
  discount: Money,
  gross: Money,
});

const TaxRow = Type.Object({ rate: Type.Number(), net: Money, tax: Money, gross: Money });
const Tender = Type.Object({
  method: Type.Enum(['card', 'cash', 'card_terminal', 'gift_card']),
  provider: Nullable(Type.String({ description: 'The card payment provider (test_card, stripe)' })),
  amount: Money,
});
const Totals = Type.Object({ net: Money, tax: Money, gross: Money });
const Showing = Type.Object({
  title: Type.String(),
  startsAt: Type.String(),
  cinema: Type.String(),
  hall: Type.String(),
});

const documentFields = {
  id: Uuid,
  number: Type.String({ description: '{prefix}-{year}-{000001}: gapless per series and year' }),
  bookingId: Nullable(Uuid),
  cinemaId: Nullable(Uuid),
  issuedAt: Time,
  issuedAtLocal: Type.String({ description: "Date and time of issue in the cinema's zone" }),
  supplyDate: Type.String({
    format: 'date',
    description:
      "Date of the sale/supply (receipts) or of the refund (credit notes) in the cinema's zone; before the date of issue when the document was issued late",
  }),
  seller: Nullable(Seller),
  sellerMissing: Type.Boolean({
    description:
      'Always false for documents issued now (a cinema without tax settings gets the chain seller); true only on documents issued before the chain seller existed',
  }),
  showing: Nullable(Showing),
  lines: Type.Array(DocumentLine),
  taxes: Type.Array(TaxRow, { description: 'Net, tax and gross per rate' }),
  totals: Totals,
  currency: Type.String(),
};

export const Receipt = Type.Object({
  ...documentFields,
  source: Type.Enum(['booking', 'gift_card', 'concession_order']),
  /** Issue 17: the food order of a receipt of food sold alone (source concession_order). */
  concessionOrderId: Type.Optional(Nullable(Uuid)),
  giftCardId: Nullable(Uuid),
  subtotal: Money,
  discount: Nullable(Type.Object({ code: Nullable(Type.String()), amount: Money })),
  tenders: Type.Array(Tender),
});
export type ReceiptView = Static<typeof Receipt>;

export const CreditNote = Type.Object({
  ...documentFields,
  receiptId: Uuid,
  receiptNumber: Type.String(),
  reason: Type.String(),
  refundedTo: Type.Array(Tender, { description: 'Where the money went back' }),
});
export type CreditNoteView = Static<typeof CreditNote>;

export const CreditNoteList = Type.Object({ items: Type.Array(CreditNote) });

export const EXPORT_KINDS = ['sales', 'refunds', 'discounts', 'gift-cards', 'payment-methods'] as const;
export const ExportQuery = Type.Object(
  {
    cinemaId: Type.Optional(Uuid),
    from: Type.String({ format: 'date', description: "First day, inclusive (the day of issue in the cinema's zone)" }),
    to: Type.String({ format: 'date', description: 'Last day, inclusive; at most 366 days after from' }),
    kind: Type.Enum([...EXPORT_KINDS]),
  },
  { additionalProperties: false },
);
export type ExportQueryInput = Static<typeof ExportQuery>;
