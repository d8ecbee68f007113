// HTTP: a booking's tickets (JSON and PDF), one ticket's QR code, check-in at the door, and the
// public key door scanners use to check codes offline.
import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuthHooks, Principal } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import { documentLanguage, type StoredLanguage } from '../../platform/http/language.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { renderTickets } from './render-pool.ts';
import { noTicketsToPrint } from './tickets.errors.ts';
import { qrSvg } from './ticket-render.ts';
import * as S from './tickets.schemas.ts';
import type { TicketsService } from './tickets.service.ts';

const tags = ['tickets'];

interface TicketRouteDeps {
  tickets: TicketsService;
  /** Throws 404 unless the caller may see the booking (their own, or any for staff). */
  assertBookingVisible(principal: Principal, bookingId: string): Promise<void>;
  language: StoredLanguage;
}

export function registerTicketRoutes(app: HttpApp, hooks: AuthHooks, deps: TicketRouteDeps): void {
  const { tickets } = deps;

  app.get(
    '/api/v1/bookings/:id/tickets',
    {
      onRequest: hooks.require(),
      schema: { tags, summary: "A booking's tickets", params: S.IdParams, response: { 200: S.TicketList } },
    },
    async (request) => {
      await deps.assertBookingVisible(principalOf(request), request.params.id);
      return tickets.listForBooking(request.params.id);
    },
  );

  app.get(
    '/api/v1/bookings/:id/tickets.pdf',
    {
      onRequest: hooks.require(),
      schema: {
        tags,
        summary: "A booking's tickets as a PDF: one page per ticket with its QR code, times in the cinema's zone",
        description:
          "In the language of `?lang=`, else the signed-in account's language, else the best match of Accept-Language (issue 20): words, the movie's title, dates and money.",
        params: S.IdParams,
        querystring: S.TicketsPdfQuery,
      },
    },
    async (request, reply) => {
      const caller = principalOf(request);
      await deps.assertBookingVisible(caller, request.params.id);
      const lang = await documentLanguage(request, deps.language, caller, request.params.id, request.query.lang);
      const sheet = await tickets.sheet(request.params.id, lang);
      if (!sheet) throw noTicketsToPrint();
      const { pdf } = await renderTickets(sheet, [], request.query.format);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="tickets-${request.params.id.slice(0, 8)}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/tickets/:id/qr.svg',
    { onRequest: hooks.require(), schema: { tags, summary: 'A ticket as a QR code (SVG)', params: S.IdParams } },
    async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      const ticket = await tickets.find(request.params.id);
      // Whose the ticket is follows its booking (a guest booking attached to an account is the account's).
      const visible =
        ticket &&
        (await deps.assertBookingVisible(principalOf(request), ticket.booking_id).then(
          () => true,
          (err: unknown) => {
            if (err instanceof AppError && err.kind === 'not_found') return false;
            throw err;
          },
        ));
      if (!ticket || !visible) throw notFound('The ticket', 'ticket_not_found');
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'private, max-age=300')
        .send(await qrSvg(ticket.code));
    },
  );

  app.post(
    '/api/v1/checkins',
    {
      onRequest: hooks.require('staff'),
      schema: {
        tags,
        summary: 'Check a ticket in at the door (staff); a second scan is 409 already_checked_in',
        body: S.CheckinBody,
        response: { 200: S.CheckinAnswer },
      },
    },
    async (request) => tickets.checkIn(request.body.code, principalOf(request)),
  );

  app.get(
    '/api/v1/tickets/signing-key',
    {
      schema: {
        tags,
        summary: 'The Ed25519 public key that signs ticket codes, for offline scanners',
        response: { 200: S.SigningKey },
      },
    },
    async () => ({
      algorithm: 'Ed25519' as const,
      publicKeyPem: await tickets.publicKey(),
      codeFormat:
        'MQ1.<base64url(ticket id 16 bytes | showtime id 16 bytes | Ed25519 signature over the first 32 bytes)>',
    }),
  );
}
