// Holding seats: all or none, in one short transaction (one statement, shared with the holds that
// arrive at the same moment: see claims.store.ts) whose only locks are the claimed seats' rows and,
// for customers, an advisory lock on (customer, showtime) that keeps the seat limit race-free. The
// rules' inputs are decided here.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { hasRole, type Principal } from '../../platform/http/auth.ts';
import type { CatalogCache, ShowtimeSeats } from './booking-catalog.cache.ts';
import { typeAllowedForRating } from './age-rating.ts';
import { findShowtimeForBooking, type HallSeat, type SellableType, ticketPriceOf } from './booking-catalog.store.ts';
import { validationFailed } from '../../platform/errors.ts';
import {
  companionRequiresAccessible,
  seatLimitReached,
  seatsUnavailable,
  showtimeNotBookable,
  showtimeNotFound,
  ticketTypeNotAllowed,
  ticketTypeNotPriced,
  ticketTypeUnknown,
  unknownSeats,
} from './booking.errors.ts';
import { type BookingView, priceBreakdownOf } from './booking.views.ts';
import type { ClaimStore } from './claims.store.ts';
import type { SeatChangeBus } from './seat-changes.ts';
import { refuseSingleGaps } from './single-gaps.ts';
import type { BookingDb } from './booking.tables.ts';

interface HoldDeps {
  database: ModuleDatabase;
  clock: Clock;
  holdMinutes: number;
  maxSeatsPerCustomer: number;
  catalog: CatalogCache;
  bus: SeatChangeBus;
  /** Read on every hold, so a crowd test can swap in its unprotected variant. */
  claims: () => ClaimStore;
  /** Told of every hold made (metrics): its cinema, currency and how many seats. */
  onHeld?: (hold: { cinema: string; currency: string; seats: number }) => void;
}

/** A companion seat whose accessible neighbour is not in the request: it must be the customer's already. */
interface CompanionNeed {
  companionId: string;
  accessibleIds: string[];
}

function companionNeeds(info: ShowtimeSeats, seats: HallSeat[]): CompanionNeed[] {
  const requested = new Set(seats.map((s) => s.id));
  const needs: CompanionNeed[] = [];
  for (const s of seats) {
    if (s.type !== 'companion') continue;
    const neighbours = info.seats.filter(
      (n) => n.type === 'accessible' && n.row === s.row && Math.abs(n.number - s.number) === 1,
    );
    if (neighbours.some((n) => requested.has(n.id))) continue;
    needs.push({ companionId: s.id, accessibleIds: neighbours.map((n) => n.id) });
  }
  return needs;
}

/** A guest checking out without an account (guest checkout): the seat limit counts by the email, lower-cased. */
export interface GuestBuyer {
  kind: 'guest';
  email: string;
  name: string;
}

/** Who holds: a signed-in account (staff are exempt from the customer rules) or a guest. */
export type Buyer = Principal | GuestBuyer;

/** A seat asked for: its id (sold as the cinema's default ticket type), or with a ticket type code. */
export type SeatRequest = string | { seatId: string; ticketType?: string | undefined };

/** How a hold made by the system differs: the waiting list holds an offer longer, past the seat rules. */
export interface HoldOptions {
  holdMinutes?: number;
  /** The hall's seat rules (noSingleGaps) are for customers choosing seats, not for seats given. */
  exemptSeatRules?: boolean;
  /** The new booking's id, chosen by the caller (a waiting-list offer records it before holding). */
  bookingId?: string;
}

export type HoldSeats = (
  buyer: Buyer,
  showtimeId: string,
  seats: readonly SeatRequest[],
  options?: HoldOptions,
) => Promise<BookingView>;

/** Each seat's ticket type and price, checked against the cinema's types, the film's rating and the price list. */
function priceSeats(info: ShowtimeSeats, seats: HallSeat[], requests: { ticketType?: string | undefined }[]) {
  const types = requests.map((r) => info.typeByCode.get(r.ticketType ?? info.defaultType.code));
  const unknown = seats.filter((_, i) => !types[i]?.active).map((s) => s.id);
  if (unknown.length > 0) throw ticketTypeUnknown(unknown);
  const sellable = types as SellableType[];
  const tooYoung = seats.filter((_, i) => !typeAllowedForRating(sellable[i]!.maxAge, info.showtime.ageRating));
  if (tooYoung.length > 0)
    throw ticketTypeNotAllowed(
      tooYoung.map((s) => s.id),
      info.showtime.ageRating ?? '',
    );
  const prices = seats.map((s, i) => ticketPriceOf(info.showtime, sellable[i]!, s.type));
  const unpriced = seats.filter((_, i) => prices[i] === undefined).map((s) => s.id);
  if (unpriced.length > 0) throw ticketTypeNotPriced(unpriced);
  return seats.map((s, i) => ({ seat: s, type: sellable[i]!, price: prices[i] as number }));
}

