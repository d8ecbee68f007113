// What the payments module does to bookings, inside its own transactions: lock a booking to pay it,
// confirm it (claims become `sold`), give seats back on refunds, and announce the seat changes after
// its commit. Seat changes are versioned inside the transaction (see seat-changes.ts).
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { narrowTx, type SharedTx } from '../../platform/db/module-db.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { type Caller, mayAccessBooking } from '../../platform/http/access.ts';
import type { BookingDb, BookingStatus } from './booking.tables.ts';
import {
  bookingClaimsLost,
  bookingNotFound,
  bookingNotHeld,
  bookingReleasedBeforeSale,
  giftCardsExceedTotal,
  holdLapsed,
  priceBreakdownExceeded,
} from './booking.errors.ts';
import {
  type BookingRow,
  deleteClaims,
  findBooking,
  markCounterSale,
  type SaleOutcome,
  sellHeldBookings,
  setBookingStatus,
  setFoodIfLive,
  setPriceBreakdown,
} from './booking.store.ts';
import { type BookingView, effectiveStatus } from './booking.views.ts';
import { checkCompanionsKept, checkCompanionsPayable, type CompanionBooking } from './companion-rule.ts';
import type { SeatChangeBus, SeatChanges } from './seat-changes.ts';

/** A booking locked for payment: the row as stored, the status a client would see, seats and total. */
interface BookingForPayment extends BookingRow {
  effectiveStatus: BookingStatus;
}

/** A change to a held booking's price breakdown (adjustHeld). */
export interface PriceChange {
  /** The promo code's discount replacing any earlier one; null removes it; undefined leaves it. */
  discount?: { amount: number; code: string } | null;
  /** Added to (positive) or taken from (negative) what gift cards pay of the booking. */
  giftCardDelta?: number;
  /** Issue 17: the food basket's new total (absolute); undefined leaves it. */
  food?: number;
}

/** Each function runs in the caller's (payments') transaction, narrowed to booking's tables. */
export interface PaymentSeam {
  /**
   * The booking with seats and total, locked FOR UPDATE unless `lock` is false (a read outside a
   * transaction, where a lock only costs a WAL write); 404 unless the caller may reach it (null: the system, anyone's).
   */
  getForPayment(
    trx: SharedTx,
    bookingId: string,
    caller: Caller | null,
    options?: { lock?: boolean },
  ): Promise<BookingForPayment>;
  /**
   * Claims → `sold`, booking → `confirmed`; 409 booking_released when the hold was released, 409
   * booking_expired when a claim is no longer this booking's otherwise. Publish after commit.
   */
  confirm(trx: SharedTx, bookingId: string): Promise<SeatChanges>;
  /** Before confirm, in its transaction: a hold sold at the box office counter, its emails to `email` (none when null). */
  markCounterSale(trx: SharedTx, bookingId: string, email: string | null): Promise<void>;
  /**
   * Several at once, in one statement: the changes per booking id, or null for a booking that could
   * not be confirmed (missing, not held, a seat lost, or `paid` is no longer what is due: a promo
   * code or gift card changed while the charge was out); the caller rolls back and goes one by one.
   */
  confirmMany(trx: SharedTx, sales: { bookingId: string; paid: number }[]): Promise<Map<string, SeatChanges | null>>;
  /**
   * Before a customer's cancel frees these seats: 422 companion_requires_accessible when a companion
   * seat they keep would lose its accessible neighbour (staff are not checked).
   */
  checkCompanionsKept(trx: SharedTx, booking: CompanionBooking, seatIds: string[]): Promise<void>;
  /** Before a customer pays: 422 companion_requires_accessible when a companion seat's accessible neighbour is neither in the booking nor bought. */
  checkCompanionsPayable(db: SharedTx, booking: CompanionBooking): Promise<void>;
  /**
   * Promo codes and gift cards, in the caller's transaction: locks the booking, 404 unless the caller
   * may reach it (null: the system), 409 booking_not_payable unless held, 409 booking_expired when
   * the hold lapsed, 409 price_breakdown_exceeded when discount + gift cards would pass the total
   * (409 gift_cards_exceed_total when a smaller food basket would leave gift cards paying more than is due);
   * applies the change and returns the booking with its new numbers (due = dueAmount(booking)).
   */
  adjustHeld(trx: SharedTx, bookingId: string, caller: Caller | null, change: PriceChange): Promise<BookingForPayment>;
  /**
   * adjustHeld({ food }) in one statement when the hold is live and its gift cards still fit (the
   * update locks it); otherwise adjustHeld's own answers. 404 unless the caller may reach it: thrown
   * after the update, so the caller's transaction must roll back on it (as on every throw here).
   */
  setHeldFood(trx: SharedTx, bookingId: string, caller: Caller | null, food: number): Promise<BookingForPayment>;
  /** Refunds: frees these seats of the booking at once. Publish after commit. */
  releaseSeats(trx: SharedTx, bookingId: string, seatIds: string[]): Promise<SeatChanges>;
  /** A confirmed booking whose every ticket was refunded becomes `refunded`. */
  markRefunded(trx: SharedTx, bookingId: string): Promise<void>;
  /** After commit: tells every process and SSE client what confirm/releaseSeats returned. */
  publishSeatChanges(showtimeId: string, changes: SeatChanges): Promise<void>;
  /** A booking as this module shows it (the payments module adds tickets and refunds). */
  view(bookingId: string): Promise<BookingView>;
}

