// Amounts in each currency's own minor units (ISO 4217): none for JPY, two for EUR and USD, three
// for KWD and BHD.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimalAmount, formatMoney, minorDigits } from './money.ts';

test('minor units per currency come from ISO 4217 as Intl knows it', () => {
  assert.deepEqual(['JPY', 'KRW', 'EUR', 'USD', 'KWD', 'BHD'].map(minorDigits), [0, 0, 2, 2, 3, 3]);
  assert.equal(minorDigits('not a code'), 2);
});

test('amounts are decimals in the currency’s digits', () => {
  assert.equal(decimalAmount(1250, 'EUR'), '12.50');
  assert.equal(decimalAmount(5, 'EUR'), '0.05');
  assert.equal(decimalAmount(1250, 'JPY'), '1250');
  assert.equal(decimalAmount(-1250, 'USD'), '-12.50');
  assert.equal(decimalAmount(1250, 'KWD'), '1.250');
  assert.equal(decimalAmount(5, 'BHD'), '0.005');
});

test('a display amount never assumes two decimals', () => {
  assert.equal(formatMoney(1800, 'JPY'), '¥1,800');
  assert.equal(formatMoney(1250, 'EUR'), '€12.50');
  assert.equal(formatMoney(1600, 'USD'), '$16.00');
  assert.equal(formatMoney(1250, 'KWD'), 'KWD\u00a01.250');
  assert.equal(formatMoney(123_456_789, 'BHD'), 'BHD\u00a0123,456.789');
  assert.equal(formatMoney(1800, 'JPY', { display: 'code' }), 'JPY\u00a01,800');
  assert.equal(formatMoney(1250, 'EUR', { locale: 'de-DE' }), '12,50\u00a0€');
  // Exact however large: no float division on the way.
  assert.equal(formatMoney(9_007_199_254_740_991, 'EUR'), '€90,071,992,547,409.91');
});

test('a code Intl refuses is still shown, with the amount in two decimals', () => {
  assert.equal(formatMoney(1250, 'EU'), '12.50 EU');
});
