// The web app's pure logic, without a browser: card checks, the refund shown before cancelling,
// showtimes grouped by the cinema's own day, SSE parsing (the seat map's own logic is in
// test/web/seat-navigation.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatCardNumber, formatExpiry, luhnValid, parseExpiry, validateCard } from '../../web/src/checkout/card.ts';
import { previewRefund, refundPercent } from '../../web/src/bookings/refund.ts';
import { dayKey, formatCountdown, formatMoney } from '../../web/src/i18n/format.ts';
import { groupShowtimes } from '../../web/src/pages/showtimes.ts';
import { parseChanges } from '../../web/src/seats/seat-events.ts';
import { chosenType, minimumAge, ticketPrice, ticketTypeName, typesFor } from '../../web/src/seats/ticket-choice.ts';
import { ApiError } from '../../web/src/api/http.ts';
import type { Booking, Showtime, TicketType } from '../../web/src/api/types.ts';
import { errorText } from '../../web/src/i18n/errors.ts';
import type { Translate } from '../../web/src/i18n/catalog.ts';
import { en } from '../../web/src/i18n/messages-en.ts';

describe('seat feed', () => {
  test('seat changes are read from the SSE payload, whatever the list is called', () => {
    assert.deepEqual(parseChanges('{"showtimeId":"s","version":3,"seats":[{"id":"a","status":"held"}]}'), [
      { id: 'a', status: 'held' },
    ]);
    assert.deepEqual(parseChanges('[{"seatId":"b","status":"sold"}]'), [{ id: 'b', status: 'sold' }]);
    assert.deepEqual(parseChanges('not json'), []);
  });
});

describe('ticket types on the seat picker', () => {
  const type = (code: string, extra: Partial<TicketType> = {}): TicketType => ({
    id: code,
    cinemaId: 'c',
    code,
    names: { en: code.toUpperCase(), de: `${code}-de` },
    rule: null,
    minAge: null,
    maxAge: null,
    isDefault: false,
    sortOrder: 0,
    active: true,
    ...extra,
  });
  const adult = type('adult', { isDefault: true, sortOrder: 1 });
  const child = type('child', { maxAge: 11, sortOrder: 2 });
  const senior = type('senior', { sortOrder: 3, active: false });
  const showtime = {
    currency: 'EUR',
    prices: { standard: 1200 },
    ticketPrices: { adult: { standard: 1200 }, child: { standard: 800 }, senior: { standard: 900 } },
  } as unknown as Showtime;
  const seat = { type: 'standard', price: { amount: 1200, currency: 'EUR' } } as const;

  test('age ratings read as the youngest age admitted', () => {
    assert.equal(minimumAge('FSK 16'), 16);
    assert.equal(minimumAge('PG-13'), 13);
    assert.equal(minimumAge('18+'), 18);
    assert.equal(minimumAge('R'), 17);
    assert.equal(minimumAge('PG'), null);
    assert.equal(minimumAge(null), null);
  });

  test('a seat offers the active, priced types the rating allows, default first; prices by type', () => {
    assert.deepEqual(
      typesFor(seat, [child, senior, adult], showtime, '6').map((t) => t.code),
      ['adult', 'child'],
    );
    assert.deepEqual(
      typesFor(seat, [child, adult], showtime, 'FSK 16').map((t) => t.code),
      ['adult'],
    );
    assert.deepEqual(
      typesFor({ ...seat, type: 'vip' }, [child, adult], showtime, null).map((t) => t.code),
      ['adult'],
    );
    assert.deepEqual(ticketPrice(seat, child, showtime), { amount: 800, currency: 'EUR' });
    assert.equal(chosenType('child', [adult, child]), child);
    assert.equal(chosenType('senior', [adult, child]), adult);
    assert.equal(ticketTypeName(child, 'de'), 'child-de');
    assert.equal(ticketTypeName(type('x', { names: { en: 'X' } }), 'de'), 'X');
  });
});

describe('card form', () => {
  test('numbers, expiry and code are checked before anything is sent', () => {
    assert.ok(luhnValid('4242424242424242'));
    assert.ok(luhnValid('4000000000000002'));
    assert.ok(!luhnValid('4242424242424241'));
    const now = new Date('2026-11-23T10:00:00Z');
    assert.deepEqual(validateCard({ number: '4242 4242 4242 4242', expiry: '11/26', cvc: '123' }, now), {});
    assert.deepEqual(validateCard({ number: '', expiry: '10/26', cvc: '12' }, now), {
      number: 'required',
      expiry: 'expired',
      cvc: 'invalid',
    });
    assert.deepEqual(validateCard({ number: '1234', expiry: '13/30', cvc: '' }, now), {
      number: 'invalid',
      expiry: 'invalid',
      cvc: 'required',
    });
    assert.deepEqual(parseExpiry('1/2030'), { month: 1, year: 2030 });
    assert.equal(formatCardNumber('4242424242424242'), '4242 4242 4242 4242');
    assert.equal(formatExpiry('123', '12/'), '12/3');
  });
});

