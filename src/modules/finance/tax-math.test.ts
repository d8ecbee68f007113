import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allocate, basisPoints, taxIncluded, taxRows, totalsOf } from './tax-math.ts';

test('percent with at most two decimals becomes basis points', () => {
  assert.equal(basisPoints(7), 700);
  assert.equal(basisPoints(5.5), 550);
  assert.equal(basisPoints(19.99), 1999);
  assert.equal(basisPoints(0), 0);
  assert.equal(basisPoints(7.125), null);
  assert.equal(basisPoints(-1), null);
  assert.equal(basisPoints(100.01), null);
});

test('tax contained in a gross amount is rounded half up', () => {
  // 1070 at 7 %: 70 exactly; 1000 at 19 %: 159.66 → 160; 100 at 7 %: 6.54 → 7.
  assert.equal(taxIncluded(1070, 700), 70);
  assert.equal(taxIncluded(1000, 1900), 160);
  assert.equal(taxIncluded(100, 700), 7);
  assert.equal(taxIncluded(0, 700), 0);
  assert.equal(taxIncluded(500, 0), 0);
  // 107 at 7 % is 7 exactly; 15 at 7 % is 0.98 → 1; 7.5 rounds up: 115 × 7/107 = 7.52 → 8.
  assert.equal(taxIncluded(15, 700), 1);
  assert.equal(taxIncluded(115, 700), 8);
});

test('a discount is spread over lines in proportion and adds up exactly', () => {
  assert.deepEqual(allocate(100, [1200, 1200, 1200]), [34, 33, 33]);
  assert.deepEqual(allocate(0, [5, 5]), [0, 0]);
  assert.deepEqual(allocate(250, [1000, 0, 1500]), [100, 0, 150]);
  const shares = allocate(997, [1234, 877, 1999, 5]);
  assert.equal(
    shares.reduce((a, b) => a + b, 0),
    997,
  );
});

test('tax rows group by rate, lowest first, net + tax = gross', () => {
  const rows = taxRows([
    { rateBp: 1900, gross: 1000 },
    { rateBp: 700, gross: 1200 },
    { rateBp: 700, gross: 966 },
  ]);
  assert.deepEqual(rows, [
    { rate: 7, net: 2024, tax: 142, gross: 2166 },
    { rate: 19, net: 840, tax: 160, gross: 1000 },
  ]);
  assert.deepEqual(totalsOf(rows), { net: 2864, tax: 302, gross: 3166 });
});
