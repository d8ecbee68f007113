// HTTP for guest checkout: a booking made with only an email address and a name, then read, paid,
// cancelled, released and printed with its management token (booking/guest-pass.ts). The same
// services as for accounts do the work; the token's pass is the caller, and reaches its booking only.
import { Type } from 'typebox';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { type Limit, type RateLimiter, rateLimited } from '../../platform/http/rate-limit.ts';
import type { Lang } from '../../platform/i18n.ts';
import { requestLanguage, textLanguage } from '../../platform/http/language.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import type { BookingService } from '../booking/booking.service.ts';
import { Booking } from '../booking/booking.schemas.ts';
import type { GuestService } from '../booking/guest.service.ts';
import { guestPassHook, guestPassOf, sameSiteOnly } from '../booking/booking.module.ts';
import { noTicketsToPrint } from '../tickets/tickets.errors.ts';
import type { BookingDetail } from './booking-detail.ts';
import { GuestBookingCreated, GuestHoldBody, GuestTicketParams, guestSecurity as security } from './guest.schemas.ts';
import * as S from './payments.schemas.ts';
import type { CardInput } from './card.ts';
import type { ClientPayments } from './client-payments.ts';
import type { PayMethod, PaymentService } from './payments.service.ts';
import type { RefundService } from './refunds.service.ts';

const tags = ['guest'];
/** Guest bookings one email may start per window: a cap on mail sent to an address nobody proved is theirs. */
export const GUEST_BOOKINGS_PER_EMAIL = 10;
export const GUEST_EMAIL_WINDOW_MINUTES = 10;
const PER_EMAIL: Limit = {
  name: 'guest-booking-email',
  max: GUEST_BOOKINGS_PER_EMAIL,
  windowMs: GUEST_EMAIL_WINDOW_MINUTES * 60_000,
};

export interface GuestRouteDeps {
  booking: BookingService;
  guests: GuestService;
  detail: BookingDetail;
  payments: PaymentService;
  /** PaymentIntents (Stripe) and how a card or PaymentIntent becomes a payment method. */
  client: ClientPayments;
  resolveMethod: (body: { card?: CardInput; paymentIntentId?: string }) => Promise<PayMethod>;
  refunds: RefundService;
  limiter: RateLimiter;
  /** RATE_LIMIT_PER_MINUTE: guest bookings one client address may start per minute. */
  perMinute: number;
  publicUrl: string;
  /** In `lang`: the language the guest booked in (issue 20). */
  ticketsPdf(bookingId: string, lang?: Lang): Promise<Buffer | null>;
  ticketQr(bookingId: string, ticketId: string): Promise<string | null>;
}