describe('refund preview', () => {
  const booking = {
    id: 'b',
    status: 'confirmed',
    showtimeId: 's',
    total: { amount: 2501, currency: 'EUR' },
    expiresAt: '2026-12-01T18:00:00Z',
    seats: [
      { seatId: 'x', row: 'A', number: 1, type: 'standard', price: { amount: 1250, currency: 'EUR' } },
      { seatId: 'y', row: 'A', number: 2, type: 'standard', price: { amount: 1251, currency: 'EUR' } },
    ],
    refunds: [],
  } as unknown as Booking;
  const start = '2026-12-01T20:00:00Z';

  test('the default policy refunds everything until two hours before the start, nothing after', () => {
    assert.equal(previewRefund(booking, undefined, start, Date.parse('2026-12-01T17:59:00Z')).amount.amount, 2501);
    assert.equal(previewRefund(booking, undefined, start, Date.parse('2026-12-01T18:01:00Z')).amount.amount, 0);
  });

  test('tiers floor each ticket and skip tickets already void; a server figure wins', () => {
    const tiered = {
      ...booking,
      refundPolicy: {
        cutoffMinutes: 120,
        tiers: [
          { minutesBefore: 1440, percent: 100 },
          { minutesBefore: 60, percent: 50 },
        ],
      },
    } as unknown as Booking;
    const at = Date.parse('2026-12-01T17:00:00Z');
    assert.equal(
      refundPercent({ cutoffMinutes: 0, tiers: [{ minutesBefore: 60, percent: 50 }] }, Date.parse(start), at),
      50,
    );
    assert.equal(previewRefund(tiered, undefined, start, at).amount.amount, 625 + 625);
    const tickets = [
      { id: 't', seat: { seatId: 'y', row: 'A', number: 2 }, code: 'c', status: 'void', checkedInAt: null },
    ] as Booking['tickets'];
    assert.equal(previewRefund(tiered, tickets, start, at).amount.amount, 625);
    assert.equal(
      previewRefund(
        {
          ...booking,
          refundPreview: { amount: { amount: 999, currency: 'EUR' }, percent: 50, asOf: '2026-12-01T17:00:00Z' },
        },
        undefined,
        start,
        at,
      ).amount.amount,
      999,
    );
  });
});

describe('formatting and grouping', () => {
  test("showtimes are grouped by the cinema's own calendar day", () => {
    const cinemas = [
      { id: 'ny', name: 'Broadway', city: 'New York', address: '', timezone: 'America/New_York' },
      { id: 'be', name: 'Spreeufer', city: 'Berlin', address: '', timezone: 'Europe/Berlin' },
    ].map((c) => ({ ...c, latitude: null, longitude: null }));
    const show = (id: string, cinemaId: string, startsAt: string) => ({ id, cinemaId, startsAt }) as Showtime;
    // 03:00 UTC on the 2nd is still the 1st in New York, and already the 2nd in Berlin.
    const days = groupShowtimes(
      [show('b', 'be', '2026-12-02T03:00:00Z'), show('a', 'ny', '2026-12-02T03:00:00Z')],
      cinemas,
    );
    assert.deepEqual(
      days.map((d) => [d.day, d.cinemas.map((c) => c.cinemaId)]),
      [
        ['2026-12-01', ['ny']],
        ['2026-12-02', ['be']],
      ],
    );
    assert.equal(dayKey('2026-12-02T03:00:00Z', 'America/New_York'), '2026-12-01');
  });

  test('money in minor units follows the currency and the language', () => {
    assert.equal(formatMoney({ amount: 1250, currency: 'EUR' }, 'en'), '€12.50');
    assert.equal(formatMoney({ amount: 1250, currency: 'EUR' }, 'de'), '12,50\u00a0€');
    assert.equal(formatMoney({ amount: 1250, currency: 'JPY' }, 'en'), '¥1,250');
    assert.equal(formatCountdown(61_000), '1:01');
    assert.equal(formatCountdown(-5), '0:00');
  });
});

describe('error messages', () => {
  const t = ((key: keyof typeof en) => en[key]) as Translate;
  test('a weak password (validation_failed, reason weak_password) reads as such; other validation errors as validation', () => {
    const weak = new ApiError({
      status: 422,
      code: 'validation_failed',
      reason: 'weak_password',
      detail: 'too short',
      errors: [{ path: '/password', message: 'too short' }],
    });
    assert.equal(errorText(weak, t, 'en'), en['error.weakPassword']);
    const other = new ApiError({
      status: 422,
      code: 'validation_failed',
      detail: 'bad',
      errors: [{ path: '/name', message: 'bad' }],
    });
    assert.equal(errorText(other, t, 'en'), en['error.validation']);
  });
});
