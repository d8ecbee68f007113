import { type Static, Type } from 'typebox';
import { Cursor, Limit, Page, Uuid } from './catalog.schemas.ts';
import { MAX_SEATS, SEAT_TYPES } from './hall-layout.ts';

const Name = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' });
const Latitude = Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()], {
  description: 'Degrees north (WGS 84), −90..90; given together with longitude, or both null to clear',
});
const Longitude = Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()], {
  description: 'Degrees east (WGS 84), −180..180; given together with latitude, or both null to clear',
});

export const CreateCinemaBody = Type.Object(
  {
    name: Name(200),
    city: Name(100),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    timezone: TimeZone,
    latitude: Type.Optional(Latitude),
    longitude: Type.Optional(Longitude),
  },
  { additionalProperties: false },
);
export const UpdateCinemaBody = Type.Object(
  {
    name: Type.Optional(Name(200)),
    city: Type.Optional(Name(100)),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    timezone: Type.Optional(TimeZone),
    latitude: Type.Optional(Latitude),
    longitude: Type.Optional(Longitude),
  },
  { additionalProperties: false },
);
export type CinemaInput = Static<typeof UpdateCinemaBody>;

export const CinemaQuery = Type.Object({
  city: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
  near: Type.Optional(
    Type.String({
      maxLength: 60,
      description:
        "`lat,lng` in degrees (e.g. `52.52,13.40`): only cinemas with coordinates, nearest first, each with `distanceKm`; the cursor is the last item's (distance, id). Malformed or out of range is 422.",
    }),
  ),
});

export const Cinema = Type.Object({
  id: Uuid,
  name: Type.String(),
  city: Type.String(),
  address: Type.String(),
  timezone: Type.String(),
  latitude: Type.Union([Type.Number(), Type.Null()], { description: 'Degrees north, or null when not set' }),
  longitude: Type.Union([Type.Number(), Type.Null()], { description: 'Degrees east, or null when not set' }),
  distanceKm: Type.Optional(
    Type.Number({ description: 'Great-circle distance from `near` in km (metre precision); only with `near`' }),
  ),
});
export const CinemaPage = Page(Cinema);
/** Every city that has cinemas: a short list, so one array (API.md: `[{city, cinemaCount}]`), not pages. */
export const CityList = Type.Array(Type.Object({ city: Type.String(), cinemaCount: Type.Integer() }));

/** A seat's kind; answers use it too, so clients can rely on the list. */
const SeatTypeName = Type.Enum([...SEAT_TYPES]);
/**
 * The same list for answers of modules that carry a seat's type along as a plain string (booking,
 * tickets): the document names the kinds, a check constraint on seats.type keeps them to it.
 */
export const SeatTypeText = Type.Unsafe<string>({ type: 'string', enum: [...SEAT_TYPES] });

const Coordinate = Type.Number({ minimum: -10_000, maximum: 10_000 });
const SeatInput = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 9999 }),
    type: SeatTypeName,
    x: Coordinate,
    y: Type.Optional(Coordinate),
    id: Type.Optional(Type.String({ description: 'Ignored: a seat keeps its id by row label and number' })),
  },
  { additionalProperties: false },
);
export const LayoutInput = Type.Object(
  {
    rows: Type.Array(
      Type.Object(
        {
          label: Type.String({ minLength: 1, maxLength: 10 }),
          y: Type.Optional(Coordinate),
          seats: Type.Array(SeatInput, { maxItems: MAX_SEATS }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  {
    additionalProperties: false,
    description: 'Rows of seats; x (and y, default the row index) place each seat so aisles and curves can be drawn',
  },
);

const CleaningMinutes = Type.Integer({
  minimum: 0,
  maximum: 240,
  description: 'Buffer after each showtime (default 15)',
});
export const CreateHallBody = Type.Object(
  { name: Name(100), layout: LayoutInput, cleaningMinutes: Type.Optional(CleaningMinutes) },
  { additionalProperties: false },
);
const SeatRulesInput = Type.Object(
  {
    noSingleGaps: Type.Boolean({
      description:
        "A customer's hold may not leave one lone empty seat between taken seats or against a row's end (409 `orphan_seat`); staff are exempt",
    }),
  },
  { additionalProperties: false },
);
export const UpdateHallBody = Type.Object(
  {
    name: Type.Optional(Name(100)),
    layout: Type.Optional(LayoutInput),
    cleaningMinutes: Type.Optional(CleaningMinutes),
    seatRules: Type.Optional(SeatRulesInput),
  },
  { additionalProperties: false },
);
export type HallInput = Static<typeof UpdateHallBody>;

export const Hall = Type.Object({
  id: Uuid,
  cinemaId: Uuid,
  name: Type.String(),
  capacity: Type.Integer({ description: 'Seats that can be sold (blocked seats excluded)' }),
  cleaningMinutes: Type.Integer(),
  seatRules: Type.Object({ noSingleGaps: Type.Boolean() }, { description: 'Seat rules (default off)' }),
  layout: Type.Object({
    rows: Type.Array(
      Type.Object({
        label: Type.String(),
        y: Type.Optional(Type.Number()),
        seats: Type.Array(
          Type.Object({ id: Uuid, number: Type.Integer(), type: SeatTypeName, x: Type.Number(), y: Type.Number() }),
        ),
      }),
    ),
  }),
  keptLayout: Type.Optional(
    Type.Array(Type.Object({ showtimeId: Uuid, startsAt: Type.String({ format: 'date-time' }) }), {
      description:
        'In the answer to a layout change: coming showtimes with sold or held seats, which keep the layout they were sold with (every other showtime takes the new one)',
    }),
  ),
});
export type HallView = Static<typeof Hall>;
export const HallPage = Page(Hall);
