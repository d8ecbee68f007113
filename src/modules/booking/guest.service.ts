// Guest checkout, booking's part: management tokens (32 random bytes, base64url, stored as SHA-256
// hashes, compared in constant time, each opening one booking), the guest's contact and a freshly
// minted token for an emailed link, and attaching a verified account's guest bookings to it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { notFound } from '../../platform/errors.ts';
import type { GuestPass } from '../../platform/http/access.ts';
import type { BookingDb } from './booking.tables.ts';
import type { Lang } from '../../platform/i18n.ts';
import { attachGuestBookings, findToken, guestContact, insertToken, setBookingLanguage } from './guest-tokens.store.ts';

/** A wrong token, another booking's token or none: the booking is simply not found. */
export const guestBookingNotFound = () => notFound('The booking', 'booking_not_found');

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => createHash('sha256').update(token).digest();

export interface GuestService {
  /** A new management token for the booking (stored hashed); the raw token is shown once. */
  issue(bookingId: string): Promise<string>;
  /** The pass a token gives for this booking; 404 booking_not_found for a wrong or another booking's token. */
  open(bookingId: string, token: string | undefined): Promise<GuestPass>;
  /**
   * The guest's address, name and language, and a new token for the link an email carries; null
   * unless it is a guest booking.
   */
  mailLink(bookingId: string): Promise<{ email: string; name: string; language: Lang; token: string } | null>;
  /** The guest's address, name and language; null unless it is a guest booking. */
  contact(bookingId: string): Promise<{ email: string; name: string; language: Lang } | null>;
  /** Records the language the booking was made in: its emails and PDFs speak it (issue 20). */
  setLanguage(bookingId: string, language: Lang): Promise<void>;
  /** Gives the account its guest bookings made with `email` (verified); the ids attached. */
  attach(userId: string, email: string): Promise<string[]>;
}

export function createGuestService(deps: { database: ModuleDatabase; clock: Clock }): GuestService {
  const db = moduleDb<BookingDb>(deps.database);

  async function issue(bookingId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await insertToken(db, hashOf(token), bookingId, deps.clock.now());
    return token;
  }

  return {
    issue,

    async open(bookingId, token) {
      if (!token || !TOKEN.test(token)) throw guestBookingNotFound();
      const hash = hashOf(token);
      const found = await findToken(db, hash);
      // The lookup is by hash, so timing says nothing about the token; the comparison is constant
      // time anyway, and a token opens its own booking only.
      if (!found || !timingSafeEqual(found.hash, hash) || found.bookingId !== bookingId) throw guestBookingNotFound();
      return { kind: 'guest', bookingId };
    },

    async mailLink(bookingId) {
      const contact = await guestContact(db, bookingId);
      return contact ? { ...contact, token: await issue(bookingId) } : null;
    },

    contact: async (bookingId) => (await guestContact(db, bookingId)) ?? null,

    setLanguage: (bookingId, language) => setBookingLanguage(db, bookingId, language),

    attach: (userId, email) => attachGuestBookings(db, userId, email.toLowerCase()),
  };
}
