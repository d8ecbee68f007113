import assert from 'node:assert/strict';
import { test } from 'node:test';
import { admissionProblem, guestKey, sessionKey, signAdmission } from './admission-token.ts';

const now = new Date('2030-01-01T12:00:00Z');
const claims = { visitId: 'v1', roomId: 'st1', holder: sessionKey('sess1'), expiresAt: now.getTime() / 1000 + 60 };
const expect = { roomId: 'st1', holder: sessionKey('sess1'), now };

test('a signed token admits its holder to its showtime until it expires', () => {
  const token = signAdmission('secret', claims);
  assert.equal(admissionProblem('secret', token, expect), null);
  assert.equal(
    admissionProblem('secret', token, { ...expect, now: new Date(now.getTime() + 61_000) }),
    'expired admission token',
  );
  assert.equal(admissionProblem('secret', token, { ...expect, roomId: 'st2' }), 'admission token of another showtime');
  assert.equal(
    admissionProblem('secret', token, { ...expect, holder: sessionKey('sess2') }),
    'admission token of another session or guest',
  );
});

test('forged, tampered and missing tokens are refused', () => {
  const token = signAdmission('secret', claims);
  assert.equal(admissionProblem('other', token, expect), 'forged admission token');
  const [payload, mac] = token.split('.');
  const tampered = Buffer.from(JSON.stringify(['v1', 'st1', sessionKey('sess1'), 9e9])).toString('base64url');
  assert.equal(admissionProblem('secret', `${tampered}.${mac}`, expect), 'forged admission token');
  assert.equal(admissionProblem('secret', `${payload}`, expect), 'malformed admission token');
  assert.equal(admissionProblem('secret', undefined, expect), 'no admission token');
});

test('guest keys ignore case and spaces and carry no address', () => {
  assert.equal(guestKey(' Ann@Example.com '), guestKey('ann@example.com'));
  assert.ok(!guestKey('ann@example.com').includes('ann'));
});
