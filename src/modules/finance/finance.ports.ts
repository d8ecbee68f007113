// What finance needs from the other modules, stated here by the consumer; app.ts passes the real
// functions. Finance reads bookings, showtimes, payments and gift cards only through these.
import type { SharedTx } from '../../platform/db/module-db.ts';
import type { Caller } from '../../platform/http/access.ts';
import type { Principal } from '../../platform/http/auth.ts';

/** A booking as a receipt needs it. The price breakdown fields are absent on a booking made before issue 16. */
export interface FinanceBooking {
  id: string;
  userId: string | null;
  showtimeId: string;
  status: string;
  /** When it was paid: the receipt's date. */
  confirmedAt?: Date | null;
  currency: string;
  totalAmount: number;
  discountAmount?: number;
  promoCode?: string | null;
  giftCardAmount?: number;
  seats: { seatId: string; row: string; number: number; price: number; ticketType: string; ticketTypeName: string }[];
}

/** Issue 17: a food line as a receipt lists it (concessions' order lines, as sold). */
export interface FinanceFoodLine {
  lineId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  taxKind: 'food' | 'merchandise' | 'default';
  choices: unknown;
}

export interface FinanceShowtime {
  startsAt: Date;
  movie: { title: string };
  hall: { name: string };
  cinema: { id: string; name: string; timezone: string };
}

/** Gift card money over a period, per currency (minor units); `outstanding` is the sum of balances at its end. */
export interface GiftCardLiabilities {
  currency: string;
  issued: number;
  redeemed: number;
  refunded: number;
  voided: number;
  outstanding: number;
}

export interface FinanceDeps {
  /** The booking; 404 booking_not_found when the caller may not see it (null caller: the system). */
  booking(db: SharedTx, bookingId: string, caller: Caller | null): Promise<FinanceBooking>;
  showtime(showtimeId: string): Promise<FinanceShowtime | null>;
  cinema(cinemaId: string): Promise<{ id: string; name: string; timezone: string } | null>;
  /** Which provider took the booking's money and how much (gift cards not counted); null when none did. */
  paidBy(bookingId: string): Promise<{ provider: string; amount: number; currency: string } | null>;
  /** Issue 17: a booking's food lines (none without an order or a concessions module). */
  foodLines?(bookingId: string): Promise<FinanceFoodLine[]>;
  /** Issue 17: a food order sold alone (a till food sale) as its receipt needs it; null when there is none or it is unpaid. */
  foodOrder?(orderId: string): Promise<{
    id: string;
    cinemaId: string;
    currency: string;
    paidAt: Date | null;
    method: string | null;
    lines: FinanceFoodLine[];
  } | null>;
  /** From the gift cards module once it offers it; the export leaves `outstanding` empty without it. */
  giftCardLiabilities?(query: { cinemaId?: string; from: Date; to: Date }): Promise<GiftCardLiabilities[]>;
  /** A gift card as its sale's receipt needs it (giftcards); null when there is none. */
  giftCard?(giftCardId: string): Promise<{
    id: string;
    amount: number;
    currency: string;
    cinemaId: string | null;
    channel: string;
    createdAt: Date;
  } | null>;
  /**
   * A gift card order as its buyer may read it (giftcards' order read rule: the signed-in buyer, staff,
   * anyone with a guest order's id); 404 gift_card_order_not_found otherwise.
   */
  giftCardOrder?(principal: Principal | null, orderId: string): Promise<{ status: string; giftCardId: string | null }>;
}
