// Request and response schemas of the booking routes: validation, serialisation and the OpenAPI document.
import { type Static, Type } from 'typebox';
import { SeatTypeText } from '../catalog/cinemas.schemas.ts';
import { FoodOrder } from '../concessions/orders.schemas.ts';
import { validationFailed } from '../../platform/errors.ts';
import { OneOf, OrNull } from '../../platform/http/flat-schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
export const Money = Type.Object({ amount: Type.Integer(), currency: Type.String({ minLength: 3, maxLength: 3 }) });
// Flat (`enum`, `type: [t, 'null']`) rather than unions: see flat-schemas.ts (the hold's answer).
const BookingStatus = OneOf(['held', 'confirmed', 'refunded', 'expired', 'cancelled']);

/** The seats of a hold: exactly one of `seatIds` (the default ticket type) and `seats` (a type each). */
export const HoldSeatFields = {
  seatIds: Type.Optional(
    Type.Array(Uuid, {
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      description: "Seats sold as the cinema's default ticket type; or use `seats`",
    }),
  ),
  seats: Type.Optional(
    Type.Array(
      Type.Object(
        {
          seatId: Uuid,
          ticketType: Type.Optional(
            Type.String({
              pattern: '^[a-z][a-z0-9_]{1,31}$',
              description:
                "A ticket type code of the cinema (GET /cinemas/{id}/ticket-types); the cinema's default when left out",
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10, description: 'Seats with a ticket type each; or use `seatIds`' },
    ),
  ),
};

export const HoldBody = Type.Object({ showtimeId: Uuid, ...HoldSeatFields }, { additionalProperties: false });

/** The seats a hold body asks for; 422 validation_failed unless exactly one of seatIds and seats is given. */
export function seatRequestsOf(body: {
  seatIds?: string[] | undefined;
  seats?: { seatId: string; ticketType?: string | undefined }[] | undefined;
}): string[] | { seatId: string; ticketType?: string | undefined }[] {
  if (body.seatIds && body.seats) throw validationFailed('/seats', 'give seatIds or seats, not both');
  const seats = body.seatIds ?? body.seats;
  if (!seats) throw validationFailed('/seatIds', 'is required (or seats)');
  return seats;
}

export const BookingParams = Type.Object({ id: Uuid });
export const ShowtimeParams = Type.Object({ id: Uuid });

export const SeatEventsQuery = Type.Object({
  lastEventId: Type.Optional(
    Type.String({
      pattern: '^[0-9]{1,15}$',
      description:
        'Resume after this event id, like the `Last-Event-ID` header (which wins when both are sent): for clients that open a new stream themselves and cannot set the header.',
    }),
  ),
});

export const BookingListQuery = Type.Object(
  {
    showtimeId: Type.Optional(Uuid),
    status: Type.Optional(BookingStatus),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

const Time = Type.String({ format: 'date-time' });

/** A ticket of a paid booking, as the tickets module issues it (GET /bookings/{id}/tickets has the same). */
const BookingTicket = Type.Object({
  id: Uuid,
  bookingId: Uuid,
  showtimeId: Uuid,
  seat: Type.Object({ seatId: Uuid, row: Type.String(), number: Type.Integer(), type: SeatTypeText }),
  price: Money,
  code: Type.String({ description: 'Self-signed (Ed25519) ticket code, as in the QR code' }),
  status: OneOf(['valid', 'used', 'void']),
  checkedInAt: OrNull(Time),
  ticketType: Type.Optional(Type.String({ description: "The ticket type's code (adult, child, …)" })),
});

/** Money given back for cancelled tickets or a cancelled showtime, as the payments module records it. */
const BookingRefund = Type.Object({
  id: Uuid,
  /** Paid back through the provider (or at the till); giftCardAmount: credited back to gift cards. */
  amount: Money,
  giftCardAmount: Money,
  status: OneOf(['pending', 'succeeded']),
  reason: Type.String({
    description: 'customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone)',
  }),
  ticketIds: Type.Array(Uuid),
  /** Issue 17: food not yet collected given back with it (amount: card and gift cards together). */
  food: Type.Optional(
    OrNull(
      Type.Object({
        amount: Money,
        lines: Type.Array(Type.Object({ lineId: Uuid, name: Type.String(), quantity: Type.Integer(), amount: Money })),
      }),
    ),
  ),
  createdAt: Time,
  completedAt: OrNull(Time),
});

/** Issue 16: what the booking costs and what is left to pay once a promo code and gift cards are taken off. */
export const PriceBreakdown = Type.Object(
  {
    tickets: Money,
    food: Money,
    subtotal: Money,
    discount: OrNull(
      Type.Object({
        code: Type.String({ description: 'The promo code as applied (upper case)' }),
        amount: Money,
      }),
      { description: 'The promo code applied to the booking (POST /bookings/{id}/promo-code), or null' },
    ),
    giftCards: Money,
    due: Money,
  },
  {
    description:
      'tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only.',
  },
);

export const Booking = Type.Object({
  id: Uuid,
  status: BookingStatus,
  showtimeId: Uuid,
  userId: OrNull(Uuid, {
    description:
      "The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)",
  }),
  seats: Type.Array(
    Type.Object({
      seatId: Uuid,
      row: Type.String(),
      number: Type.Integer(),
      type: SeatTypeText,
      price: Money,
      ticketType: Type.String({ description: "The ticket type's code (adult, child, …)" }),
      ticketTypeName: Type.String({ description: "The ticket type's English name" }),
    }),
  ),
  total: Money,
  priceBreakdown: PriceBreakdown,
  expiresAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  confirmedAt: OrNull(Time),
  holdExtendedAt: OrNull(Time, {
    description: 'When the hold was kept longer (POST …/extend); null until then. A hold extends once only.',
  }),
  // Filled in by the payments and tickets modules.
  food: Type.Optional(
    OrNull(FoodOrder, {
      description: 'Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without',
    }),
  ),
  tickets: Type.Optional(Type.Array(BookingTicket)),
  refunds: Type.Optional(Type.Array(BookingRefund)),
  refundPolicy: Type.Optional(
    Type.Object(
      {
        cutoffMinutes: Type.Integer({
          description: 'Without tiers: everything back until this many minutes before the start, nothing after',
        }),
        tiers: Type.Optional(Type.Array(Type.Object({ minutesBefore: Type.Integer(), percent: Type.Integer() }))),
        fullRefundUntil: Type.Optional(
          Type.String({
            format: 'date-time',
            description:
              'The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say',
          }),
        ),
        reason: Type.Optional(
          OneOf(['showtime_moved', 'at_till'], {
            description:
              'Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)',
          }),
        ),
      },
      { description: 'The refund policy cancelling is judged by (confirmed bookings)' },
    ),
  ),
  refundPreview: Type.Optional(
    Type.Object(
      {
        amount: Money,
        percent: Type.Integer({ minimum: 0, maximum: 100 }),
        asOf: Type.String({ format: 'date-time' }),
      },
      {
        description:
          'What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed',
      },
    ),
  ),
});

export type BookingTicketView = Static<typeof BookingTicket>;
export type BookingRefundView = Static<typeof BookingRefund>;

export const BookingPage = Type.Object({
  items: Type.Array(Booking),
  nextCursor: OrNull(Type.String()),
});

const SeatStatus = Type.Union([
  Type.Literal('available'),
  Type.Literal('held'),
  Type.Literal('sold'),
  Type.Literal('blocked'),
]);

export const SeatMap = Type.Object({
  showtimeId: Uuid,
  hallId: Uuid,
  seats: Type.Array(
    Type.Object({
      id: Uuid,
      row: Type.String(),
      number: Type.Integer(),
      type: SeatTypeText,
      x: Type.Number(),
      y: Type.Number(),
      status: SeatStatus,
      // null for blocked seats: they are never sold.
      price: Type.Union([Money, Type.Null()]),
    }),
  ),
});

export const Report = Type.Object({
  capacity: Type.Integer(),
  sold: Type.Integer(),
  held: Type.Integer(),
  available: Type.Integer(),
  revenue: Money,
  checkedIn: Type.Integer(),
  byTicketType: Type.Array(
    Type.Object({ ticketType: Type.String(), name: Type.String(), sold: Type.Integer(), revenue: Money }),
    { description: 'Sold seats and their revenue as sold (before refunds) per ticket type' },
  ),
});

/** The live seat feed's answer, for the OpenAPI document only: the route writes the stream itself. */
export const SeatEventStream = Type.Unsafe<string>({
  description:
    'Server-Sent Events: `event: snapshot` with the seat map (or, on resume, the missed `seats` events), then `event: seats` with changes; `id` lines to resume from with Last-Event-ID. `event: ping` with `{"every": ms}` follows the snapshot or replay at once and then comes every `every` ms: a client that hears nothing for two intervals may treat the stream as dropped.',
  content: { 'text/event-stream': { schema: { type: 'string' } } },
});
