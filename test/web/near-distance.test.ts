// "Cinemas near me" shows each distance with one decimal in the reader's language (issue 20 review):
// German and French write a decimal comma, English a point.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDistanceKm } from '../../web/src/i18n/format.ts';

test('a distance reads with one decimal, in the language on screen', () => {
  assert.equal(formatDistanceKm(2.46, 'en'), '2.5');
  assert.equal(formatDistanceKm(2.46, 'de'), '2,5');
  assert.equal(formatDistanceKm(2.46, 'fr'), '2,5');
  assert.equal(formatDistanceKm(1234.5, 'de'), '1.234,5');
  assert.equal(formatDistanceKm(0, 'en'), '0.0');
});
