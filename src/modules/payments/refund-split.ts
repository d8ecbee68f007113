// What a refund of tickets pays back, and where to. A ticket was paid its price less its share of
// the booking's promo discount, split over the booking's seats exactly as the receipt splits it
// (platform/allocate.ts), so a seat refunded in full gives back its receipt line's gross; the policy's percent of that comes back (floor, per ticket). Of the sum, gift
// cards get their share in the proportion they paid of the booking (floor), and the provider the
// remainder, never more than is left of what it took (anything over goes to the gift cards, which
// are capped at what is left of theirs).
import { discountShares } from '../../platform/allocate.ts';
import { ticketRefund } from './refund-policy.ts';

export interface PaidBooking {
  /** The seat sum (booking total before discount). */
  totalAmount: number;
  discountAmount: number;
  /** What gift cards paid of it. */
  giftCardAmount: number;
  /** Every seat of the booking in the booking's order (the discount is split over all of them). */
  seats: { seatId: string; price: number }[];
}

/** A refunded ticket: its seat and price. */
export interface RefundedSeat {
  seatId: string;
  price: number;
}

export interface RefundSplit {
  /** Paid back through the provider (or the till's drawer). */
  cardAmount: number;
  /** Credited back to the gift cards that paid. */
  giftCardAmount: number;
}

/** What these tickets were paid: each its price less its seat's share of the discount (the receipt line's gross). */
export function paidForTickets(tickets: RefundedSeat[], booking: Pick<PaidBooking, 'discountAmount' | 'seats'>) {
  const shares = discountShares(booking.discountAmount, booking.seats);
  return tickets.map((t) => t.price - (shares.get(t.seatId) ?? 0));
}

/**
 * The split of a refund of `tickets` at `percent` and of `food` (uncollected food lines, given back in
 * full: nothing was handed over), given what is left to refund of the provider's payment
 * (`cardLeft`) and of the gift cards' part (`giftLeft`); `cardPaid` is what the provider took in all.
 */
export function splitRefund(
  tickets: RefundedSeat[],
  percent: number,
  booking: PaidBooking,
  left: { cardPaid: number; cardLeft: number; giftLeft: number },
  food = 0,
): RefundSplit {
  const total = food + paidForTickets(tickets, booking).reduce((sum, paid) => sum + ticketRefund(paid, percent), 0);
  return splitAmount(total, booking, left);
}

/** `total` split between the gift cards (their share of what was paid, floor) and the provider (the rest, capped). */
export function splitAmount(
  total: number,
  booking: Pick<PaidBooking, 'giftCardAmount'>,
  left: { cardPaid: number; cardLeft: number; giftLeft: number },
): RefundSplit {
  const paidInAll = left.cardPaid + booking.giftCardAmount;
  let gift = paidInAll > 0 ? Math.floor((total * booking.giftCardAmount) / paidInAll) : 0;
  let card = total - gift;
  if (card > left.cardLeft) {
    gift += card - left.cardLeft;
    card = left.cardLeft;
  }
  gift = Math.min(gift, left.giftLeft);
  return { cardAmount: Math.max(0, card), giftCardAmount: Math.max(0, gift) };
}
