// Pure logic of issue 18's pages: the staff's on-sale moment on the cinema's clock, and when a
// waiting list entry is polled.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeId, onSaleInstant } from '../../web/src/staff/waiting-room/on-sale.ts';
import { liveEntry, WAITLIST_REFRESH_MS, waitlistRefresh } from '../../web/src/waitlist/waitlist-model.ts';

test('the on-sale moment is read on the cinema’s clock, DST included, and only once whole', () => {
  assert.equal(onSaleInstant('2026-07-01', '10:00', 'Europe/Berlin'), '2026-07-01T08:00:00Z');
  assert.equal(onSaleInstant('2026-12-01', '10:00', 'Europe/Berlin'), '2026-12-01T09:00:00Z');
  assert.equal(onSaleInstant('2026-12-01', '10:00', 'America/New_York'), '2026-12-01T15:00:00Z');
  assert.equal(onSaleInstant('2026-12-01', '', 'Europe/Berlin'), null);
  assert.equal(onSaleInstant('', '10:00', 'Europe/Berlin'), null);
  assert.equal(looksLikeId(' 6f1c7f0a-3b7c-4f0a-9f63-0c2b7b1e0a01 '), true);
  assert.equal(looksLikeId('6f1c7f0a'), false);
});

test('a waiting list entry is polled while it waits or is offered, and not after', () => {
  for (const status of ['waiting', 'offered'] as const) {
    assert.equal(liveEntry({ status }), true);
    assert.equal(waitlistRefresh([{ status: 'cancelled' }, { status }]), WAITLIST_REFRESH_MS);
  }
  for (const status of ['claimed', 'expired', 'cancelled'] as const) assert.equal(liveEntry({ status }), false);
  assert.equal(waitlistRefresh([{ status: 'claimed' }]), false);
  assert.equal(waitlistRefresh(undefined), false);
});
