// The web app's money: amounts in each currency's own minor units (ISO 4217), shown in the
// reader's language, and prices typed by staff read back in those units.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decimalAmount, formatMoney, minorDigits } from '../../web/src/i18n/format.ts';
import { fromMinor, toMinor } from '../../web/src/staff/schedule/prices.ts';

describe('web money', () => {
  test('minor units per currency: JPY 0, EUR and USD 2, KWD and BHD 3', () => {
    assert.deepEqual(['JPY', 'EUR', 'USD', 'KWD', 'BHD'].map(minorDigits), [0, 2, 2, 3, 3]);
    assert.equal(decimalAmount(1800, 'JPY'), '1800');
    assert.equal(decimalAmount(1250, 'KWD'), '1.250');
    assert.equal(decimalAmount(-5, 'EUR'), '-0.05');
  });

  test('display amounts in English and German', () => {
    const cases: [number, string, string, string][] = [
      [1800, 'JPY', 'JP¥1,800', '1.800\u00a0¥'],
      [1250, 'EUR', '€12.50', '12,50\u00a0€'],
      [1600, 'USD', 'US$16.00', '16,00\u00a0$'],
      [1250, 'KWD', 'KWD\u00a01.250', '1,250\u00a0KWD'],
      [123_456, 'BHD', 'BHD\u00a0123.456', '123,456\u00a0BHD'],
    ];
    for (const [amount, currency, en, de] of cases) {
      assert.equal(formatMoney({ amount, currency }, 'en'), en, currency);
      assert.equal(formatMoney({ amount, currency }, 'de'), de, currency);
    }
  });

  test('short amounts drop zero decimals only, in every currency', () => {
    assert.equal(formatMoney({ amount: 120_000, currency: 'EUR' }, 'en', { short: true }), '€1,200');
    assert.equal(formatMoney({ amount: 120_050, currency: 'EUR' }, 'en', { short: true }), '€1,200.50');
    assert.equal(formatMoney({ amount: 12_000, currency: 'KWD' }, 'en', { short: true }), 'KWD\u00a012');
    assert.equal(formatMoney({ amount: 1800, currency: 'JPY' }, 'de', { short: true }), '1.800\u00a0¥');
  });

  test('a code Intl refuses does not break the page', () => {
    assert.equal(formatMoney({ amount: 1250, currency: 'EU' }, 'en'), '12.50 EU');
  });

  test('typed prices are read in the currency\'s digits, and more decimals than it has are refused', () => {
    assert.equal(toMinor('12,50', 'EUR'), 1250);
    assert.equal(toMinor('12.5', 'EUR'), 1250);
    assert.equal(toMinor('1800', 'JPY'), 1800);
    assert.equal(toMinor('1.25', 'KWD'), 1250);
    assert.equal(toMinor('12.50', 'JPY'), null);
    assert.equal(toMinor('12.505', 'EUR'), null);
    assert.equal(toMinor('abc', 'EUR'), null);
    assert.equal(fromMinor(1800, 'JPY'), '1800');
    assert.equal(fromMinor(1250, 'KWD'), '1.250');
    assert.equal(fromMinor(undefined, 'EUR'), '');
  });
});
