// Offers from freed seats. A job per freed-seats event (waitlist.consumers.ts) walks the showtime's
// line in order and offers the first entry whose seats fit (a block when one does, else the best
// single seats) by holding them for its customer for WAITLIST_OFFER_MINUTES. Exactly one offer per
// freed seat whatever runs at once: the hold's claim insert gives a seat to one booking only, and an
// entry leaves the line only under the showtime's advisory lock while no other entry of it is being
// offered (`offering` under a lease) and nobody joined ahead of it meanwhile; a second worker finds
// the offer in flight and its job comes back a moment later, so the line is served in order.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import type { Caller } from '../../platform/http/access.ts';
import type { Buyer } from '../booking/booking.module.ts';
import type { WaitlistBookingPort } from './waitlist.ports.ts';
import { endAttempt, type EntryRow, markOffered, takeForOffer, waitingLine } from './waitlist.store.ts';
import type { WaitlistDb } from './waitlist.tables.ts';

/** The outbox event of an offer (notifications mails it). */
export const WAITLIST_OFFERED = 'waitlist.offered';

/** How long a worker may take to make one offer before another may take the entry. */
const OFFER_LEASE_MS = 60_000;
/** Entries read per page of the line (a look pages on until an entry fits or the line ends). */
const LINE_PAGE = 200;
/** Looks at the line per job: each makes an offer or finds its seats taken meanwhile. */
const MAX_ROUNDS = 50;

const buyerOf = (e: EntryRow): Buyer =>
  e.userId
    ? { userId: e.userId, role: 'customer', sessionId: '' }
    : { kind: 'guest', email: e.guestEmail as string, name: e.guestName ?? (e.guestEmail as string) };

const callerOf = (e: EntryRow, bookingId: string): Caller =>
  e.userId ? { userId: e.userId, role: 'customer', sessionId: '' } : { kind: 'guest', bookingId };

export interface Offerer {
  /**
   * Offers the showtime's free seats to its line, first fitting entry first: the offers made, and
   * `busy` when another worker's offer was in flight (the caller looks again a moment later).
   */
  offerFreedSeats(showtimeId: string): Promise<{ offers: number; busy: boolean }>;
}

export function createOfferer(deps: {
  db: Kysely<WaitlistDb>;
  clock: Clock;
  logger: Logger;
  booking: WaitlistBookingPort;
  offerMinutes: number;
  /** Entries per page of the line (tests make it small). */
  linePage?: number;
}): Offerer {
  const { db, clock, booking } = deps;
  const linePage = deps.linePage ?? LINE_PAGE;

  /** The attempt's booking when it is a live hold (a crashed attempt's), else null. */
  async function liveHold(entry: EntryRow, bookingId: string) {
    const b = await booking.get(callerOf(entry, bookingId), bookingId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    });
    if (!b || b.status !== 'held' || new Date(b.expiresAt) <= clock.now()) return null;
    return { expiresAt: b.expiresAt, seatIds: b.seats.map((s) => s.seatId) };
  }

  /** Whether the attempt's booking id is used already (a lapsed hold of a crashed attempt). */
  async function bookingExists(entry: EntryRow, bookingId: string): Promise<boolean> {
    return (await booking.get(callerOf(entry, bookingId), bookingId).catch(() => null)) !== null;
  }

  /** One attempt: 'offered', 'retry' (seats or line changed meanwhile), 'busy' (another offer in flight), 'done'. */
  async function round(showtimeId: string): Promise<'offered' | 'retry' | 'busy' | 'done'> {
    const now = clock.now();
    let line = await waitingLine(db, showtimeId, now, linePage);
    if (line.length === 0) return 'done';
    const seats = await booking.finder.snapshot(showtimeId);
    if (!seats?.bookable) return 'done';
    let entry: EntryRow | undefined;
    let picked: string[] | null = null;
    const ahead: string[] = [];
    // Page on through the whole line: the first entry that fits may be far back.
    while (!entry && line.length > 0) {
      for (const e of line) {
        // A lapsed attempt's live hold (its worker died) is that entry's seats already.
        const crashed = e.status === 'offering' && e.bookingId ? await liveHold(e, e.bookingId) : null;
        picked = crashed?.seatIds ?? (seats.free > 0 ? (seats.pick(e.seats)?.map((s) => s.id) ?? null) : null);
        if (picked) {
          entry = e;
          break;
        }
        ahead.push(e.id);
      }
      if (entry || line.length < linePage) break;
      line = await waitingLine(db, showtimeId, now, linePage, line[line.length - 1]!.seq);
    }
    if (!entry || !picked) return 'done';
    const taken = await takeForOffer(db, entry, ahead, now, new Date(now.getTime() + OFFER_LEASE_MS), randomUUID());
    if (taken === 'busy') return 'busy';
    if (typeof taken !== 'object') return 'retry';
    let held: { id: string; expiresAt: string };
    const adopted = await liveHold(entry, taken.bookingId);
    if (adopted) {
      // A worker died (or outlived its lease) after holding: that hold is the offer.
      held = { id: taken.bookingId, expiresAt: adopted.expiresAt };
      picked = adopted.seatIds;
    } else {
      try {
        held = await booking.hold(buyerOf(entry), showtimeId, picked, {
          holdMinutes: deps.offerMinutes,
          exemptSeatRules: true,
          bookingId: (await bookingExists(entry, taken.bookingId)) ? randomUUID() : taken.bookingId,
        });
      } catch (err) {
        const code = err instanceof AppError ? err.code : null;
        // The customer may hold no more seats of this showtime: an offer can never be made to them.
        await endAttempt(db, entry.id, code === 'seat_limit_reached' ? 'expired' : 'waiting', clock.now());
        if (code === 'seats_unavailable' || code === 'seat_limit_reached') return 'retry';
        if (code === 'showtime_not_bookable' || code === 'not_found') return 'done';
        throw err;
      }
    }
    // A guest's offer booking speaks the language they joined in (its emails, PDFs): set before the
    // offer's event, so the offer email already reads it.
    if (!entry.userId) await booking.setLanguage(held.id, entry.language);
    const expiresAt = new Date(held.expiresAt);
    const offered = await db.transaction().execute(async (trx) => {
      if (!(await markOffered(trx, entry.id, held.id, expiresAt, clock.now()))) return false;
      await addEvents(trx, [
        {
          type: WAITLIST_OFFERED,
          aggregateId: entry.id,
          payload: {
            entryId: entry.id,
            bookingId: held.id,
            userId: entry.userId,
            showtimeId,
            seatIds: picked,
            expiresAt: held.expiresAt,
          },
        },
      ]);
      return true;
    });
    if (offered) return 'offered';
    // The customer left the line while the seats were being held: they go to the next in line.
    await booking.release(callerOf(entry, held.id), held.id);
    return 'retry';
  }

  return {
    async offerFreedSeats(showtimeId) {
      let offers = 0;
      for (let i = 0; i < MAX_ROUNDS; i++) {
        const r = await round(showtimeId);
        if (r === 'done') return { offers, busy: false };
        if (r === 'busy') return { offers, busy: true };
        if (r === 'offered') offers++;
      }
      // Still changing after this many looks: the job comes back for the rest.
      return { offers, busy: true };
    },
  };
}
