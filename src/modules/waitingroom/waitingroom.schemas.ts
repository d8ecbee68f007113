// TypeBox schemas of the waiting room endpoints: validation, serialisation and the OpenAPI document.
import { Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(s: T) => Type.Union([s, Type.Null()]);
const Status = Type.Union([
  Type.Literal('scheduled'),
  Type.Literal('open'),
  Type.Literal('paused'),
  Type.Literal('ended'),
]);
const Rate = Type.Integer({ minimum: 1, maximum: 100_000, description: 'Places admitted per minute' });

export const IdParams = Type.Object({ id: Uuid });

export const RoomSettings = Type.Object(
  {
    onSaleAt: Type.String({
      format: 'date-time',
      description: 'Everyone who joins before this moment gets a random place at it; later joiners queue in order',
    }),
    admissionsPerMinute: Rate,
    admissionMinutes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 240,
        description: 'How long an admission (its token) lasts; WAITING_ROOM_ADMISSION_MINUTES when not given',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RatePatch = Type.Object({ admissionsPerMinute: Rate }, { additionalProperties: false });

export const WaitingRoom = Type.Object({
  id: Uuid,
  scope: Type.Union([Type.Literal('showtime'), Type.Literal('movie')]),
  showtimeId: Nullable(Uuid),
  movieId: Nullable(Uuid),
  onSaleAt: Time,
  status: Status,
  admissionsPerMinute: Type.Integer(),
  admissionMinutes: Type.Integer(),
  waiting: Type.Integer({ description: 'Visitors with a place (or awaiting the draw) not admitted yet' }),
  admitted: Type.Integer({ description: 'Places admitted so far' }),
  activeHolds: Nullable(Type.Integer({ description: "Seats held now on the showtime (null for a movie's room)" })),
  sold: Nullable(Type.Integer({ description: "Seats sold on the showtime (null for a movie's room)" })),
  oldestWaitSeconds: Type.Integer({ description: 'How long the head of the line has waited since it opened' }),
});

export const WaitingRoomList = Type.Object({ items: Type.Array(WaitingRoom) });

export const ShowtimeWaitingRoom = Type.Object({
  active: Type.Boolean({ description: 'Holds on this showtime need an admission token' }),
  onSaleAt: Nullable(Time),
  status: Nullable(Status),
});

export const JoinBody = Type.Object(
  {
    email: Type.Optional(
      Type.String({ format: 'email', maxLength: 254, description: 'A guest (no account) waits under this address' }),
    ),
  },
  { additionalProperties: false },
);

export const Visit = Type.Object({
  visitId: Uuid,
  showtimeId: Uuid,
  status: Type.Union([Type.Literal('waiting'), Type.Literal('admitted'), Type.Literal('expired')]),
  roomStatus: Status,
  position: Nullable(Type.Integer({ description: '1 = next; null until the draw at onSaleAt' })),
  ahead: Nullable(Type.Integer()),
  estimatedWaitSeconds: Nullable(Type.Integer()),
  onSaleAt: Time,
  admission: Nullable(
    Type.Object({
      token: Type.String({ description: 'Send as the Waiting-Room-Token header of holds on this showtime' }),
      expiresAt: Time,
    }),
  ),
});

/** A live stream's answer, for the OpenAPI document only: the route writes the stream itself. */
export const EventStream = (what: string) =>
  Type.Unsafe<string>({
    description: `Server-Sent Events: ${what}; \`event: ping\` every 15 s.`,
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  });
