// Schemas of guest checkout (guest.routes.ts): a booking made with an email address and a name, and
// managed with the token its 201 answer shows once.
import { Type } from 'typebox';
import { languageSchema } from '../../platform/http/language.ts';
import { Booking } from '../booking/booking.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });

export const GuestHoldBody = Type.Object(
  {
    showtimeId: Uuid,
    seatIds: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: 10,
        uniqueItems: true,
        description: 'Seats of the default ticket type',
      }),
    ),
    seats: Type.Optional(
      Type.Array(
        Type.Object(
          {
            seatId: Uuid,
            ticketType: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$', description: 'A ticket type code' }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, maxItems: 10, description: 'Each seat with its ticket type; exactly one of seatIds and seats' },
      ),
    ),
    email: Type.String({
      format: 'email',
      maxLength: 254,
      description: 'Where the confirmation and its link go; the seat limit counts by it (case ignored)',
    }),
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      pattern: '\\S',
      description: 'The guest as the email greets them',
    }),
    language: Type.Optional(
      languageSchema(
        "The language of the guest's emails and PDFs (issue 20); without it, the best match of Accept-Language, else 'en'",
      ),
    ),
  },
  { additionalProperties: false },
);

export const GuestBookingCreated = Type.Object({
  ...Booking.properties,
  managementToken: Type.String({
    description:
      'Shown once: send it as "Authorization: Booking <token>" (or the Booking-Token header) to read, pay, cancel or release this booking and download its tickets. The confirmation email carries a link with a token of its own.',
  }),
});

export const GuestTicketParams = Type.Object({ id: Uuid, ticketId: Uuid });

export const guestSecurity: { [label: string]: string[] }[] = [{ bookingToken: [] }];
