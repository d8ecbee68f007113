import assert from 'node:assert/strict';
import { test } from 'node:test';
import { typeMatches } from './event-bus.ts';
import { durableName } from './nats-event-bus.ts';

test('event type patterns follow NATS subjects: * one token, > the rest', () => {
  assert.ok(typeMatches('booking.confirmed', 'booking.confirmed'));
  assert.ok(!typeMatches('booking.confirmed', 'booking.cancelled'));
  assert.ok(typeMatches('booking.*', 'booking.confirmed'));
  assert.ok(!typeMatches('booking.*', 'booking.seat.released'));
  assert.ok(!typeMatches('booking.*', 'booking'));
  assert.ok(typeMatches('booking.>', 'booking.seat.released'));
  assert.ok(!typeMatches('booking.>', 'booking'));
  assert.ok(typeMatches('>', 'anything.at.all'));
  assert.ok(typeMatches('*.confirmed', 'payment.confirmed'));
  assert.ok(!typeMatches('payment', 'payment.confirmed'));
});

test('consumer names become valid durable names', () => {
  assert.equal(durableName('notifications.mailer v2'), 'notifications_mailer_v2');
});
