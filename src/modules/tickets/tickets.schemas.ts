// TypeBox schemas of tickets and check-in: validation, response serialisation and OpenAPI.
import { Type } from 'typebox';
import { languageSchema } from '../../platform/http/language.ts';
import { SeatTypeText } from '../catalog/cinemas.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
export const Money = Type.Object({
  amount: Type.Integer({ description: 'Minor units' }),
  currency: Type.String({ minLength: 3, maxLength: 3 }),
});

const TicketSeat = Type.Object({ seatId: Uuid, row: Type.String(), number: Type.Integer(), type: SeatTypeText });

export const Ticket = Type.Object({
  id: Uuid,
  bookingId: Uuid,
  showtimeId: Uuid,
  seat: TicketSeat,
  price: Money,
  ticketType: Type.Optional(Type.String({ description: "The ticket type's code (adult, child, …)" })),
  code: Type.String({ description: 'Self-signed (Ed25519) ticket code, as in the QR code' }),
  status: Type.Union([Type.Literal('valid'), Type.Literal('used'), Type.Literal('void')]),
  checkedInAt: Type.Union([Time, Type.Null()]),
});

export const TicketList = Type.Array(Ticket);

export const CheckinBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const CheckinAnswer = Type.Object({
  ticket: Ticket,
  avatarUrl: Type.Union([Type.String(), Type.Null()], {
    description:
      "The avatar of the account that booked the ticket (128 px WebP); null for a guest's booking or an account without one",
  }),
  ticketType: Type.Object(
    {
      code: Type.String(),
      name: Type.String({ description: 'English name' }),
      rule: Type.Union([Type.String(), Type.Null()], { description: 'What to check at the door, e.g. proof of age' }),
    },
    { description: 'The ticket type and the proof to check' },
  ),
  showtime: Type.Object({
    id: Uuid,
    startsAt: Time,
    endsAt: Time,
    hall: Type.Object({ id: Uuid, name: Type.String() }),
    cinema: Type.Object({ id: Uuid, name: Type.String(), timezone: Type.String() }),
  }),
  movie: Type.Object({
    id: Uuid,
    title: Type.String(),
    durationMinutes: Type.Union([Type.Integer(), Type.Null()]),
    ageRating: Type.Union([Type.String(), Type.Null()]),
  }),
  seat: TicketSeat,
});

export const IdParams = Type.Object({ id: Uuid });
export const TicketsPdfQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Enum(['a6', 'thermal'], {
        description: 'a6 (default): one A6 page per ticket; thermal: 80 mm wide for a box office printer',
      }),
    ),
    lang: Type.Optional(languageSchema("The PDF's language; without it, the best match of Accept-Language, else 'en'")),
  },
  { additionalProperties: false },
);
export const SigningKey = Type.Object({
  algorithm: Type.Literal('Ed25519'),
  publicKeyPem: Type.String(),
  codeFormat: Type.String(),
});
