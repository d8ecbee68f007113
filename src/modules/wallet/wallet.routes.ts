// HTTP: which wallets are offered, and a ticket's Apple Wallet pass and Google Wallet save link, for
// the ticket's owner (or staff), for a guest with the booking's token, and (the pass) for the link in
// the confirmation email, which carries the pass's own token instead of a session.
import type { FastifyReply } from 'fastify';
import type { AuthHooks } from '../../platform/http/auth.ts';
import { principalOf } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { guestPassHook, guestPassOf } from '../booking/booking.module.ts';
import type { GuestService } from '../booking/guest.service.ts';
import { GuestTicketParams, guestSecurity as security } from '../payments/guest.schemas.ts';
import { ticketNotFound } from '../tickets/tickets.errors.ts';
import { PKPASS_TYPE } from './apple-pass.ts';
import * as S from './wallet.schemas.ts';
import type { WalletDeps, WalletTicket } from './wallet.ports.ts';
import type { WalletService } from './wallet.service.ts';

const tags = ['wallet'];

const APPLE_SUMMARY =
  "A ticket's Apple Wallet pass (.pkpass): QR code, start as relevant date, cinema location when known; 404 wallet_not_configured without APPLE_WALLET_*";
const GOOGLE_SUMMARY =
  "A ticket's Google Wallet save link (a JWT signed with the service account's key); 404 wallet_not_configured without GOOGLE_WALLET_*";

/** Sends a pass as a download Safari and Mail hand to Wallet. */
export async function sendPass(reply: FastifyReply, pass: { pkpass: Buffer; updatedAt: Date }, serial: string) {
  return reply
    .type(PKPASS_TYPE)
    .header('content-disposition', `attachment; filename="ticket-${serial.slice(0, 8)}.pkpass"`)
    .header('last-modified', pass.updatedAt.toUTCString())
    .header('cache-control', 'private, no-store')
    .send(pass.pkpass);
}

export function registerWalletRoutes(
  app: HttpApp,
  hooks: AuthHooks,
  deps: { wallet: WalletService; guests: GuestService; assertBookingVisible: WalletDeps['assertBookingVisible'] },
): void {
  const { wallet } = deps;
  const guestPass = guestPassHook(deps.guests);

  /** The ticket when the caller may see its booking; 404 ticket_not_found otherwise (as for none). */
  async function visibleTicket(caller: Parameters<WalletDeps['assertBookingVisible']>[0], id: string) {
    const ticket = await wallet.ticket(id);
    await deps.assertBookingVisible(caller, ticket.bookingId).catch(() => {
      throw ticketNotFound();
    });
    return ticket;
  }

  /** A guest's ticket: one of the booking their token opened. */
  async function guestTicket(bookingId: string, ticketId: string): Promise<WalletTicket> {
    const ticket = await wallet.ticket(ticketId);
    if (ticket.bookingId !== bookingId) throw ticketNotFound();
    return ticket;
  }

  app.get(
    '/api/v1/wallet',
    { schema: { tags, summary: 'Which wallets tickets can be added to here', response: { 200: S.WalletOffers } } },
    async () => wallet.offers(),
  );

  app.get(
    '/api/v1/tickets/:id/wallet/apple',
    { onRequest: hooks.require(), schema: { tags, summary: APPLE_SUMMARY, params: S.TicketParams } },
    async (request, reply) => {
      const ticket = await visibleTicket(principalOf(request), request.params.id);
      return sendPass(reply, await wallet.drawPass(ticket), ticket.id);
    },
  );

  app.get(
    '/api/v1/tickets/:id/wallet/google',
    {
      onRequest: hooks.require(),
      schema: { tags, summary: GOOGLE_SUMMARY, params: S.TicketParams, response: { 200: S.GoogleSaveLink } },
    },
    async (request) => ({ url: await wallet.googleUrl(await visibleTicket(principalOf(request), request.params.id)) }),
  );

  app.get(
    '/api/v1/guest/bookings/:id/tickets/:ticketId/wallet/apple',
    { onRequest: guestPass, schema: { tags, summary: APPLE_SUMMARY, security, params: GuestTicketParams } },
    async (request, reply) => {
      const ticket = await guestTicket(guestPassOf(request).bookingId, request.params.ticketId);
      return sendPass(reply, await wallet.drawPass(ticket), ticket.id);
    },
  );

  app.get(
    '/api/v1/guest/bookings/:id/tickets/:ticketId/wallet/google',
    {
      onRequest: guestPass,
      schema: {
        tags,
        summary: GOOGLE_SUMMARY,
        security,
        params: GuestTicketParams,
        response: { 200: S.GoogleSaveLink },
      },
    },
    async (request) => ({
      url: await wallet.googleUrl(await guestTicket(guestPassOf(request).bookingId, request.params.ticketId)),
    }),
  );

  app.get(
    '/api/wallet/apple/download/:serialNumber',
    {
      schema: {
        tags,
        summary:
          "A ticket's Apple Wallet pass by the link in the confirmation email: the pass's own token opens it (401 otherwise)",
        params: S.PassDownloadParams,
        querystring: S.PassDownloadQuery,
      },
    },
    async (request, reply) => {
      const { serialNumber } = request.params;
      await wallet.checkPassToken(serialNumber, request.query.token);
      return sendPass(reply, await wallet.drawPass(await wallet.ticket(serialNumber)), serialNumber);
    },
  );
}
