// The web app's money: amounts in each currency's own minor units (ISO 4217), shown in the
// reader's language, and prices typed by staff read back in those units.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ISO_4217_MINOR_UNITS } from '../../src/platform/iso-4217.ts';
import { formatMoney as serverFormatMoney } from '../../src/platform/money.ts';
import { decimalAmount, formatMoney, minorDigits } from '../../web/src/i18n/format.ts';
import { fromMinor, toMinor } from '../../web/src/staff/schedule/prices.ts';

describe('web money', () => {
  test('minor units per currency (ISO 4217, not ICU): JPY 0, EUR, USD, HUF and IDR 2, KWD, BHD and IQD 3', () => {
    assert.deepEqual(
      ['JPY', 'EUR', 'USD', 'HUF', 'IDR', 'KWD', 'BHD', 'IQD'].map(minorDigits),
      [0, 2, 2, 2, 2, 3, 3, 3],
    );
    assert.equal(decimalAmount(1800, 'JPY'), '1800');
    assert.equal(decimalAmount(1250, 'KWD'), '1.250');
    assert.equal(decimalAmount(-5, 'EUR'), '-0.05');
    assert.equal(decimalAmount(123_456, 'HUF'), '1234.56');
  });

  test('the web app and the server read the same amount the same way in every ISO 4217 currency', () => {
    for (const [currency, digits] of ISO_4217_MINOR_UNITS) {
      assert.equal(minorDigits(currency), digits, currency);
      // Below one major unit, so no group separator: "¥7", "€0.07", "KWD 0.007", "CLF 0.0007".
      const amount = 7;
      const text = formatMoney({ amount, currency }, 'en');
      const tail = (s: string) => /[.,](\d+)\D*$/.exec(s)?.[1]?.length ?? 0;
      assert.equal(tail(text), digits, `${currency}: ${text}`);
      assert.equal(tail(serverFormatMoney(amount, currency)), digits, currency);
    }
  });

  test('display amounts in English and German, with the symbol locals read ($, not US$)', () => {
    const cases: [number, string, string, string][] = [
      [1800, 'JPY', '¥1,800', '1.800\u00a0¥'],
      [1250, 'EUR', '€12.50', '12,50\u00a0€'],
      [1600, 'USD', '$16.00', '16,00\u00a0$'],
      [1250, 'KWD', 'KWD\u00a01.250', '1,250\u00a0KWD'],
      [123_456, 'BHD', 'BHD\u00a0123.456', '123,456\u00a0BHD'],
      [123_456, 'HUF', 'Ft\u00a01,234.56', '1.234,56\u00a0Ft'],
      [1_500_000, 'IDR', 'Rp\u00a015,000.00', '15.000,00\u00a0Rp'],
      [1250, 'IQD', 'IQD\u00a01.250', '1,250\u00a0IQD'],
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

  test("typed prices are read in the currency's digits, and more decimals than it has are refused", () => {
    assert.equal(toMinor('12,50', 'EUR'), 1250);
    assert.equal(toMinor('12.5', 'EUR'), 1250);
    assert.equal(toMinor('1800', 'JPY'), 1800);
    assert.equal(toMinor('1.25', 'KWD'), 1250);
    assert.equal(toMinor('12.50', 'JPY'), null);
    assert.equal(toMinor('1234.56', 'HUF'), 123_456);
    assert.equal(toMinor('1.25', 'IQD'), 1250);
    assert.equal(toMinor('12.505', 'EUR'), null);
    assert.equal(toMinor('abc', 'EUR'), null);
    assert.equal(fromMinor(1800, 'JPY'), '1800');
    assert.equal(fromMinor(1250, 'KWD'), '1.250');
    assert.equal(fromMinor(undefined, 'EUR'), '');
  });
});
