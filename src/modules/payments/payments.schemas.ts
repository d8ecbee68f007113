// TypeBox schemas of payments, cancellations and webhooks: validation, serialisation and OpenAPI.
import { Type } from 'typebox';
import { Money } from '../tickets/tickets.schemas.ts';

const Uuid = Type.String({ format: 'uuid' });

export const Card = Type.Object(
  {
    number: Type.String({ minLength: 12, maxLength: 23, pattern: '^[0-9][0-9 -]*[0-9]$', description: 'Card number; spaces and dashes are ignored' }),
    expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
    expYear: Type.Integer({ minimum: 0, maximum: 2200, description: 'Four digits (two are read as 20YY)' }),
    cvc: Type.String({ pattern: '^[0-9]{3,4}$' }),
  },
  { additionalProperties: false },
);

export const PayBody = Type.Object({ card: Card }, { additionalProperties: false });
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' })) });

export const Payment = Type.Object({
  id: Uuid,
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('refunded')]),
  amount: Money,
});

export const Refund = Type.Object({
  id: Uuid,
  amount: Money,
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded')]),
  reason: Type.String(),
  ticketIds: Type.Array(Uuid),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** The booking as the booking module serialises it (its schema is theirs). */
const BookingAny = Type.Object({}, { additionalProperties: true });

export const PayAnswer = Type.Object({ payment: Payment, booking: BookingAny });

export const CancelBody = Type.Object(
  { ticketIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100, description: 'Tickets to cancel; all when omitted' })) },
  { additionalProperties: false },
);

export const BookingIdParams = Type.Object({ id: Uuid });
export const ProviderParams = Type.Object({ provider: Type.String({ minLength: 1, maxLength: 50 }) });
export const WebhookAnswer = Type.Object({ received: Type.Boolean(), duplicate: Type.Boolean() });
