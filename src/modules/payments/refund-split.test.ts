import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discountShares } from '../../platform/allocate.ts';
import { paidForTickets, splitRefund } from './refund-split.ts';

/** Seats named a, b, c… priced as given, in the booking's order. */
const seatsOf = (...prices: number[]) => prices.map((price, i) => ({ seatId: String.fromCharCode(97 + i), price }));
const booking = (prices: number[], discountAmount: number, giftCardAmount: number) => ({
  totalAmount: prices.reduce((a, b) => a + b, 0),
  discountAmount,
  giftCardAmount,
  seats: seatsOf(...prices),
});
const plain = { ...booking([1000, 1000, 1000], 0, 0) };
const [A, B] = seatsOf(1000, 1000) as [{ seatId: string; price: number }, { seatId: string; price: number }];

test('without discount or gift cards the provider pays back the policy amount, capped at what is left', () => {
  assert.deepEqual(splitRefund([A, B], 100, plain, { cardPaid: 3000, cardLeft: 3000, giftLeft: 0 }), {
    cardAmount: 2000,
    giftCardAmount: 0,
  });
  assert.deepEqual(splitRefund([A, B], 50, plain, { cardPaid: 3000, cardLeft: 700, giftLeft: 0 }), {
    cardAmount: 700,
    giftCardAmount: 0,
  });
});

test("a ticket's share of the discount is not paid back", () => {
  const b = booking([1000, 2000], 301, 0);
  assert.deepEqual(paidForTickets(b.seats, b), [900, 1799]);
  const c = booking([1000, 2000], 300, 0);
  assert.equal(splitRefund([A], 100, c, { cardPaid: 2700, cardLeft: 2700, giftLeft: 0 }).cardAmount, 900);
});

test("a refunded seat gives back exactly its receipt line's gross (the receipt's split, largest remainder)", () => {
  // 3 × 12.00 with 1.00 off: the receipt's lines are 11.66, 11.67, 11.67 (finance/documents.ts).
  const b = booking([1200, 1200, 1200], 100, 0);
  const shares = discountShares(100, b.seats);
  const lines = b.seats.map((s) => s.price - (shares.get(s.seatId) ?? 0));
  assert.deepEqual(lines, [1166, 1167, 1167]);
  for (const [i, seat] of b.seats.entries())
    assert.equal(
      splitRefund([seat], 100, b, { cardPaid: 3500, cardLeft: 3500, giftLeft: 0 }).cardAmount,
      lines[i],
      `seat ${seat.seatId}`,
    );
  // All of them back: the whole of what was paid, not a cent more.
  assert.equal(splitRefund(b.seats, 100, b, { cardPaid: 3500, cardLeft: 3500, giftLeft: 0 }).cardAmount, 3500);
});

test('gift cards get their proportion (floor), the provider the remainder', () => {
  // 3000 total, 1000 by gift card, 2000 by card: a 1000 ticket back is 333 to the card... of gift 1/3.
  const b = booking([1000, 1000, 1000], 0, 1000);
  assert.deepEqual(splitRefund([A], 100, b, { cardPaid: 2000, cardLeft: 2000, giftLeft: 1000 }), {
    cardAmount: 667,
    giftCardAmount: 333,
  });
  // Paid by gift card alone (due 0): everything goes back to the card.
  const all = booking([1000, 1000], 0, 2000);
  assert.deepEqual(splitRefund([A], 100, all, { cardPaid: 0, cardLeft: 0, giftLeft: 2000 }), {
    cardAmount: 0,
    giftCardAmount: 1000,
  });
});

test('the provider never pays back more than it has left; the rest goes to the gift cards, capped too', () => {
  const b = booking([1000, 1000], 0, 1000);
  assert.deepEqual(splitRefund([A], 100, b, { cardPaid: 1000, cardLeft: 400, giftLeft: 1000 }), {
    cardAmount: 400,
    giftCardAmount: 600,
  });
  assert.deepEqual(
    splitRefund([{ seatId: 'a', price: 2000 }], 100, b, { cardPaid: 1000, cardLeft: 400, giftLeft: 500 }),
    {
      cardAmount: 400,
      giftCardAmount: 500,
    },
  );
});
