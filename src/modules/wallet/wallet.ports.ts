// What the wallet module reads from others (stated here by the consumer, passed in by app.ts) and the
// two ports that reach the phone makers' servers: APNs (apns-client.ts) and the Google Wallet API
// (google-wallet-api.ts) when their wallet is configured; the logging adapters here stand in when not.
import type { Logger } from 'pino';
import type { Caller } from '../../platform/http/access.ts';
import type { Lang } from '../../platform/i18n.ts';

/** A ticket with what its passes show: seat, code, status and its showtime as tickets print it. */
export interface WalletTicket {
  id: string;
  bookingId: string;
  code: string;
  row: string;
  number: number;
  status: 'valid' | 'used' | 'void';
  /** The ticket owner's language (account's, else the guest booking's): the pass speaks it. */
  lang: Lang;
  /** The start on the cinema's clock, with its zone ("Sat 5 Dec 2026, 20:00 CET"). */
  localStart: string;
  showtime: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    movie: { title: string };
    hall: { name: string };
    cinema: {
      name: string;
      address: string | null;
      city: string | null;
      /** Where the cinema is, when the catalog knows; a pass without it has no locations. */
      location: { lat: number; lng: number } | null;
    };
  };
}

export interface WalletDeps {
  /** A ticket and its showtime, or null when either is gone. */
  ticket(ticketId: string): Promise<WalletTicket | null>;
  /** Throws 404 unless the caller may see the booking (their own, or any for staff; a guest's by token). */
  assertBookingVisible(caller: Caller, bookingId: string): Promise<void>;
}

/** Apple Push Notification service: an empty push tells a device to ask the web service what changed. */
export interface ApplePushPort {
  /** Pushes every token; answers the tokens APNs no longer knows (410) and the other failures. */
  push(passTypeIdentifier: string, pushTokens: string[]): Promise<{ unregistered: string[]; failures: string[] }>;
}

/** Google Wallet API: objects and classes live at Google, so a change is a PATCH there. */
export interface GoogleWalletPort {
  patchClass(classId: string, patch: Record<string, unknown>): Promise<void>;
  patchObject(objectId: string, patch: Record<string, unknown>): Promise<void>;
}

/** Logs the pushes it would send (no APNs certificate or network here). */
export function loggingApplePush(logger: Logger): ApplePushPort {
  return {
    async push(passTypeIdentifier, pushTokens) {
      logger.info({ passTypeIdentifier, devices: pushTokens.length }, 'wallet: APNs push not configured, skipped');
      return { unregistered: [], failures: [] };
    },
  };
}

/** Logs the Google Wallet API calls it would make (no API client here). */
export function loggingGoogleWallet(logger: Logger): GoogleWalletPort {
  return {
    async patchClass(classId, patch) {
      logger.info(
        { classId, fields: Object.keys(patch) },
        'wallet: Google Wallet API not configured, class not patched',
      );
    },
    async patchObject(objectId, patch) {
      logger.info(
        { objectId, fields: Object.keys(patch) },
        'wallet: Google Wallet API not configured, object not patched',
      );
    },
  };
}
