// An Apple Wallet pass (.pkpass) of one ticket: pass.json in the eventTicket style with the ticket code
// as its QR barcode, the showtime's start as relevant date and the cinema's place when known; the
// manifest (SHA-1 of every file) and its PKCS #7 detached signature, made with the configured signer
// certificate and carrying the WWDR intermediate, are written by passkit-generator (node-forge).
import { PKPass } from 'passkit-generator';
import type { WalletConfig } from '../../config.ts';
import { passIcons } from './pass-icons.ts';
import { walletMessages } from './wallet.messages.ts';
import type { WalletTicket } from './wallet.ports.ts';

export type AppleWalletConfig = NonNullable<WalletConfig['apple']>;

export const PKPASS_TYPE = 'application/vnd.apple.pkpass';

/** What a pass says about its ticket, from the ticket and its showtime as they are now. */
export function passJson(
  config: AppleWalletConfig,
  ticket: WalletTicket,
  service: { webServiceURL: string; authenticationToken: string },
): Record<string, unknown> {
  const { showtime: s } = ticket;
  const place = [s.cinema.name, s.cinema.address, s.cinema.city].filter(Boolean).join(', ');
  const label = (key: Parameters<typeof walletMessages.t>[1]) => walletMessages.t(ticket.lang, key);
  return {
    formatVersion: 1,
    passTypeIdentifier: config.passTypeIdentifier,
    teamIdentifier: config.teamIdentifier,
    serialNumber: ticket.id,
    organizationName: config.organizationName,
    description: walletMessages.t(ticket.lang, 'description', { title: s.movie.title }),
    logoText: s.cinema.name,
    foregroundColor: 'rgb(255, 255, 255)',
    backgroundColor: 'rgb(20, 20, 28)',
    labelColor: 'rgb(245, 197, 66)',
    webServiceURL: service.webServiceURL,
    authenticationToken: service.authenticationToken,
    relevantDate: s.startsAt.toISOString(),
    // A cancelled ticket (refund, showtime cancelled) stays in the wallet greyed out, no longer scannable.
    ...(ticket.status === 'void' ? { voided: true } : {}),
    ...(s.cinema.location
      ? { locations: [{ latitude: s.cinema.location.lat, longitude: s.cinema.location.lng, relevantText: place }] }
      : {}),
    barcodes: [{ format: 'PKBarcodeFormatQR', message: ticket.code, messageEncoding: 'iso-8859-1' }],
    eventTicket: {
      primaryFields: [{ key: 'movie', label: label('movie'), value: s.movie.title }],
      // The cinema's own clock, as on the PDF ticket: the phone may be in another zone.
      secondaryFields: [{ key: 'starts', label: label('starts'), value: ticket.localStart }],
      auxiliaryFields: [
        { key: 'hall', label: label('hall'), value: s.hall.name },
        { key: 'row', label: label('row'), value: ticket.row },
        { key: 'seat', label: label('seat'), value: String(ticket.number) },
      ],
      backFields: [
        { key: 'cinema', label: label('cinema'), value: place },
        { key: 'booking', label: label('booking'), value: ticket.bookingId },
      ],
    },
  };
}

/** The signed .pkpass of a ticket. */
export async function pkpass(
  config: AppleWalletConfig,
  ticket: WalletTicket,
  service: { webServiceURL: string; authenticationToken: string },
): Promise<Buffer> {
  const pass = new PKPass(
    { ...(await passIcons()), 'pass.json': Buffer.from(JSON.stringify(passJson(config, ticket, service))) },
    {
      wwdr: config.wwdrCertPem,
      signerCert: config.signerCertPem,
      signerKey: config.signerKeyPem,
      ...(config.signerKeyPassphrase ? { signerKeyPassphrase: config.signerKeyPassphrase } : {}),
    },
  );
  return pass.getAsBuffer();
}