export function createPaymentSeam(deps: {
  clock: Clock;
  bus: SeatChangeBus;
  view: (id: string) => Promise<BookingView>;
}): PaymentSeam {
  const { clock, bus } = deps;

  /** Sells the bookings and records booking.confirmed for each one sold in full, in the caller's transaction. */
  async function sell(trx: Executor<BookingDb>, bookingIds: string[]): Promise<SaleOutcome[]> {
    const outcomes = await sellHeldBookings(trx, bookingIds, clock.now());
    await addEvents(
      trx,
      outcomes.flatMap((o, i) =>
        o.confirmed
          ? [
              {
                type: 'booking.confirmed',
                aggregateId: bookingIds[i] as string,
                payload: {
                  bookingId: bookingIds[i],
                  // A counter sale's email goes to the email given at the till (as for a guest), not the cashier.
                  userId: o.channel === 'till' ? null : o.userId,
                  showtimeId: o.showtimeId,
                  seatIds: o.seats,
                  version: o.version,
                },
              },
            ]
          : [],
      ),
    );
    return outcomes;
  }

  /** The seat changes of a booking sold in full, or null when it was not. */
  function sale(sold: SaleOutcome): SeatChanges | null {
    if (!sold.confirmed || sold.showtimeId === null) return null;
    return {
      showtimeId: sold.showtimeId,
      version: sold.version,
      seats: sold.seats.map((id) => ({ id, status: 'sold' as const })),
    };
  }

  const own = (tx: SharedTx) => narrowTx<BookingDb>(tx);

  const seam: PaymentSeam = {
    async getForPayment(trx, bookingId, caller, options) {
      const b = await findBooking(own(trx), bookingId, { lock: options?.lock ?? true });
      if (!b || !mayAccessBooking(caller, b)) throw bookingNotFound();
      return { ...b, effectiveStatus: effectiveStatus(b.status, b.expiresAt, clock.now()) };
    },

    async confirm(trx, bookingId) {
      // A lapsed hold that nobody took over is still this booking's: paying late for it is fine.
      const [sold] = await sell(own(trx), [bookingId]);
      if (!sold || sold.status === null) throw bookingNotFound();
      const changes = sale(sold);
      if (!changes) throw sold.status === 'cancelled' ? bookingReleasedBeforeSale() : bookingClaimsLost();
      return changes;
    },

    markCounterSale: (trx, bookingId, email) => markCounterSale(own(trx), bookingId, email),

    async confirmMany(trx, sales) {
      const outcomes = await sell(
        own(trx),
        sales.map((x) => x.bookingId),
      );
      // The due is read in the statement that locked the booking: checking it costs no statement.
      return new Map(
        sales.map((x, i) => {
          const sold = outcomes[i] as SaleOutcome;
          return [x.bookingId, sold.due === x.paid ? sale(sold) : null];
        }),
      );
    },

    checkCompanionsKept: (trx, booking, seatIds) => checkCompanionsKept(own(trx), booking, seatIds),

    checkCompanionsPayable: (db, booking) => checkCompanionsPayable(own(db), booking),

    async adjustHeld(tx, bookingId, caller, change) {
      const trx = own(tx);
      const b = await findBooking(trx, bookingId, { lock: true });
      if (!b || !mayAccessBooking(caller, b)) throw bookingNotFound();
      const now = clock.now();
      const status = effectiveStatus(b.status, b.expiresAt, now);
      if (status === 'expired') throw holdLapsed();
      if (status !== 'held') throw bookingNotHeld(status);
      const discountAmount = change.discount === undefined ? b.discountAmount : (change.discount?.amount ?? 0);
      const promoCode = change.discount === undefined ? b.promoCode : (change.discount?.code ?? null);
      const giftCardAmount = b.giftCardAmount + (change.giftCardDelta ?? 0);
      const foodAmount = change.food ?? b.foodAmount;
      if (discountAmount < 0 || giftCardAmount < 0 || discountAmount > b.totalAmount)
        throw priceBreakdownExceeded(b.totalAmount);
      if (discountAmount + giftCardAmount > b.totalAmount + foodAmount)
        throw change.food !== undefined
          ? giftCardsExceedTotal(giftCardAmount, b.totalAmount + foodAmount - discountAmount)
          : priceBreakdownExceeded(b.totalAmount + foodAmount);
      await setPriceBreakdown(trx, bookingId, change, now);
      return { ...b, discountAmount, promoCode, giftCardAmount, foodAmount, effectiveStatus: status };
    },

    async setHeldFood(tx, bookingId, caller, food) {
      const b = await setFoodIfLive(own(tx), bookingId, food, clock.now());
      if (!b) return seam.adjustHeld(tx, bookingId, caller, { food });
      if (!mayAccessBooking(caller, b)) throw bookingNotFound();
      return { ...b, effectiveStatus: 'held' };
    },

    async releaseSeats(tx, bookingId, seatIds) {
      const trx = own(tx);
      const b = await findBooking(trx, bookingId);
      if (!b) throw bookingNotFound();
      const freed = await deleteClaims(trx, bookingId, seatIds);
      return bus.stamp(
        trx,
        b.showtimeId,
        freed.map((id) => ({ id, status: 'available' as const })),
      );
    },

    async markRefunded(trx, bookingId) {
      await setBookingStatus(own(trx), bookingId, 'refunded', clock.now());
    },

    async publishSeatChanges(_showtimeId, changes) {
      await bus.publish(changes);
    },

    view: deps.view,
  };
  return seam;
}
