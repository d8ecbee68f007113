import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bookingReceipt, creditNote, type DocumentHead } from './documents.ts';

const head = (number: string): DocumentHead => ({
  id: '00000000-0000-4000-8000-000000000001',
  number,
  cinemaId: null,
  issuedAt: new Date('2026-12-31T23:30:00Z'),
  suppliedAt: new Date('2026-12-30T22:30:00Z'),
  timezone: 'Europe/Berlin',
  settings: {
    country: 'DE',
    legal_name: 'Kino GmbH',
    legal_address: 'Str. 1',
    tax_id: null,
    rate_tickets: 700,
    rate_food: 1900,
    rate_merchandise: 1900,
    rate_default: 1900,
  },
});
const show = {
  startsAt: new Date('2027-01-02T19:00:00Z'),
  movie: { title: 'Film' },
  hall: { name: 'Saal 1' },
  cinema: { id: 'c', name: 'Kino', timezone: 'Europe/Berlin' },
};
const seat = (n: number, price: number) => ({
  seatId: `s${n}`,
  row: 'A',
  number: n,
  price,
  ticketType: 'adult',
  ticketTypeName: 'Adult',
});

test("a receipt names its seller, taxes at the tickets rate, and is dated in the seller's zone", () => {
  const r = bookingReceipt(
    head('R-X-2027-000001'),
    {
      id: 'b',
      userId: null,
      showtimeId: 's',
      status: 'confirmed',
      currency: 'EUR',
      totalAmount: 1000,
      seats: [seat(1, 1000)],
    },
    show,
    { provider: 'builtin', amount: 1000 },
  );
  assert.equal(r.sellerMissing, false);
  assert.equal(r.seller?.name, 'Kino GmbH');
  // Issued at 00:30 in Berlin: the local date, not UTC's.
  assert.equal(r.issuedAtLocal.slice(0, 10), '2027-01-01');
  // The sale's own date, in the same zone (23:30 in Berlin on the 30th).
  assert.equal(r.supplyDate, '2026-12-30');
  assert.deepEqual(
    r.taxes.map((t) => [t.rate, t.net.amount, t.tax.amount]),
    [[7, 935, 65]],
  );
});

test('a split-tender booking: gift card first, then the card; a credit note splits back the same way', () => {
  const settings = {
    cinema_id: 'c',
    country: 'DE',
    legal_name: 'Kino GmbH',
    legal_address: 'Str. 1',
    tax_id: null,
    rate_tickets: 700,
    rate_food: 1900,
    rate_merchandise: 1900,
    rate_default: 1900,
    updated_at: new Date(),
  };
  const r = bookingReceipt(
    { ...head('R-X-2027-000002'), settings },
    {
      id: 'b',
      userId: null,
      showtimeId: 's',
      status: 'confirmed',
      currency: 'EUR',
      totalAmount: 3000,
      discountAmount: 300,
      promoCode: 'TEN',
      giftCardAmount: 1000,
      seats: [seat(1, 1000), seat(2, 2000)],
    },
    show,
    { provider: 'stripe', amount: 1700 },
  );
  assert.deepEqual(
    r.lines.map((l) => [l.discount.amount, l.gross.amount]),
    [
      [100, 900],
      [200, 1800],
    ],
  );
  assert.deepEqual(
    r.tenders.map((t) => [t.method, t.provider, t.amount.amount]),
    [
      ['gift_card', null, 1000],
      ['card', 'stripe', 1700],
    ],
  );
  const note = creditNote(head('CN-X-2027-000001'), r, {
    seatIds: ['s2'],
    total: 1800,
    giftCardAmount: 666,
    reason: 'customer_cancel',
  });
  assert.equal(note.receiptNumber, 'R-X-2027-000002');
  assert.deepEqual(
    note.lines.map((l) => [l.seat?.seatId, l.gross.amount]),
    [['s2', 1800]],
  );
  // 18.00 at 7 %: tax 117.76 → 118.
  assert.deepEqual(
    note.taxes.map((t) => [t.rate, t.net.amount, t.tax.amount, t.gross.amount]),
    [[7, 1682, 118, 1800]],
  );
  assert.deepEqual(
    note.refundedTo.map((t) => [t.method, t.amount.amount]),
    [
      ['gift_card', 666],
      ['card', 1134],
    ],
  );
});
