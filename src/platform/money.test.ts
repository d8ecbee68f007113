// Amounts in each currency's own minor units (ISO 4217): none for JPY, two for EUR, USD, HUF and
// IDR, three for KWD, BHD and IQD, whatever the runtime's ICU thinks (it says 0 for HUF, IDR and IQD).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimalAmount, formatMoney, minorDigits } from './money.ts';

test('minor units per currency come from ISO 4217, not from Intl', () => {
  const codes = ['JPY', 'KRW', 'EUR', 'USD', 'HUF', 'IDR', 'LBP', 'KWD', 'BHD', 'IQD', 'CLF'];
  assert.deepEqual(codes.map(minorDigits), [0, 0, 2, 2, 2, 2, 2, 3, 3, 3, 4]);
  assert.equal(minorDigits('not a code'), 2);
});

test('amounts are decimals in the currency’s digits', () => {
  assert.equal(decimalAmount(1250, 'EUR'), '12.50');
  assert.equal(decimalAmount(5, 'EUR'), '0.05');
  assert.equal(decimalAmount(1250, 'JPY'), '1250');
  assert.equal(decimalAmount(-1250, 'USD'), '-12.50');
  assert.equal(decimalAmount(1250, 'KWD'), '1.250');
  assert.equal(decimalAmount(5, 'BHD'), '0.005');
  assert.equal(decimalAmount(123_456, 'HUF'), '1234.56');
  assert.equal(decimalAmount(1_500_000, 'IDR'), '15000.00');
  assert.equal(decimalAmount(1250, 'IQD'), '1.250');
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

test('a display amount has exactly the digits ISO 4217 gives, where ICU gives others', () => {
  // ICU alone would show these as HUF 123,456, IDR 1,500,000 and IQD 1,250: 100 and 1000 times too much.
  assert.equal(formatMoney(123_456, 'HUF'), 'HUF\u00a01,234.56');
  assert.equal(formatMoney(1_500_000, 'IDR'), 'IDR\u00a015,000.00');
  assert.equal(formatMoney(1250, 'IQD'), 'IQD\u00a01.250');
  assert.equal(formatMoney(123_456, 'HUF', { locale: 'de-DE' }), '1.234,56\u00a0HUF');
  assert.equal(formatMoney(1250, 'IQD', { display: 'code' }), 'IQD\u00a01.250');
});

test('a code Intl refuses is still shown, with the amount in two decimals', () => {
  assert.equal(formatMoney(1250, 'EU'), '12.50 EU');
});
