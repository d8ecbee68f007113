import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, isKnownTimeZone, localDateOf, zonedTimeToInstant } from './zoned-time.ts';

test('time zones: IANA names and aliases pass, offsets and nonsense do not', () => {
  for (const tz of ['Europe/Berlin', 'America/New_York', 'UTC', 'Etc/GMT+1', 'Europe/Lisbon'])
    assert.ok(isKnownTimeZone(tz), tz);
  for (const tz of ['+01:00', 'Mars/Olympus', '', 'Europe/Berlin; drop', 'GMT+01:00', '../etc'])
    assert.ok(!isKnownTimeZone(tz), tz);
});

test('wall-clock times become instants across DST changes in Berlin', () => {
  // 2026-03-29: clocks go 02:00 → 03:00 (UTC+1 → UTC+2).
  assert.equal(zonedTimeToInstant('2026-03-29', '01:30', 'Europe/Berlin').toISOString(), '2026-03-29T00:30:00.000Z');
  assert.equal(zonedTimeToInstant('2026-03-29', '23:30', 'Europe/Berlin').toISOString(), '2026-03-29T21:30:00.000Z');
  assert.equal(zonedTimeToInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString(), '2026-03-29T01:30:00.000Z');
  // 2026-10-25: clocks go 03:00 → 02:00 (UTC+2 → UTC+1).
  assert.equal(zonedTimeToInstant('2026-10-25', '01:30', 'Europe/Berlin').toISOString(), '2026-10-24T23:30:00.000Z');
  assert.equal(zonedTimeToInstant('2026-10-25', '23:30', 'Europe/Berlin').toISOString(), '2026-10-25T22:30:00.000Z');
  assert.equal(zonedTimeToInstant('2026-07-01', '20:00', 'America/New_York').toISOString(), '2026-07-02T00:00:00.000Z');
});

test('the local date of an instant', () => {
  assert.equal(localDateOf(new Date('2026-03-28T23:30:00Z'), 'Europe/Berlin'), '2026-03-29');
  assert.equal(localDateOf(new Date('2026-03-28T23:30:00Z'), 'Europe/Lisbon'), '2026-03-28');
  assert.equal(addDays('2026-02-28', 1), '2026-03-01');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
});