export function createHoldSeats(deps: HoldDeps): HoldSeats {
  const { database, clock, catalog, bus } = deps;

  async function notBookableReason(showtimeId: string): Promise<never> {
    catalog.forget(showtimeId);
    const fresh = await findShowtimeForBooking(moduleDb<BookingDb>(database), showtimeId);
    if (!fresh) throw showtimeNotFound();
    throw showtimeNotBookable(fresh.status === 'cancelled' ? 'cancelled' : 'started');
  }

  /** Holds the seats for the principal: 1–10 distinct seats of the showtime's hall, all or none. */
  return (buyer, showtimeId, seatRequests, options = {}) => holdOnce(buyer, showtimeId, seatRequests, false, options);

  async function holdOnce(
    buyer: Buyer,
    showtimeId: string,
    seatRequests: readonly SeatRequest[],
    afresh: boolean,
    options: HoldOptions,
  ): Promise<BookingView> {
    const requests = seatRequests.map((r) => (typeof r === 'string' ? { seatId: r } : r));
    const seatIds = requests.map((r) => r.seatId);
    const repeated = seatIds.findIndex((id, i) => seatIds.indexOf(id) !== i);
    if (repeated >= 0) throw validationFailed(`/seats/${repeated}/seatId`, 'names a seat twice');
    const guest = 'kind' in buyer ? buyer : null;
    const userId = 'kind' in buyer ? null : buyer.userId;
    const info = await catalog.get(showtimeId);
    if (!info) throw showtimeNotFound();
    const now = clock.now();
    if (info.showtime.status === 'cancelled') throw showtimeNotBookable('cancelled');
    if (info.showtime.startsAt <= now) throw showtimeNotBookable('started');

    const unknown = seatIds.flatMap((id, i) => (info.seatById.has(id) ? [] : [i]));
    if (unknown.length > 0) throw unknownSeats(unknown);
    const seats = seatIds.map((id) => info.seatById.get(id) as HallSeat);
    const blocked = seats.filter((s) => s.type === 'blocked').map((s) => s.id);
    if (blocked.length > 0) throw seatsUnavailable(blocked);

    const staff = !('kind' in buyer) && hasRole(buyer, 'staff');
    const needs = staff ? [] : companionNeeds(info, seats);
    const alone = needs.filter((n) => n.accessibleIds.length === 0).map((n) => n.companionId);
    if (alone.length > 0) throw companionRequiresAccessible(alone);
    if (info.showtime.noSingleGaps && !staff && !options.exemptSeatRules)
      await refuseSingleGaps(moduleDb<BookingDb>(database), info, seats, now);

    const sold = priceSeats(info, seats, requests);
    const priced = sold
      .map(({ seat: s, type, price }) => ({
        id: s.id,
        row: s.row,
        number: s.number,
        type: s.type,
        price,
        ticketType: type.code,
        ticketTypeName: type.names.en,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const total = priced.reduce((sum, s) => sum + s.price, 0);
    const expiresAt = new Date(now.getTime() + (options.holdMinutes ?? deps.holdMinutes) * 60_000);
    const bookingId = options.bookingId ?? randomUUID();

    const store = deps.claims();
    const event = {
      bookingId,
      userId,
      showtimeId,
      seatIds,
      total,
      currency: info.showtime.currency,
      expiresAt: expiresAt.toISOString(),
    };
    const input = {
      bookingId,
      userId,
      guestEmail: guest?.email ?? null,
      guestName: guest?.name ?? null,
      channel: guest ? ('guest' as const) : ('web' as const),
      showtimeId,
      seats: priced,
      now,
      expiresAt,
      limit: staff ? null : deps.maxSeatsPerCustomer,
      companionNeeds: needs,
      event,
    };
    // Retrying a failed statement is the store's business: it knows which holds went together.
    const result = await store.hold(moduleDb<BookingDb>(database), input);
    switch (result.outcome) {
      case 'taken':
        // In the order the customer asked for them.
        throw seatsUnavailable(seatIds.filter((id) => result.seatIds.includes(id)));
      case 'limit':
        throw seatLimitReached(deps.maxSeatsPerCustomer, result.live);
      case 'companion':
        throw companionRequiresAccessible(result.seatIds);
      case 'not_bookable':
        return notBookableReason(showtimeId);
      case 'stale':
        // The cached seats were out of date (the showtime moved hall, or its layout changed): decide
        // again from a fresh read, which answers 422 for a seat no longer the showtime's. Should it
        // change again meanwhile, the seats the database refused are answered as unknown.
        catalog.forget(showtimeId);
        if (!afresh) return holdOnce(buyer, showtimeId, seatRequests, true, options);
        throw unknownSeats(seatIds.flatMap((id, i) => (result.seatIds.includes(id) ? [i] : [])));
    }
    void bus.publish({
      showtimeId,
      version: result.version,
      seats: seatIds.map((id) => ({ id, status: 'held' as const })),
    });
    deps.onHeld?.({ cinema: info.showtime.cinemaId, currency: info.showtime.currency, seats: seatIds.length });

    const currency = info.showtime.currency;
    const byId = new Map(priced.map((s) => [s.id, s]));
    return {
      id: bookingId,
      status: 'held',
      showtimeId,
      userId,
      seats: seats.map((s) => ({
        seatId: s.id,
        row: s.row,
        number: s.number,
        type: s.type,
        price: { amount: byId.get(s.id)?.price ?? 0, currency },
        ticketType: byId.get(s.id)?.ticketType ?? info.defaultType.code,
        ticketTypeName: byId.get(s.id)?.ticketTypeName ?? info.defaultType.names.en,
      })),
      total: { amount: total, currency },
      priceBreakdown: priceBreakdownOf({
        totalAmount: total,
        discountAmount: 0,
        giftCardAmount: 0,
        foodAmount: 0,
        promoCode: null,
        currency,
      }),
      expiresAt: expiresAt.toISOString(),
      createdAt: now.toISOString(),
      confirmedAt: null,
      holdExtendedAt: null,
    };
  }
}
