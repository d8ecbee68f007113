// The waiting list: customers (or guests by email) join a sold-out showtime's line for N seats
// together, see their entries and leave. Offers are made by waitlist.offers.ts from freed seats.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Kysely } from 'kysely';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { showtimeNotFound } from '../booking/booking.errors.ts';
import { alreadyOnWaitlist, entryNotFound, showtimeNotSoldOut, showtimeNotWaitable } from './waitlist.errors.ts';
import type { WaitlistBookingPort } from './waitlist.ports.ts';
import type { EntryView, JoinInput } from './waitlist.schemas.ts';
import {
  cancelEntry,
  type EntryRow,
  findEntry,
  findLive,
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
}

export function createWaitlistService(deps: {
  db: Kysely<WaitlistDb>;
  clock: Clock;
  booking: WaitlistBookingPort;
}): WaitlistService {
  const { db, clock, booking } = deps;

  /** Releases an offer's hold: false when it was paid meanwhile (the offer is then claimed). */
  async function giveUp(principal: Principal, bookingId: string): Promise<boolean> {
    try {
      await booking.release(principal, bookingId);
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'booking_not_releasable') throw err;
      await settleOffer(db, bookingId, 'claimed', clock.now());
      return false;
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
      const inserted = await insertEntry(db, {
        id,
        showtimeId,
        userId: principal?.userId ?? null,
        guestEmail: guest ? guest.toLowerCase() : null,
        guestName: guest ? (input.name?.trim() ?? guest.split('@')[0]!) : null,
        seats: input.seats,
        now: clock.now(),
      });
      const entry = inserted ? await findEntry(db, id) : await findLive(db, showtimeId, who);
      if (!inserted) throw alreadyOnWaitlist(entry?.id ?? '');
      return entryView(entry as EntryRow, clock.now());
    },

    async list(principal) {
      const now = clock.now();
      return (await listOwn(db, principal.userId)).map((e) => entryView(e, now));
    },

    async leave(principal, id) {
      const entry = await findEntry(db, id);
      if (!entry || entry.userId !== principal.userId) throw entryNotFound();
      // The offer's seats go back first (the release's freed seats reach the next in line as any
      // others do); a paid offer whose claim is not recorded yet is claimed, not given up.
      if (entry.status === 'offered' && entry.bookingId && !(await giveUp(principal, entry.bookingId))) return;
      const was = await db.transaction().execute((trx) => cancelEntry(trx, id, clock.now()));
      if (was === 'offered' && entry.status !== 'offered') {
        // Offered between the first look and the cancel: that offer's hold goes back too.
        const bookingId = (await findEntry(db, id))?.bookingId;
        if (bookingId) await giveUp(principal, bookingId);
      }
    },
  };
}
