// What a refund of tickets pays back, and where to. A ticket was paid its price less its share of
// the booking's promo discount (floor(discount × price / total), so the shares never add up to more
// than the discount); the policy's percent of that comes back (floor, per ticket). Of the sum, gift
// cards get their share in the proportion they paid of the booking (floor), and the provider the
// remainder, never more than is left of what it took (anything over goes to the gift cards, which
// are capped at what is left of theirs).
import { ticketRefund } from './refund-policy.ts';

export interface PaidBooking {
  /** The seat sum (booking total before discount). */
  totalAmount: number;
  discountAmount: number;
  /** What gift cards paid of it. */
  giftCardAmount: number;
}

export interface RefundSplit {
  /** Paid back through the provider (or the till's drawer). */
  cardAmount: number;
  /** Credited back to the gift cards that paid. */
  giftCardAmount: number;
}

/** What the tickets of these prices were paid, less their share of the discount. */
export function paidForTickets(prices: number[], booking: Pick<PaidBooking, 'totalAmount' | 'discountAmount'>) {
  return prices.map((price) =>
    booking.totalAmount > 0 ? price - Math.floor((booking.discountAmount * price) / booking.totalAmount) : price,
  );
}

/**
 * The split of a refund of tickets priced `prices` at `percent`, given what is left to refund of the
 * provider's payment (`cardLeft`) and of the gift cards' part (`giftLeft`); `cardPaid` is what the
 * provider took in all.
 */
export function splitRefund(
  prices: number[],
  percent: number,
  booking: PaidBooking,
  left: { cardPaid: number; cardLeft: number; giftLeft: number },
): RefundSplit {
  const total = paidForTickets(prices, booking).reduce((sum, paid) => sum + ticketRefund(paid, percent), 0);
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
