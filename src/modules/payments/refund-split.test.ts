import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paidForTickets, splitRefund } from './refund-split.ts';

const plain = { totalAmount: 3000, discountAmount: 0, giftCardAmount: 0 };

test('without discount or gift cards the provider pays back the policy amount, capped at what is left', () => {
  assert.deepEqual(splitRefund([1000, 1000], 100, plain, { cardPaid: 3000, cardLeft: 3000, giftLeft: 0 }), {
    cardAmount: 2000,
    giftCardAmount: 0,
  });
  assert.deepEqual(splitRefund([1000, 1000], 50, plain, { cardPaid: 3000, cardLeft: 700, giftLeft: 0 }), {
    cardAmount: 700,
    giftCardAmount: 0,
  });
});

test("a ticket's share of the discount is not paid back", () => {
  assert.deepEqual(paidForTickets([1000, 2000], { totalAmount: 3000, discountAmount: 301 }), [900, 1800]);
  const b = { totalAmount: 3000, discountAmount: 300, giftCardAmount: 0 };
  assert.equal(splitRefund([1000], 100, b, { cardPaid: 2700, cardLeft: 2700, giftLeft: 0 }).cardAmount, 900);
});

test('gift cards get their proportion (floor), the provider the remainder', () => {
  // 3000 total, 1000 by gift card, 2000 by card: a 1000 ticket back is 333 to the card... of gift 1/3.
  const b = { totalAmount: 3000, discountAmount: 0, giftCardAmount: 1000 };
  assert.deepEqual(splitRefund([1000], 100, b, { cardPaid: 2000, cardLeft: 2000, giftLeft: 1000 }), {
    cardAmount: 667,
    giftCardAmount: 333,
  });
  // Paid by gift card alone (due 0): everything goes back to the card.
  const all = { totalAmount: 2000, discountAmount: 0, giftCardAmount: 2000 };
  assert.deepEqual(splitRefund([1000], 100, all, { cardPaid: 0, cardLeft: 0, giftLeft: 2000 }), {
    cardAmount: 0,
    giftCardAmount: 1000,
  });
});

test('the provider never pays back more than it has left; the rest goes to the gift cards, capped too', () => {
  const b = { totalAmount: 2000, discountAmount: 0, giftCardAmount: 1000 };
  assert.deepEqual(splitRefund([1000], 100, b, { cardPaid: 1000, cardLeft: 400, giftLeft: 1000 }), {
    cardAmount: 400,
    giftCardAmount: 600,
  });
  assert.deepEqual(splitRefund([2000], 100, b, { cardPaid: 1000, cardLeft: 400, giftLeft: 500 }), {
    cardAmount: 400,
    giftCardAmount: 500,
  });
});
