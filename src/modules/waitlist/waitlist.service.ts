// The waiting list: customers (or guests by email) join a sold-out showtime's line for N seats
// together, see their entries and leave. Offers are made by waitlist.offers.ts from freed seats.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Kysely } from 'kysely';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { Caller } from '../../platform/http/access.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { DEFAULT_LANG } from '../../platform/i18n.ts';
import { showtimeNotFound } from '../booking/booking.errors.ts';
import { alreadyOnWaitlist, entryNotFound, showtimeNotSoldOut, showtimeNotWaitable } from './waitlist.errors.ts';
import type { WaitlistBookingPort } from './waitlist.ports.ts';
import type { EntryView, JoinInput } from './waitlist.schemas.ts';
import {
  cancelEntry,
  type EntryRow,
  findEntry,
  findLive,
  guestTokenHashOf,
  insertEntry,
  listOwn,
  settleOffer,
} from './waitlist.store.ts';
import type { WaitlistDb } from './waitlist.tables.ts';

/** An entry as its owner sees it: `offering` reads as waiting, a lapsed offer as expired. */
export function entryView(e: EntryRow, now: Date): EntryView {
  const lapsed = e.status === 'offered' && e.offerExpiresAt !== null && e.offerExpiresAt <= now;
  const status = e.status === 'offering' ? 'waiting' : lapsed ? 'expired' : e.status;
  return {
    id: e.id,
    showtimeId: e.showtimeId,
    seats: e.seats,
    status,
    position: status === 'waiting' ? e.position : null,
    offer:
      e.status === 'offered' && e.bookingId && e.offerExpiresAt
        ? { bookingId: e.bookingId, expiresAt: e.offerExpiresAt.toISOString() }
        : null,
    createdAt: e.createdAt.toISOString(),
  };
}

export interface WaitlistService {
  /** Joins the showtime's line (customer, or guest with email): 409 showtime_not_sold_out while seats are free. */
  join(principal: Principal | null, showtimeId: string, input: JoinInput): Promise<EntryView>;
  /** The account's entries, newest first. */
  list(principal: Principal): Promise<EntryView[]>;
  /** Leaves the line; an offer's hold is given up so the seats go to the next in line. */
  leave(principal: Principal, id: string): Promise<void>;
  /** A guest's entry by the token its join answered; 404 not_found for a wrong token or another entry. */
  guestEntry(id: string, token: string): Promise<EntryView>;
  /** A guest leaves the line with the entry's token (as leave). */
  guestLeave(id: string, token: string): Promise<void>;
}

const digest = (token: string) => createHash('sha256').update(token).digest();

export function createWaitlistService(deps: {
  db: Kysely<WaitlistDb>;
  clock: Clock;
  booking: WaitlistBookingPort;
}): WaitlistService {
  const { db, clock, booking } = deps;

  /** Releases an offer's hold: false when it was paid meanwhile (the offer is then claimed). */
  async function giveUp(caller: Caller, bookingId: string): Promise<boolean> {
    try {
      await booking.release(caller, bookingId);
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'booking_not_releasable') throw err;
      await settleOffer(db, bookingId, 'claimed', clock.now());
      return false;
    }
  }

  /** The entry whose token this is; 404 as for an entry that does not exist otherwise. */
  async function guestOwned(id: string, token: string): Promise<EntryRow> {
    const stored = await guestTokenHashOf(db, id);
    const given = digest(token);
    if (!stored || stored.length !== given.length || !timingSafeEqual(stored, given)) throw entryNotFound();
    return (await findEntry(db, id)) as EntryRow;
  }

  async function leaveEntry(entry: EntryRow, callerFor: (bookingId: string) => Caller): Promise<void> {
    // The offer's seats go back first (the release's freed seats reach the next in line as any
    // others do); a paid offer whose claim is not recorded yet is claimed, not given up.
    if (entry.status === 'offered' && entry.bookingId && !(await giveUp(callerFor(entry.bookingId), entry.bookingId)))
      return;
    const was = await db.transaction().execute((trx) => cancelEntry(trx, entry.id, clock.now()));
    if (was === 'offered' && entry.status !== 'offered') {
      // Offered between the first look and the cancel: that offer's hold goes back too.
      const bookingId = (await findEntry(db, entry.id))?.bookingId;
      if (bookingId) await giveUp(callerFor(bookingId), bookingId);
    }
  }

  return {
    async join(principal, showtimeId, input) {
      const guest = principal ? null : input.email;
      if (!principal && !guest) throw validationFailed('/email', 'is required when signed out');
      const seats = await booking.finder.snapshot(showtimeId);
      if (!seats) throw showtimeNotFound();
      if (!seats.bookable) throw showtimeNotWaitable();
      if (seats.free > 0) throw showtimeNotSoldOut(seats.free);
      const who = principal ? { userId: principal.userId } : { email: guest as string };
      const id = randomUUID();
      // A guest has no account to come back with: the token (only its digest kept) reads and leaves the entry.
      const guestToken = guest ? randomBytes(32).toString('base64url') : null;
      const inserted = await insertEntry(db, {
        id,
        showtimeId,
        userId: principal?.userId ?? null,
        guestEmail: guest ? guest.toLowerCase() : null,
        guestName: guest ? (input.name?.trim() ?? guest.split('@')[0]!) : null,
        guestTokenHash: guestToken ? digest(guestToken) : null,
        seats: input.seats,
        language: input.language ?? DEFAULT_LANG,
        now: clock.now(),
      });
      const entry = inserted ? await findEntry(db, id) : await findLive(db, showtimeId, who);
      if (!inserted) throw alreadyOnWaitlist(entry?.id ?? '');
      const view = entryView(entry as EntryRow, clock.now());
      return guestToken ? { ...view, guestToken } : view;
    },

    async list(principal) {
      const now = clock.now();
      return (await listOwn(db, principal.userId)).map((e) => entryView(e, now));
    },

    async leave(principal, id) {
      const entry = await findEntry(db, id);
      if (!entry || entry.userId !== principal.userId) throw entryNotFound();
      await leaveEntry(entry, () => principal);
    },

    async guestEntry(id, token) {
      return entryView(await guestOwned(id, token), clock.now());
    },

    async guestLeave(id, token) {
      // The offer's hold is the guest's booking: released as its token's holder would.
      await leaveEntry(await guestOwned(id, token), (bookingId) => ({ kind: 'guest', bookingId }));
    },
  };
}
