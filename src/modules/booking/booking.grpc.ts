// cinema.v1.BookingService: holds, payments and cancellations mapped onto their REST routes.
import { type RpcTable, segment } from '../../platform/grpc/server.ts';

// REST tickets carry the seat as an object; the message carries its id.
function toBookingMessage(b: any): any {
  if (!b || typeof b !== 'object') return b;
  const tickets = Array.isArray(b.tickets)
    ? b.tickets.map((t: any) => ({ ...t, seatId: t.seatId ?? t.seat?.seatId ?? t.seat?.id }))
    : undefined;
  return { ...b, tickets };
}

export const bookingRpcs: RpcTable = {
  'cinema.v1.BookingService': {
    CreateBooking: {
      toRest: (r) => ({
        method: 'POST',
        url: '/api/v1/bookings',
        // Proto3 repeated fields arrive empty rather than absent: seats, when given, replace seatIds.
        payload: r.seats?.length
          ? { showtimeId: r.showtimeId, seats: r.seats }
          : { showtimeId: r.showtimeId, seatIds: r.seatIds ?? [] },
        idempotencyKey: r.idempotencyKey,
      }),
      fromRest: toBookingMessage,
    },
    GetBooking: {
      toRest: (r) => ({ method: 'GET', url: `/api/v1/bookings/${segment(r.id)}` }),
      fromRest: toBookingMessage,
    },
    ListBookings: {
      toRest: (r) => ({
        method: 'GET',
        url: '/api/v1/bookings',
        query: { showtimeId: r.showtimeId, status: r.status, limit: r.page?.limit, cursor: r.page?.cursor },
      }),
      fromRest: (b) => ({ ...b, items: (b.items ?? []).map(toBookingMessage) }),
    },
    ExtendHold: {
      toRest: (r) => ({ method: 'POST', url: `/api/v1/bookings/${segment(r.id)}/extend` }),
      fromRest: toBookingMessage,
    },
    ReleaseBooking: {
      toRest: (r) => ({ method: 'DELETE', url: `/api/v1/bookings/${segment(r.id)}` }),
      fromRest: () => ({}),
    },
    PayBooking: {
      toRest: (r) => ({
        method: 'POST',
        url: `/api/v1/bookings/${segment(r.bookingId)}/payments`,
        payload: {
          card: {
            number: r.card?.number ?? '',
            expMonth: r.card?.expMonth ?? 0,
            expYear: r.card?.expYear ?? 0,
            cvc: r.card?.cvc ?? '',
          },
        },
        idempotencyKey: r.idempotencyKey,
      }),
      fromRest: (b) => ({ payment: b.payment, booking: toBookingMessage(b.booking) }),
    },
    CancelBooking: {
      toRest: (r) => ({
        method: 'POST',
        url: `/api/v1/bookings/${segment(r.bookingId)}/cancel`,
        payload: r.ticketIds?.length ? { ticketIds: r.ticketIds } : {},
      }),
      fromRest: toBookingMessage,
    },
  },
};
