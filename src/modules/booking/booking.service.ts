// Bookings: holds (hold.service.ts), reads with derived status, release, and the seam the payments
// module uses to confirm a hold and give seats back inside its own transactions.
import type { Clock } from '../../platform/clock.ts';
import { type ModuleDatabase, moduleDb } from '../../platform/db/module-db.ts';
import { withRetry } from '../../platform/db/pg-errors.ts';
import { addEvents } from '../../platform/events/outbox.ts';
import { accountOf, type Caller, isGuest, isStaff, mayAccessBooking, ownerScope } from '../../platform/http/access.ts';
import type { Principal } from '../../platform/http/auth.ts';
import { decodePosition, pageOf, positionKey } from '../../platform/http/cursor.ts';
import type { BookingDb, BookingStatus } from './booking.tables.ts';
import { bookingNotFound, bookingNotReleasable } from './booking.errors.ts';
import { type BookingRow, deleteClaims, findBooking, listBookings, setBookingStatus } from './booking.store.ts';
import { type BookingView, effectiveStatus, toView } from './booking.views.ts';
import { checkCompanionsKept } from './companion-rule.ts';
import type { ExtendHold } from './hold-extension.service.ts';
import type { HoldSeats } from './hold.service.ts';
import { createPaymentSeam, type PaymentSeam } from './payment-seam.ts';
import { releaseOwnHold } from './release.store.ts';
import type { SeatChangeBus } from './seat-changes.ts';

export interface BookingService extends PaymentSeam {
  /** Holds seats for the caller (POST /bookings). */
  hold: HoldSeats;
  /** Keeps a hold longer, once (POST /bookings/{id}/extend and its guest twin). */
  extendHold: ExtendHold;
  /** One booking the caller may see (own, any for staff, the token's for a guest); 404 otherwise. */
  get(caller: Caller, id: string): Promise<BookingView>;
  /** Bookings newest first: own for customers, all for staff and admin. */
  list(
    principal: Principal,
    q: { showtimeId?: string; status?: BookingStatus; limit: number; cursor?: string },
  ): Promise<{ items: BookingView[]; nextCursor: string | null }>;
  /**
   * Releases a live hold at once (DELETE); idempotent for cancelled or expired ones; 409 for paid ones;
   * 422 when the customer would keep a companion seat without this hold's accessible seat.
   */
  release(caller: Caller, id: string): Promise<void>;
}

interface BookingServiceDeps {
  database: ModuleDatabase;
  clock: Clock;
  bus: SeatChangeBus;
  hold: HoldSeats;
  extendHold: ExtendHold;
}

export function createBookingService(deps: BookingServiceDeps): BookingService {
  const { database, clock, bus } = deps;
  const db = moduleDb<BookingDb>(database);
  // Tickets, refunds and the refund preview belong to other modules: the payments module adds them
  // (payments/booking-detail.ts) to what these functions return.
  function present(rows: BookingRow[]): BookingView[] {
    const now = clock.now();
    return rows.map((r) => toView(r, now));
  }

  const visible = (caller: Caller, b: BookingRow | null): b is BookingRow => b !== null && mayAccessBooking(caller, b);

  return {
    hold: deps.hold,
    extendHold: deps.extendHold,

    async get(caller, id) {
      const b = await findBooking(db, id);
      if (!visible(caller, b)) throw bookingNotFound();
      return present([b])[0] as BookingView;
    },

    async list(principal, q) {
      const after = decodePosition(q.cursor, 'bookings') ?? undefined;
      const rows = await listBookings(db, {
        userId: ownerScope(principal) ?? undefined,
        showtimeId: q.showtimeId,
        status: q.status,
        after,
        limit: q.limit + 1,
        now: clock.now(),
      });
      const page = pageOf(rows, q.limit, 'bookings', positionKey);
      return { items: present(page.items), nextCursor: page.nextCursor };
    },

    async release(caller, id) {
      // The common case, an account's own live hold (any for staff), in one statement; whatever it
      // does not match (errors, guests, idempotent repeats, the companion rule) goes the long way.
      if (!isGuest(caller)) {
        const staff = isStaff(caller);
        const quick = await withRetry(() => releaseOwnHold(db, { id, userId: caller.userId, staff, now: clock.now() }));
        if (quick) return bus.publish(quick);
      }
      const changes = await withRetry(() =>
        db.transaction().execute(async (trx) => {
          const b = await findBooking(trx, id, { lock: true });
          if (!visible(caller, b)) throw bookingNotFound();
          const now = clock.now();
          const status = effectiveStatus(b.status, b.expiresAt, now);
          if (status === 'cancelled' || status === 'expired') return null;
          if (status !== 'held') throw bookingNotReleasable(status);
          if (!isStaff(caller))
            await checkCompanionsKept(
              trx,
              b,
              b.seats.map((s) => s.seatId),
            );
          const freed = await deleteClaims(trx, id);
          await setBookingStatus(trx, id, 'cancelled', now);
          await addEvents(trx, [
            {
              type: 'booking.released',
              aggregateId: id,
              payload: {
                bookingId: id,
                userId: b.userId,
                showtimeId: b.showtimeId,
                seatIds: freed,
                by: accountOf(caller),
              },
            },
          ]);
          return bus.stamp(
            trx,
            b.showtimeId,
            freed.map((s) => ({ id: s, status: 'available' as const })),
          );
        }),
      );
      if (changes) await bus.publish(changes);
    },

    ...createPaymentSeam({
      clock,
      bus,
      view: async (id) => {
        const b = await findBooking(db, id);
        if (!b) throw bookingNotFound();
        return present([b])[0] as BookingView;
      },
    }),
  };
}
