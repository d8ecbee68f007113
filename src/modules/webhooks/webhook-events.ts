// The event types endpoints may choose, and how each is made from the domain events in the outbox:
// a public event carries only what an integration needs (ids, amounts, times), never a customer's
// account id or address, and keeps its shape when the internal event changes.
type Payload = Record<string, unknown>;

export interface PublicEventType {
  type: string;
  description: string;
  /** The domain event it is made from. */
  from: string;
  /** The event's `data`; null when this domain event makes no event of this type. */
  data: (p: Payload) => Payload | null;
}

const pick = (p: Payload, names: string[]): Payload =>
  Object.fromEntries(names.filter((n) => p[n] !== undefined).map((n) => [n, p[n]]));

const hasTickets = (p: Payload) => Array.isArray(p.ticketIds) && p.ticketIds.length > 0;

export const EVENT_TYPES: PublicEventType[] = [
  {
    type: 'booking.confirmed',
    description: 'A booking was paid: its seats are sold and its tickets issued.',
    from: 'booking.confirmed',
    data: (p) => pick(p, ['bookingId', 'showtimeId', 'seatIds']),
  },
  {
    type: 'booking.expired',
    description: 'An unpaid hold lapsed; its seats are free again.',
    from: 'booking.expired',
    data: (p) => pick(p, ['bookingId', 'showtimeId']),
  },
  {
    type: 'tickets.cancelled',
    description: "Tickets of a booking were cancelled (a refund, or the showtime's cancellation).",
    from: 'tickets.cancelled',
    data: (p) => (hasTickets(p) ? pick(p, ['bookingId', 'showtimeId', 'ticketIds', 'seatIds', 'reason']) : null),
  },
  {
    type: 'booking.refunded',
    description: 'Money of a booking was paid back (tickets, food, or the showtime was cancelled).',
    from: 'tickets.cancelled',
    data: (p) => pick(p, ['bookingId', 'showtimeId', 'refundId', 'amount', 'currency', 'reason']),
  },
  {
    type: 'booking.payment_reversed',
    description: 'A settled payment was reversed by the provider (a dispute or late failure) and refunded.',
    from: 'payment.reversed',
    data: (p) => pick(p, ['bookingId', 'showtimeId', 'paymentId', 'refundId', 'amount', 'currency', 'reason']),
  },
  {
    type: 'payment.failed',
    description: 'A payment of a booking or an order failed (declined, abandoned, or too late).',
    from: 'payment.failed',
    data: (p) => pick(p, ['paymentId', 'bookingId', 'orderId', 'amount', 'currency', 'reason']),
  },
  {
    type: 'order.paid',
    description: 'An order for food or a gift card was paid.',
    from: 'order.paid',
    data: (p) => pick(p, ['orderId', 'purpose', 'paymentId', 'amount', 'currency']),
  },
  {
    type: 'showtime.changed',
    description: 'A showtime moved to another time or hall.',
    from: 'showtime.moved',
    data: (p) => pick(p, ['showtimeId', 'from', 'to']),
  },
  {
    type: 'showtime.cancelled',
    description: 'A showtime was cancelled; its paid bookings are refunded (booking.refunded follows).',
    from: 'showtime.cancelled',
    data: (p) => pick(p, ['showtimeId']),
  },
];

/** The type of the ping `POST /webhook-endpoints/{id}/test` sends; no endpoint subscribes to it. */
export const PING_TYPE = 'webhook.test';

export const EVENT_TYPE_NAMES = EVENT_TYPES.map((t) => t.type);

/** The domain events webhooks consumes. */
export const DOMAIN_EVENTS = [...new Set(EVENT_TYPES.map((t) => t.from))];

/** The public events one domain event makes: each type with its data. */
export function publicEventsOf(domainType: string, payload: Payload): { type: string; data: Payload }[] {
  return EVENT_TYPES.filter((t) => t.from === domainType).flatMap((t) => {
    const data = t.data(payload);
    return data ? [{ type: t.type, data }] : [];
  });
}
