// TypeBox schemas of the audit log API (issue 19): validation, types, response serialisation, OpenAPI.
import { type Static, Type } from 'typebox';

const Time = Type.String({ format: 'date-time' });
const time = (description: string) => Type.String({ format: 'date-time', description });
const name = (description: string) =>
  Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z][a-z_.]*$', description });
const fields = (description: string) =>
  Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description });

/** The filters of the list and of the CSV export. */
export const AuditFilters = {
  actorId: Type.Optional(Type.String({ format: 'uuid', description: 'Changes made by this account' })),
  actorEmail: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 254,
      pattern: '^[^\\p{Cc}\\p{Cs}]*$',
      description: 'Changes by accounts whose email (at the time) contains this text, any case',
    }),
  ),
  objectType: Type.Optional(name('e.g. `showtime`, `movie`, `ticket_type`, `seat_block`')),
  objectId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\p{Cc}\\p{Cs}]*$', description: 'The object’s key' }),
  ),
  action: Type.Optional(name('`<objectType>.create`, `.update`, `.delete` or `.request`')),
  from: Type.Optional(time('Changes at or after this instant')),
  to: Type.Optional(time('Changes before this instant')),
};

export const AuditQuery = Type.Object({
  ...AuditFilters,
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
export type AuditQueryInput = Static<typeof AuditQuery>;

export const AuditExportQuery = Type.Object(AuditFilters);
export type AuditFilterInput = Static<typeof AuditExportQuery>;

export const AuditEntry = Type.Object({
  id: Type.Integer({ description: 'Increases with each entry' }),
  at: Time,
  actor: Type.Union([
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      email: Type.Union([Type.String(), Type.Null()], { description: 'The email the account had then' }),
      role: Type.String({ description: 'The role the account had then' }),
    }),
    Type.Null(),
  ]),
  clientAddress: Type.Union([Type.String(), Type.Null()], { description: 'As TRUST_PROXY resolves it' }),
  requestId: Type.Union([Type.String(), Type.Null()], { description: 'Also in the logs (X-Request-Id)' }),
  route: Type.Union([Type.String(), Type.Null()], { description: '`METHOD /api/v1/…/:pattern` that made it' }),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()], { description: 'Key columns joined by `/`' }),
  cinemaId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  before: fields('The fields before (null on create); secrets are never recorded'),
  after: fields('The fields after (null on delete)'),
});
export type AuditEntryOut = Static<typeof AuditEntry>;

export const AuditList = Type.Object({
  items: Type.Array(AuditEntry),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
