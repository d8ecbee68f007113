// TypeBox schemas of the waiting list (issue 18): validation, types, serialisation and OpenAPI.
import { type Static, Type } from 'typebox';
import { languageSchema } from '../../platform/http/language.ts';

const Uuid = Type.String({ format: 'uuid' });

export const tags = ['waitlist'];

export const ShowtimeParams = Type.Object({ id: Uuid });
export const EntryParams = Type.Object({ id: Uuid });

export const JoinBody = Type.Object(
  {
    seats: Type.Integer({ minimum: 1, maximum: 10, description: 'Seats wanted together' }),
    email: Type.Optional(
      Type.String({ format: 'email', maxLength: 254, description: "A guest's address (signed out only)" }),
    ),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "A guest's name for the offer" })),
    language: Type.Optional(
      languageSchema(
        "A guest's language (else Accept-Language): the offer's booking, its emails and PDFs speak it (issue 20)",
      ),
    ),
  },
  { additionalProperties: false },
);
export type JoinInput = Static<typeof JoinBody>;

export const Entry = Type.Object({
  id: Uuid,
  showtimeId: Uuid,
  seats: Type.Integer(),
  status: Type.Union(
    [
      Type.Literal('waiting'),
      Type.Literal('offered'),
      Type.Literal('claimed'),
      Type.Literal('expired'),
      Type.Literal('cancelled'),
    ],
    {
      description:
        '`offered`: seats are held for the customer as the booking `offer.bookingId` until `offer.expiresAt`; paying it makes the entry `claimed`, letting it lapse `expired` (the seats go to the next in line)',
    },
  ),
  position: Type.Union([Type.Integer(), Type.Null()], { description: 'Place in line while waiting (1 = next)' }),
  offer: Type.Union([Type.Object({ bookingId: Uuid, expiresAt: Type.String({ format: 'date-time' }) }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  guestToken: Type.Optional(
    Type.String({
      description:
        "A guest's join only (201): the entry's token, shown once. Send it as `Authorization: Waitlist <token>` (or `Waitlist-Token`) to GET /guest/waitlist/{id} and DELETE /guest/waitlist/{id}",
    }),
  ),
});
export type EntryView = Static<typeof Entry>;

export const EntryList = Type.Object({ items: Type.Array(Entry) });
