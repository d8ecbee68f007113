// TypeBox schemas of webhooks out (issue 19): validation, types, serialisation and OpenAPI.
import { type Static, Type } from 'typebox';
import { Cursor, IdParams, Limit, Nullable, Page, Uuid } from '../catalog/catalog.schemas.ts';
import { EVENT_TYPE_NAMES, EVENT_TYPES } from './webhook-events.ts';

export const tags = ['webhooks'];
export { IdParams };

const EventTypeName = Type.Union(
  EVENT_TYPE_NAMES.map((t) => Type.Literal(t)),
  { description: 'One of `GET /webhook-event-types`' },
);

export const EventTypeList = Type.Object({
  items: Type.Array(
    Type.Object({
      type: Type.String({ examples: [EVENT_TYPES[0]?.type] }),
      description: Type.String(),
    }),
  ),
});

const Url = Type.String({
  minLength: 1,
  maxLength: 2048,
  description:
    'http or https; a target inside the network (private, loopback, link-local, unique-local, CGNAT, multicast) is refused unless WEBHOOK_ALLOW_PRIVATE_TARGETS or WEBHOOK_ALLOWED_TARGETS allow it',
});
const Description = Type.String({ maxLength: 500 });
const EventTypes = Type.Array(EventTypeName, { minItems: 1, maxItems: EVENT_TYPE_NAMES.length * 2 });

export const EndpointBody = Type.Object(
  {
    url: Url,
    description: Type.Optional(Description),
    eventTypes: EventTypes,
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type EndpointInput = Static<typeof EndpointBody>;

export const EndpointPatchBody = Type.Object(
  {
    url: Type.Optional(Url),
    description: Type.Optional(Description),
    eventTypes: Type.Optional(EventTypes),
    enabled: Type.Optional(
      Type.Boolean({ description: 'false disables it (reason `manual`); true enables it with a fresh failure count' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EndpointPatch = Static<typeof EndpointPatchBody>;

export const Endpoint = Type.Object({
  id: Uuid,
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Nullable(
    Type.Union([Type.Literal('manual'), Type.Literal('failing')], {
      description: '`failing`: every attempt failed for three days; admins were mailed',
    }),
  ),
  disabledAt: Nullable(Type.String({ format: 'date-time' })),
  failingSince: Nullable(
    Type.String({ format: 'date-time', description: 'The first failed attempt with no success since' }),
  ),
  consecutiveFailures: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type EndpointView = Static<typeof Endpoint>;

export const Secret = Type.Object({
  secret: Type.String({
    description: '`whsec_` and base64 of 32 bytes: the key of the Standard Webhooks signature (webhook-signature)',
  }),
});
export const EndpointWithSecret = Type.Object({ ...Endpoint.properties, ...Secret.properties });
export const EndpointList = Type.Object({ items: Type.Array(Endpoint) });

const Attempt = Type.Object({
  attempt: Type.Integer({ description: '1 for the first' }),
  manual: Type.Boolean({ description: "An admin's redeliver" }),
  startedAt: Type.String({ format: 'date-time' }),
  durationMs: Type.Integer(),
  succeeded: Type.Boolean({ description: 'A 2xx answer' }),
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String({ description: 'Timeout, refused target or connection error' })),
  response: Nullable(Type.String({ description: "The answer's body, its first 1024 characters" })),
});

export const Delivery = Type.Object({
  id: Type.String({ description: 'Also the webhook-id header of every attempt' }),
  endpointId: Uuid,
  eventId: Type.String({ description: 'The event it delivers (one delivery per endpoint, event and type)' }),
  eventType: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')], {
    description: '`pending` while attempts are left on the schedule',
  }),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  body: Type.String({ description: 'The JSON body sent: `{type, timestamp, data}`' }),
  attemptLog: Type.Array(Attempt),
});
export type DeliveryView = Static<typeof Delivery>;

export const DeliveryPage = Page(Delivery);
export const DeliveryQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) });
