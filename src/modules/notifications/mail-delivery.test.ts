// Pure rules of mail delivery.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linksIn } from '../../platform/mail/transport.ts';
import { MAX_ATTEMPTS, retryDelayMs } from './mail-delivery.ts';

test('retries back off exponentially from 30 s and stop growing at an hour', () => {
  assert.deepEqual([1, 2, 3, 4].map(retryDelayMs), [30_000, 60_000, 120_000, 240_000]);
  assert.equal(retryDelayMs(20), 3_600_000);
  const total = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0);
  assert.ok(total > 12 * 3_600_000, 'a message is retried for more than half a day before giving up');
});

test('links are found in a text body, once each', () => {
  const text =
    'Open https://box.test/verify-email?token=abc_-1 now.\nOr http://x.test/a and https://box.test/verify-email?token=abc_-1';
  assert.deepEqual(linksIn(text), ['https://box.test/verify-email?token=abc_-1', 'http://x.test/a']);
});
