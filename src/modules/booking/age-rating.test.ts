import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minimumAge, typeAllowedForRating } from './age-rating.ts';

test('age ratings read as the youngest age they admit', () => {
  const cases: [string | null, number | null][] = [
    ['12', 12],
    ['FSK 16', 16],
    ['fsk 0', 0],
    ['PG-13', 13],
    ['R', 17],
    ['NC-17', 18],
    ['18+', 18],
    ['PG', null],
    ['G', null],
    [null, null],
  ];
  for (const [rating, age] of cases) assert.equal(minimumAge(rating), age, String(rating));
});

test('a type is refused when its maxAge is below the rating', () => {
  assert.equal(typeAllowedForRating(11, 'FSK 16'), false);
  assert.equal(typeAllowedForRating(11, 'PG-13'), false);
  assert.equal(typeAllowedForRating(11, '6'), true);
  assert.equal(typeAllowedForRating(11, 'PG'), true);
  assert.equal(typeAllowedForRating(null, '18'), true);
  assert.equal(typeAllowedForRating(16, '16'), true);
});
