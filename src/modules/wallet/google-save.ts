// A Google Wallet "save" link of one ticket: https://pay.google.com/gp/v/save/<jwt>, the JWT signed
// (RS256) with the service account's key. It carries the event-ticket object (id `<issuer>.<ticket
// id>`, the ticket code as QR barcode, the seat) and its class, one per showtime (the film, the
// cinema, the start), so that saving makes both at Google without any call from us beforehand. The
// film's name lives on the class only: Google refuses fields an object does not have.
import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { WalletConfig } from '../../config.ts';
import { walletMessages } from './wallet.messages.ts';
import type { WalletTicket } from './wallet.ports.ts';

export type GoogleWalletConfig = NonNullable<WalletConfig['google']>;

export const GOOGLE_SAVE_URL = 'https://pay.google.com/gp/v/save/';

/** The id Google knows a showtime's class by. */
export const googleClassId = (config: GoogleWalletConfig, showtimeId: string) =>
  `${config.issuerId}.${config.classPrefix}-${showtimeId}`;

/** The id Google knows a ticket's object by. */
export const googleObjectId = (config: GoogleWalletConfig, ticketId: string) => `${config.issuerId}.${ticketId}`;

/** The state a ticket's object has at Google. */
export const googleState = (status: WalletTicket['status']) => (status === 'void' ? 'INACTIVE' : 'ACTIVE');

/** The event's time as a class shows it (a showtime moved patches this). */
export const googleDateTime = (startsAt: Date, endsAt: Date) => ({
  start: startsAt.toISOString(),
  end: endsAt.toISOString(),
});

export function saveJwtPayload(config: GoogleWalletConfig, ticket: WalletTicket): Record<string, unknown> {
  const { showtime: s } = ticket;
  // Google's localized strings name their language: the ticket owner's.
  const text = (value: string) => ({ defaultValue: { language: ticket.lang, value } });
  const classId = googleClassId(config, s.id);
  const address = [s.cinema.address, s.cinema.city].filter(Boolean).join(', ');
  return {
    eventTicketClasses: [
      {
        id: classId,
        issuerName: s.cinema.name,
        reviewStatus: 'UNDER_REVIEW',
        eventName: text(s.movie.title),
        venue: { name: text(s.cinema.name), address: text(address || s.cinema.name) },
        dateTime: googleDateTime(s.startsAt, s.endsAt),
      },
    ],
    eventTicketObjects: [
      {
        id: googleObjectId(config, ticket.id),
        classId,
        state: googleState(ticket.status),
        barcode: { type: 'QR_CODE', value: ticket.code },
        seatInfo: { section: text(s.hall.name), row: text(ticket.row), seat: text(String(ticket.number)) },
        validTimeInterval: { start: { date: s.startsAt.toISOString() }, end: { date: s.endsAt.toISOString() } },
        textModulesData: [{ id: 'starts', header: walletMessages.t(ticket.lang, 'starts'), body: ticket.localStart }],
      },
    ],
  };
}

/** The service account's signing key (made and checked at start-up, see config-wallet.ts). */
export const googleKey = (config: GoogleWalletConfig): KeyObject => config.privateKey;

/** The save link of a ticket; `origins` are the sites allowed to show the button. */
export async function googleSaveUrl(
  config: GoogleWalletConfig,
  ticket: WalletTicket,
  origin: string,
  now: Date,
): Promise<string> {
  const jwt = await new SignJWT({ origins: [origin], typ: 'savetowallet', payload: saveJwtPayload(config, ticket) })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(config.serviceAccountEmail)
    .setAudience('google')
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .sign(googleKey(config));
  return GOOGLE_SAVE_URL + jwt;
}
