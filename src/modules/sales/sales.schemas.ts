// TypeBox schemas of the staff sales endpoints: validation, serialisation and the OpenAPI document.
import { type Static, Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);
export const Money = Type.Object({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() });

export const IdParams = Type.Object({ id: Uuid });

export const StaffSeat = Type.Object({
  seatId: Uuid,
  row: Type.String(),
  number: Type.Integer(),
  status: Type.Enum(['held', 'sold']),
  expiresAt: Nullable(Time),
  bookingId: Uuid,
  bookingStatus: Type.String(),
  customer: Type.Object({ id: Uuid, name: Nullable(Type.String()), email: Nullable(Type.String()) }),
  ticket: Nullable(Type.Object({ id: Uuid, status: Type.String(), checkedInAt: Nullable(Time) })),
});

export const StaffSeats = Type.Object({
  showtimeId: Uuid,
  seats: Type.Array(StaffSeat, {
    description: 'Only seats that are held (not lapsed) or sold; every other seat is free',
  }),
});
export type StaffSeatsView = Static<typeof StaffSeats>;

export const ShowtimeSummary = Type.Object({
  showtimeId: Uuid,
  status: Type.String(),
  capacity: Type.Integer(),
  tickets: Type.Integer({ description: 'Live tickets (not void)' }),
  checkedIn: Type.Integer(),
  gross: Money,
  refunded: Money,
  net: Money,
  refundOnCancel: Type.Object(
    { bookings: Type.Integer(), customers: Type.Integer(), tickets: Type.Integer(), amount: Money },
    { description: 'What cancelling this showtime would refund now' },
  ),
});
export type ShowtimeSummaryView = Static<typeof ShowtimeSummary>;

const Day = Type.String({ format: 'date', description: "The cinema's local calendar day" });
export const SalesQuery = Type.Object(
  { from: Day, to: Day, cinemaId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type SalesQueryInput = Static<typeof SalesQuery>;
/** Why the JSON report pages by offset, not by cursor (the route's OpenAPI description). */
export const SALES_PAGING =
  'The report is one document, not a list in the sense of the contract (limit 1–100, cursor, {items, nextCursor}): ' +
  'its totals, days and movies always cover the whole range. `limit` and `offset` only page its `showtimes` table, by ' +
  'position, so a page can say "showtimes 21–40 of `showtimeCount`"; without `limit` every showtime is listed.';
export const SalesReportQuery = Type.Object(
  {
    from: Day,
    to: Day,
    cinemaId: Type.Optional(Uuid),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 500,
        description: 'Showtimes listed at most (default: all); the sums cover the whole range regardless',
      }),
    ),
    offset: Type.Optional(Type.Integer({ minimum: 0, description: 'Showtimes skipped before the list (default 0)' })),
  },
  { additionalProperties: false },
);
export type SalesReportQueryInput = Static<typeof SalesReportQuery>;

const Totals = { tickets: Type.Integer(), checkedIn: Type.Integer(), gross: Money, refunded: Money, net: Money };
export const SalesReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  cinemaId: Nullable(Uuid),
  days: Type.Array(Type.Object({ date: Type.String(), showtimes: Type.Integer(), ...Totals })),
  movies: Type.Array(Type.Object({ movieId: Uuid, title: Type.String(), showtimes: Type.Integer(), ...Totals })),
  totals: Type.Array(Type.Object({ showtimes: Type.Integer(), ...Totals }), { description: 'One entry per currency' }),
  showtimeCount: Type.Integer({ description: 'Showtimes in the range, whatever limit and offset list' }),
  byTicketType: Type.Optional(
    Type.Array(Type.Object({ ticketType: Type.String(), name: Type.String(), sold: Type.Integer(), revenue: Money }), {
      description: 'Live tickets and their prices per ticket type over the range; one entry per currency',
    }),
  ),
  showtimes: Type.Array(
    Type.Object({
      showtimeId: Uuid,
      startsAt: Time,
      date: Type.String(),
      localTime: Type.String(),
      status: Type.String(),
      movieId: Uuid,
      movieTitle: Type.String(),
      hallName: Type.String(),
      cinemaId: Uuid,
      cinemaName: Type.String(),
      capacity: Type.Integer(),
      ...Totals,
    }),
  ),
});

const Price = Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Minor units' });
const PriceMapSchema = Type.Object(
  {
    standard: Type.Optional(Price),
    vip: Type.Optional(Price),
    accessible: Type.Optional(Price),
    companion: Type.Optional(Price),
  },
  { additionalProperties: false },
);
export const PriceDefaultsBody = Type.Object(
  { prices: PriceMapSchema, currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' }) },
  { additionalProperties: false },
);
export const PriceDefaults = Type.Object({
  hallId: Uuid,
  prices: Type.Record(Type.String(), Type.Integer()),
  currency: Nullable(Type.String()),
  updatedAt: Nullable(Time),
});
