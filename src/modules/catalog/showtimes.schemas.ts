import { type Static, Type } from 'typebox';
import { Cursor, Limit, Nullable, Page, Uuid } from './catalog.schemas.ts';

const Price = Type.Integer({
  minimum: 0,
  maximum: 100_000_000,
  description: 'Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250',
});
export const Prices = Type.Object(
  {
    standard: Type.Optional(Price),
    vip: Type.Optional(Price),
    accessible: Type.Optional(Price),
    companion: Type.Optional(Price),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'A price for every seat type the hall has (blocked seats are not sold)',
  },
);

const ticketPrices = (description: string) =>
  Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }), Prices, {
    description: `Prices per ticket type code, then seat type: {"child": {"standard": 800}}. ${description}`,
  });

export const CreateShowtimeBody = Type.Object(
  {
    movieId: Uuid,
    hallId: Uuid,
    startsAt: Type.String({ format: 'date-time' }),
    format: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: '2D, 3D, IMAX, …' })),
    language: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    subtitles: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    prices: Prices,
    ticketPrices: Type.Optional(
      ticketPrices(
        "The other types' prices; types left out are copied from the cinema's default price list. The default type's entry is always `prices`",
      ),
    ),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217' }),
  },
  { additionalProperties: false },
);
export type CreateShowtimeInput = Static<typeof CreateShowtimeBody>;

export const ShowtimeQuery = Type.Object({
  movieId: Type.Optional(Uuid),
  cinemaId: Type.Optional(Uuid),
  hallId: Type.Optional(Uuid),
  date: Type.Optional(Type.String({ format: 'date', description: "The cinema's local calendar day" })),
  from: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'Starting at or after this instant (default: now, unless date is given)',
    }),
  ),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Starting before this instant' })),
  status: Type.Optional(Type.Enum(['scheduled', 'cancelled', 'all'], { default: 'scheduled' })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
});
export type ShowtimeQueryInput = Static<typeof ShowtimeQuery>;

export const Showtime = Type.Object({
  id: Uuid,
  movieId: Uuid,
  hallId: Uuid,
  cinemaId: Uuid,
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time', description: 'Start + running time + cleaning buffer' }),
  format: Type.String(),
  language: Nullable(Type.String()),
  subtitles: Nullable(Type.String()),
  prices: Type.Record(Type.String(), Type.Integer()),
  ticketPrices: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer()), {
    description: "Prices per ticket type code, then seat type; the default type's entry equals `prices`",
  }),
  currency: Type.String(),
  status: Type.Enum(['scheduled', 'cancelled']),
  seatsAvailable: Type.Integer({ description: 'Seats neither sold nor held right now' }),
  capacity: Type.Integer({
    description: 'Seats the hall sells (blocked seats excluded), to read seatsAvailable against',
  }),
  movieTitle: Type.String(),
  hallName: Type.String(),
  timezone: Type.String({ description: "The cinema's IANA time zone, for local display" }),
});
export type ShowtimeView = Static<typeof Showtime>;
export const ShowtimePage = Page(Showtime);

export const MoveShowtimeBody = Type.Object(
  {
    startsAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'The new start (endsAt follows: running time + cleaning)' }),
    ),
    hallId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'Another hall of the same cinema; only while no seat is held, sold or blocked',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MoveShowtimeInput = Static<typeof MoveShowtimeBody>;

export const SetShowtimePricesBody = Type.Object(
  {
    prices: Type.Optional(Prices),
    ticketPrices: Type.Optional(ticketPrices("Replaces the other types' prices: types left out lose theirs")),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description:
      "New prices for holds made from now on (seats held or sold keep theirs). `prices` is the default type's; ticketPrices replaces the other types' (types left out lose their prices)",
  },
);
export type SetShowtimePricesInput = Static<typeof SetShowtimePricesBody>;
