// Sealed values: readable only with the key they were sealed under, and never altered unnoticed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newSealingKey, openWith, sealWith } from './sealed.ts';

const key = newSealingKey();

test('a sealed value opens to the text, and hides it', () => {
  const token = 'Zx3_abcDEF-0123456789abcdefghijklmnopqrstu';
  const sealed = sealWith(key, token);
  assert.ok(!sealed.includes(token));
  assert.equal(openWith(key, sealed), token);
  assert.notEqual(sealWith(key, token), sealed, 'a fresh IV every time');
});

test('a tampered value does not open', () => {
  const sealed = sealWith(key, 'reset-token');
  const parts = sealed.split('.');
  const body = Buffer.from(parts[3] as string, 'base64url');
  body[0] = (body[0] as number) ^ 1;
  const tampered = [parts[0], parts[1], parts[2], body.toString('base64url')].join('.');
  assert.throws(() => openWith(key, tampered));
  const otherTag = [parts[0], parts[1], sealWith(key, 'x').split('.')[2], parts[3]].join('.');
  assert.throws(() => openWith(key, otherTag));
});

test('a value sealed under another key, or not sealed at all, does not open', () => {
  assert.throws(() => openWith(newSealingKey(), sealWith(key, 'token')));
  assert.throws(() => openWith(key, 'plain-token'), /not a sealed value/);
  assert.throws(() => openWith(key, 's1.a.b'), /not a sealed value/);
});
