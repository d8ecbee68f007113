// The ISO 4217 table the server and the web app both read money digits from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ISO_4217_MINOR_UNITS, isIso4217Currency, minorDigits } from './iso-4217.ts';

test('the currencies whose minor units are not two are exactly those ISO 4217 lists', () => {
  const byDigits = new Map<number, string[]>();
  for (const [code, digits] of ISO_4217_MINOR_UNITS)
    if (digits !== 2) byDigits.set(digits, [...(byDigits.get(digits) ?? []), code]);
  assert.deepEqual(Object.fromEntries([...byDigits].map(([d, codes]) => [d, codes.sort().join(' ')])), {
    0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
    3: 'BHD IQD JOD KWD LYD OMR TND',
    4: 'CLF UYW',
  });
  assert.deepEqual(['HUF', 'IDR', 'LBP', 'IQD', 'JPY', 'KWD', 'EUR'].map(minorDigits), [2, 2, 2, 3, 0, 3, 2]);
});

test('every entry is a three-letter upper-case code, listed once', () => {
  assert.equal(ISO_4217_MINOR_UNITS.size, 167);
  for (const code of ISO_4217_MINOR_UNITS.keys()) assert.match(code, /^[A-Z]{3}$/);
});

test('only current codes with minor units are currencies to price in', () => {
  for (const code of ['EUR', 'USD', 'JPY', 'HUF', 'IQD', 'CLF', 'XCG', 'ZWG']) assert.ok(isIso4217Currency(code), code);
  // Unknown, lower case, withdrawn (HRK 2023, SLL, ZWL 2024), or without minor units (gold, SDR, test, none).
  for (const code of ['XYZ', 'eur', 'EURO', 'E1R', 'HRK', 'SLL', 'ZWL', 'XAU', 'XDR', 'XTS', 'XXX', ''])
    assert.ok(!isIso4217Currency(code), code);
});
