import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hashGiftCode,
  newGiftCode,
  normalizeGiftCode,
  sameGiftHash,
  sealGiftCode,
  unsealGiftCode,
} from './gift-code.ts';

test('codes are 20 Crockford characters in five groups, and differ', () => {
  const a = newGiftCode();
  assert.match(a, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
  assert.notEqual(a, newGiftCode());
});

test('a typed code is normalised: case, dashes, spaces and look-alikes', () => {
  const code = 'ABCD-EFGH-JKMN-PQRS-TV01';
  assert.equal(normalizeGiftCode(' abcd efgh-jkmn-pqrs-tvoi '), code.replace(/-/g, ''));
  assert.equal(normalizeGiftCode('ABCD'), null);
  assert.equal(normalizeGiftCode('ABCD-EFGH-JKMN-PQRS-TVU1'), null);
});

test('hashes depend on the secret and compare in constant time', () => {
  const a = hashGiftCode('s1', 'X'.repeat(20));
  assert.equal(a.lookup, a.hash.slice(0, 10));
  assert.notEqual(a.hash, hashGiftCode('s2', 'X'.repeat(20)).hash);
  assert.ok(sameGiftHash(a.hash, hashGiftCode('s1', 'X'.repeat(20)).hash));
  assert.ok(!sameGiftHash(a.hash, hashGiftCode('s1', 'Y'.repeat(20)).hash));
  assert.ok(!sameGiftHash(a.hash, 'abcd'));
});

test('a sealed code opens only with its secret and for its card', () => {
  const sealed = sealGiftCode('secret', 'CODE', 'card-1');
  assert.ok(!sealed.includes('CODE'));
  assert.equal(unsealGiftCode('secret', sealed, 'card-1'), 'CODE');
  assert.throws(() => unsealGiftCode('secret', sealed, 'card-2'));
  assert.throws(() => unsealGiftCode('other', sealed, 'card-1'));
});
