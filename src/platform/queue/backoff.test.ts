// The platform's backoff arithmetic: doubling from the first wait up to the cap, and full jitter that
// stays within (0, that wait] and is never 0.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { exponentialDelayMs, jitteredDelayMs } from './backoff.ts';

describe('backoff', () => {
  test('doubles from the first wait and stops at the cap', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => exponentialDelayMs(10_000, 3_600_000, n)),
      [10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000, 1_280_000, 2_560_000],
    );
    assert.equal(exponentialDelayMs(10_000, 3_600_000, 10), 3_600_000);
    assert.equal(exponentialDelayMs(10_000, 3_600_000, 5000), 3_600_000, 'no overflow after many failures');
    assert.equal(exponentialDelayMs(10_000, 3_600_000, 0), 10_000, 'a count below 1 is the first wait');
  });

  test('full jitter stays between 1 ms and the exponential wait', () => {
    const backoff = { firstMs: 10_000, maxMs: 3_600_000 };
    assert.equal(
      jitteredDelayMs(backoff, 1, () => 0),
      1,
      'never 0: a retry is never due the instant it failed',
    );
    assert.equal(
      jitteredDelayMs(backoff, 1, () => 0.5),
      5000,
    );
    assert.equal(
      jitteredDelayMs(backoff, 3, () => 0.999999),
      39_999,
    );
    assert.equal(
      jitteredDelayMs(backoff, 40, () => 0.999999),
      3_599_996,
    );
    for (let n = 1; n <= 20; n++) {
      for (let i = 0; i < 200; i++) {
        const d = jitteredDelayMs(backoff, n);
        assert.ok(d >= 1 && d <= exponentialDelayMs(10_000, 3_600_000, n), `attempt ${n}: ${d}`);
      }
    }
  });
});
