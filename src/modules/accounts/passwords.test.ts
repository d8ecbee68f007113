// The password policy and hashing, without a database.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import bcrypt from 'bcryptjs';
import { createPasswordHasher, passwordWeakness } from './passwords.ts';

test('at least 10 characters (code points, not UTF-16 units) and not a common password', () => {
  assert.match(String(passwordWeakness('short')), /at least 10/);
  assert.match(
    String(passwordWeakness('🎬🎬🎬🎬🎬')),
    /at least 10/,
    'five emoji are ten UTF-16 units but five characters',
  );
  assert.equal(passwordWeakness('🎬🎬🎬🎬🎬🎬🎬🎬🎬🎬'), null);
  for (const common of ['1234567890', 'qwertyuiop', 'Password123', 'iloveyou12'])
    assert.match(String(passwordWeakness(common)), /commonly used/, common);
  assert.equal(passwordWeakness('tangerine-Lamp-42-orbit'), null);
});

test('argon2id hashes verify; other costs and bcrypt hashes want re-hashing; a missing hash fails', async () => {
  const hasher = createPasswordHasher({ memoryKiB: 1024, timeCost: 1 });
  const hash = await hasher.hash('tangerine-Lamp-42-orbit');
  assert.match(hash, /^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
  assert.equal(await hasher.verify(hash, 'tangerine-Lamp-42-orbit'), true);
  assert.equal(await hasher.verify(hash, 'tangerine-Lamp-42-orbiT'), false);
  assert.equal(hasher.needsRehash(hash), false);
  assert.equal(createPasswordHasher({ memoryKiB: 2048, timeCost: 1 }).needsRehash(hash), true);
  const legacy = bcrypt.hashSync('tangerine-Lamp-42-orbit', 4);
  assert.equal(await hasher.verify(legacy, 'tangerine-Lamp-42-orbit'), true);
  assert.equal(hasher.needsRehash(legacy), true);
  assert.equal(await hasher.verify(null, 'anything'), false);
  assert.equal(await hasher.verify('garbage', 'anything'), false);
});