export function registerGuestRoutes(app: HttpApp, deps: GuestRouteDeps): void {
  const { booking, guests, detail } = deps;
  const pass = guestPassHook(guests);
  const perAddress: Limit = { name: 'guest-booking', max: deps.perMinute, windowMs: 60_000 };
  const view = async (caller: ReturnType<typeof guestPassOf>, id: string, lang: string) =>
    (await detail.compose([await booking.get(caller, id)], lang))[0];

  app.post(
    '/api/v1/guest/bookings',
    {
      onRequest: [sameSiteOnly(deps.publicUrl), deps.limiter.hook(perAddress)],
      preHandler: async (request) => {
        const h = await deps.limiter.hit(PER_EMAIL, request.body.email.trim().toLowerCase());
        if (!h.allowed)
          throw rateLimited(h.retryAfterSeconds, 'Too many guest bookings for this email; try again later');
      },
      // The answer carries the management token: a retry with the same key holds again rather than
      // handing the token out a second time.
      config: { idempotency: { secretAnswer: true } },
      schema: {
        tags,
        summary: 'Hold seats as a guest (no account): the answer shows the management token once',
        description:
          'The same rules as POST /api/v1/bookings: 409 seats_unavailable, showtime_not_bookable, seat_limit_reached (MAX_SEATS_PER_CUSTOMER per email and showtime). ' +
          '403 csrf_rejected from another site; 429 rate_limited past RATE_LIMIT_PER_MINUTE per client address, or 10 guest bookings per email in 10 minutes.',
        body: GuestHoldBody,
        response: { 201: GuestBookingCreated },
      },
    },
    async (request, reply) => {
      const { showtimeId, seatIds, seats, email, name, language } = request.body;
      const wanted = seatIds ?? seats;
      if (!wanted || (seatIds && seats)) throw validationFailed('/seatIds', 'Send exactly one of seatIds and seats');
      if (new Set(wanted.map((s) => (typeof s === 'string' ? s : s.seatId))).size !== wanted.length)
        throw validationFailed('/seats', 'Each seat may be asked for once');
      const held = await booking.hold(
        { kind: 'guest', email: email.trim().toLowerCase(), name: name.trim() },
        showtimeId,
        wanted,
      );
      const managementToken = await guests.issue(held.id);
      await guests.setLanguage(held.id, requestLanguage(request, language));
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ ...held, managementToken });
    },
  );

  app.get(
    '/api/v1/guest/bookings/:id',
    {
      onRequest: pass,
      schema: {
        tags,
        summary:
          'A guest booking, with its tickets and refunds (401 without a token, 404 booking_not_found for a wrong one)',
        security,
        params: S.BookingIdParams,
        response: { 200: Booking },
      },
    },
    async (request, reply) => {
      // The answer names the guest and their tickets: no cache keeps it (as for the PDF and QR codes).
      reply.header('cache-control', 'no-store');
      return view(guestPassOf(request), request.params.id, textLanguage(request));
    },
  );

  app.post(
    '/api/v1/guest/bookings/:id/payments',
    {
      onRequest: pass,
      schema: {
        tags,
        summary:
          'Pay for a held guest booking by card (test provider), PaymentIntent (Stripe) or {} when nothing is due; the confirmation email goes to the guest',
        description:
          'As POST /api/v1/bookings/{id}/payments: 202 while the PaymentIntent waits (nextAction), 402 payment_declined, 409 booking_expired / booking_not_payable, 422 card_data_not_accepted, 422 payment_method_required ({} while something is due).',
        security,
        params: S.BookingIdParams,
        body: S.PayBody,
        response: { 201: S.PayAnswer, 202: S.PayPending },
      },
    },
    async (request, reply) => {
      const method = await deps.resolveMethod(request.body);
      const answer = await deps.payments.pay(
        guestPassOf(request),
        request.params.id,
        method,
        undefined,
        textLanguage(request),
      );
      if ('pending' in answer) return reply.code(202).send({ payment: answer.payment, nextAction: answer.nextAction });
      return reply.code(201).send(answer);
    },
  );

  app.post(
    '/api/v1/guest/bookings/:id/payment-intents',
    {
      onRequest: pass,
      schema: {
        tags,
        summary: 'Start paying a held guest booking with Stripe: a PaymentIntent for what is due',
        description:
          'As POST /api/v1/bookings/{id}/payment-intents: 409 provider_not_client_confirmed with the test provider.',
        security,
        params: S.BookingIdParams,
        response: { 201: S.IntentAnswer },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await deps.client.startForBooking(guestPassOf(request), request.params.id));
    },
  );

  app.post(
    '/api/v1/guest/bookings/:id/extend',
    {
      onRequest: pass,
      schema: {
        tags,
        summary: 'Keep a held guest booking longer, once, by HOLD_EXTENSION_MINUTES',
        description:
          'As POST /api/v1/bookings/{id}/extend: 409 hold_already_extended the second time, booking_expired, booking_not_payable.',
        security,
        params: S.BookingIdParams,
        response: { 200: Booking },
      },
    },
    async (request) => booking.extendHold(guestPassOf(request), request.params.id),
  );

  app.post(
    '/api/v1/guest/bookings/:id/cancel',
    {
      onRequest: pass,
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Cancel paid tickets of a guest booking (all when none are named), refunded by the refund policy',
        description:
          '409 cancellation_window_closed when the policy gives nothing back. After the showtime was moved (PATCH /api/v1/showtimes/{id}), the refund is full until the new start whatever the policy (refundPolicy/refundPreview on the booking show it).',
        security,
        params: S.BookingIdParams,
        body: S.CancelBody,
        response: { 200: S.CancelAnswer },
      },
    },
    async (request) =>
      deps.refunds.cancel(guestPassOf(request), request.params.id, request.body?.ticketIds, textLanguage(request)),
  );

  app.delete(
    '/api/v1/guest/bookings/:id',
    {
      onRequest: pass,
      schema: {
        tags,
        summary: 'Release a held guest booking at once (409 booking_not_releasable once paid)',
        security,
        params: S.BookingIdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await booking.release(guestPassOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/guest/bookings/:id/tickets.pdf',
    {
      onRequest: pass,
      schema: { tags, summary: "A guest booking's tickets as a PDF", security, params: S.BookingIdParams },
    },
    async (request, reply) => {
      const bookingId = guestPassOf(request).bookingId;
      const pdf = await deps.ticketsPdf(bookingId, (await guests.contact(bookingId))?.language);
      if (!pdf) throw noTicketsToPrint();
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="tickets-${request.params.id.slice(0, 8)}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/guest/bookings/:id/tickets/:ticketId/qr.svg',
    {
      onRequest: pass,
      schema: {
        tags,
        summary: "One of a guest booking's tickets as a QR code (SVG)",
        security,
        params: GuestTicketParams,
      },
    },
    async (request, reply) => {
      const svg = await deps.ticketQr(guestPassOf(request).bookingId, request.params.ticketId);
      if (!svg) throw notFound('The ticket', 'ticket_not_found');
      return reply.type('image/svg+xml').header('cache-control', 'private, no-store').send(svg);
    },
  );
}
