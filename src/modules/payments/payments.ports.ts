// What payments need from the other modules, stated here by the consumer. app.ts passes the real
// services; their shapes only have to fit these. A transaction passed to them is a SharedTx: they see
// none of payments' tables and narrow it to their own.
import type { SharedTx } from '../../platform/db/module-db.ts';
import type { Caller } from '../../platform/http/access.ts';
import type { BookingStatus, SeatChanges } from '../booking/booking.module.ts';
import type { BookingView } from '../booking/booking.views.ts';
import type { ShowtimeInfo, TicketsService } from '../tickets/tickets.service.ts';
import type { FoodRefund, RefundableOrder } from '../concessions/order-refunds.ts';

export interface PayableBooking {
  id: string;
  userId: string | null;
  showtimeId: string;
  status: BookingStatus;
  totalAmount: number;
  currency: string;
  expiresAt: Date;
  createdAt: Date;
  confirmedAt: Date | null;
  holdExtendedAt: Date | null;
  /** Issue 16: a promo code's discount and gift cards' share of totalAmount; due = total − both. */
  discountAmount: number;
  promoCode: string | null;
  giftCardAmount: number;
  /** Issue 17: the food basket's total, paid with the seats (due adds it). */
  foodAmount: number;
  seats: {
    seatId: string;
    row: string;
    number: number;
    type: string;
    price: number;
    ticketType: string;
    ticketTypeName: string;
  }[];
}

interface BookingPort {
  /** The booking, locked FOR UPDATE unless `lock` is false; 404 when missing or not the caller's (null: the system). */
  getForPayment(
    trx: SharedTx,
    bookingId: string,
    caller: Caller | null,
    options?: { lock?: boolean },
  ): Promise<PayableBooking>;
  /** Claims → sold, booking confirmed; throws booking_released or booking_expired (rolling back) when it cannot be sold. */
  confirm(trx: SharedTx, bookingId: string): Promise<SeatChanges>;
  /** Before confirm, in its transaction: a hold sold at the box office counter, its emails to `email` (none when null). */
  markCounterSale(trx: SharedTx, bookingId: string, email: string | null): Promise<void>;
  /** Several at once: the changes per booking, or null for one that could not be sold or whose due is not `paid` (roll back). */
  confirmMany(trx: SharedTx, sales: { bookingId: string; paid: number }[]): Promise<Map<string, SeatChanges | null>>;
  /** Before a customer's cancel: 422 companion_requires_accessible when a companion seat they keep would lose its accessible neighbour. */
  checkCompanionsKept(trx: SharedTx, booking: PayableBooking, seatIds: string[]): Promise<void>;
  /** Before a customer pays: 422 companion_requires_accessible when a companion seat's accessible neighbour is neither in the booking nor bought. */
  checkCompanionsPayable(db: SharedTx, booking: PayableBooking): Promise<void>;
  /** Frees the named seats of a booking (refunded tickets). */
  releaseSeats(trx: SharedTx, bookingId: string, seatIds: string[]): Promise<SeatChanges>;
  /** Sets a paid booking's status when all its tickets are refunded. */
  markRefunded(trx: SharedTx, bookingId: string): Promise<unknown>;
  /** After commit: tells seat maps and SSE clients about seats sold or freed. */
  publishSeatChanges(showtimeId: string, changes: SeatChanges): Promise<void>;
  /** The booking as booking shows it (payments adds tickets and refunds: booking-detail.ts), food names in `lang`. */
  view(bookingId: string, lang?: string): Promise<BookingView>;
}

/** Issue 17: food orders' lines given back by refunds (concessions' order-refunds.ts). */
export interface FoodPort {
  /** The order of a booking (or by id) locked (unless `lock` is false) with its lines; null when there is none. */
  lockOrder(
    trx: SharedTx,
    where: { bookingId: string } | { orderId: string },
    lock?: boolean,
  ): Promise<RefundableOrder | null>;
  /** Marks units refunded (all left to collect when `wanted` is null), stock back; null when nothing was left. */
  refundOrderLines(
    trx: SharedTx,
    order: RefundableOrder,
    wanted: Map<string, number> | null,
    now: Date,
  ): Promise<FoodRefund | null>;
  /** In the transaction that sells these bookings: their held food is paid (one statement). */
  markPaid(trx: SharedTx, bookingIds: string[], now: Date): Promise<void>;
}

export interface PaymentsDeps {
  booking: BookingPort;
  tickets: TicketsService;
  showtime: (showtimeId: string) => Promise<ShowtimeInfo | null>;
  /** Without it (tests composing payments alone) no booking has food. */
  food?: FoodPort;
}
