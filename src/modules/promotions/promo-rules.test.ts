// The promo arithmetic and scope, without a database: rounding, caps, ticket types and local dates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discountFor, localDate, type PromoTerms, showtimeOutsideScope } from './promo-rules.ts';

const percent = (p: number, scope: PromoTerms['scope'] = {}): PromoTerms => ({
  kind: 'percent',
  percent: p,
  amount: null,
  currency: null,
  scope,
});
const fixed = (amount: number, currency = 'EUR', scope: PromoTerms['scope'] = {}): PromoTerms => ({
  kind: 'fixed',
  percent: null,
  amount,
  currency,
  scope,
});
const booking = (prices: [number, string][], giftCardAmount = 0) => ({
  totalAmount: prices.reduce((s, [p]) => s + p, 0),
  giftCardAmount,
  currency: 'EUR',
  seats: prices.map(([price, ticketType]) => ({ price, ticketType })),
});

test('a percentage rounds down once per booking, on the seats of the ticket types in scope', () => {
  const b = booking([
    [1250, 'adult'],
    [699, 'child'],
    [699, 'child'],
  ]);
  assert.equal(discountFor(percent(15), b), 397); // 15 % of 2648 = 397.2
  assert.equal(discountFor(percent(15, { ticketTypes: ['child'] }), b), 209); // of 1398 = 209.7
  assert.equal(discountFor(percent(100, { ticketTypes: ['adult'] }), b), 1250);
  assert.equal(discountFor(percent(10, { ticketTypes: ['senior'] }), b), 'ticket_types');
  assert.equal(discountFor(percent(10, { ticketTypes: [] }), b), 264, 'an empty list is every type');
});

test('a fixed amount is capped at the seats in scope and at what gift cards leave; currencies must match', () => {
  const b = booking([
    [1200, 'adult'],
    [700, 'child'],
  ]);
  assert.equal(discountFor(fixed(500), b), 500);
  assert.equal(discountFor(fixed(5000), b), 1900);
  assert.equal(discountFor(fixed(5000, 'EUR', { ticketTypes: ['child'] }), b), 700);
  assert.equal(discountFor(fixed(500, 'USD'), b), 'currency');
  assert.equal(discountFor(fixed(5000), { ...b, giftCardAmount: 1500 }), 400);
  assert.equal(discountFor(percent(50), { ...b, giftCardAmount: 1900 }), 'nothing_to_discount');
});

test("scope dates are the showtime's local date in its cinema's time zone", () => {
  // 23:30 UTC on 31 December is already 1 January in Berlin.
  const startsAt = new Date('2026-12-31T23:30:00Z');
  assert.equal(localDate(startsAt, 'Europe/Berlin'), '2027-01-01');
  assert.equal(localDate(startsAt, 'America/New_York'), '2026-12-31');
  const show = { id: 's', movieId: 'm', cinemaId: 'c', startsAt, timezone: 'Europe/Berlin' };
  assert.equal(showtimeOutsideScope({ from: '2027-01-01', to: '2027-01-01' }, show), null);
  assert.equal(showtimeOutsideScope({ to: '2026-12-31' }, show), 'date');
  assert.equal(showtimeOutsideScope({ movieIds: ['m'], cinemaIds: ['c'], showtimeIds: ['s'] }, show), null);
  assert.equal(showtimeOutsideScope({ movieIds: ['x'] }, show), 'movie');
  assert.equal(showtimeOutsideScope({ cinemaIds: ['x'] }, show), 'cinema');
  assert.equal(showtimeOutsideScope({ showtimeIds: ['x'] }, show), 'showtime');
});
