// The staff money forms' text handling without a browser: promo limits, shared codes, validity,
// the batch CSV's file name, the finance export's local days, and tax rates as typed (decimal
// comma, at most two decimals).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeOk, csvName, limitOf, localDay, rateOf, validityOk } from '../../web/src/staff/money/money-form.ts';

describe('staff money forms', () => {
  test('a limit is a whole number from 1, or empty for none', () => {
    assert.deepEqual(['', ' ', '1', '50', '0', '-2', '1.5', 'x'].map(limitOf), [
      null,
      null,
      1,
      50,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('a shared code is 4 to 32 letters, digits or dashes, any case', () => {
    assert.deepEqual(['spring-10', 'ABCD', 'ABC', 'A'.repeat(33), 'NO SPACE', 'ÄPFEL'].map(codeOk), [
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  test('a validity runs forwards; an open end is fine', () => {
    assert.equal(validityOk('2026-12-01T10:00', '2026-12-24T18:00'), true);
    assert.equal(validityOk('2026-12-24T18:00', '2026-12-01T10:00'), false);
    assert.equal(validityOk('2026-12-01T10:00', '2026-12-01T10:00'), false);
    assert.equal(validityOk('', '2026-12-01T10:00'), true);
    assert.equal(validityOk('2026-12-01T10:00', ''), true);
  });

  test("a batch's CSV is named by its name in safe characters", () => {
    assert.equal(csvName('Flyer batch'), 'promo-codes-Flyer-batch.csv');
    assert.equal(csvName('Café / Kino: 2026'), 'promo-codes-Cafe-Kino-2026.csv');
    assert.equal(csvName('///'), 'promo-codes-batch.csv');
  });

  test("the finance export's default days are the browser's calendar days, not UTC's", () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      // 00:30 on 10 March in Berlin is still 9 March in UTC.
      assert.equal(localDay(new Date('2026-03-09T23:30:00Z')), '2026-03-10');
      assert.equal(localDay(new Date(2026, 0, 1)), '2026-01-01');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  test('a tax rate is a percent with at most two decimals, comma or point', () => {
    assert.deepEqual(['7', '5,5', '19.00', '', '0', '100', '100.5', '7.125', 'x', '-1'].map(rateOf), [
      7,
      5.5,
      19,
      null,
      0,
      100,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
