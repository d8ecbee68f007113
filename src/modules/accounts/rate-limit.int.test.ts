// Abuse limits through HTTP: RATE_LIMIT_PER_MINUTE per client address on sign-in, sign-up and
// password reset; at most 10 wrong passwords per account in 15 minutes, whatever the address.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GOOD_PASSWORD, registerUser, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const PER_MINUTE = 3;
let address = 0;
/** A fresh client address, so per-address limits of one test do not touch another. */
const newAddress = () => `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

for (const backend of backends()) {
  describe(`rate limits on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) } });
    });
    after(() => t.close());

    const post = (url: string, payload: object, remoteAddress: string) => t.request({ method: 'POST', url, payload, remoteAddress });

    const endpoints: [string, string, () => object][] = [
      ['sign-in', '/api/v1/auth/login', () => ({ email: uniqueEmail(), password: 'whatever-it-is-1' })],
      ['sign-up', '/api/v1/auth/register', () => ({ email: uniqueEmail(), password: GOOD_PASSWORD, name: 'Limited' })],
      ['password reset', '/api/v1/auth/password-reset', () => ({ email: uniqueEmail() })],
    ];
    for (const [what, url, body] of endpoints) {
      test(`${what}: RATE_LIMIT_PER_MINUTE per address, then 429 rate_limited with Retry-After until the minute ends`, async () => {
        const ip = newAddress();
        t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / 60_000) * 60_000 + 15_000));
        for (let i = 0; i < PER_MINUTE; i++) assert.notEqual((await post(url, body(), ip)).status, 429, `request ${i + 1}`);
        const limited = await post(url, body(), ip);
        assert.equal(limited.status, 429);
        assert.equal(limited.body.code, 'rate_limited');
        assert.match(String(limited.headers['content-type']), /problem\+json/);
        assert.equal(limited.headers['retry-after'], '45');
        assert.notEqual((await post(url, body(), newAddress())).status, 429, 'another address is not limited');
        t.clock.advance(45_000);
        assert.notEqual((await post(url, body(), ip)).status, 429, 'a new minute');
      });
    }

    test('10 wrong passwords for one account from anywhere, then 429 even with the right one until 15 minutes pass', async () => {
      const user = await registerUser(t, { remoteAddress: newAddress() });
      const other = await registerUser(t, { remoteAddress: newAddress() });
      t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / 900_000) * 900_000 + 60_000));
      for (let i = 0; i < 10; i++) {
        const res = await post('/api/v1/auth/login', { email: user.email, password: `wrong-password-${i}` }, newAddress());
        assert.equal(res.status, 401, `attempt ${i + 1}`);
      }
      const locked = await post('/api/v1/auth/login', { email: user.email.toUpperCase(), password: user.password }, newAddress());
      assert.equal(locked.status, 429);
      assert.equal(locked.body.code, 'rate_limited');
      assert.equal(locked.headers['retry-after'], String(14 * 60));
      assert.equal((await post('/api/v1/auth/login', { email: other.email, password: other.password }, newAddress())).status, 200, 'other accounts are not locked');
      t.clock.advance(14 * 60_000);
      assert.equal((await post('/api/v1/auth/login', { email: user.email, password: user.password }, newAddress())).status, 200);
    });

    test('an unknown email is limited the same way (the 429 reveals nothing)', async () => {
      const ghost = uniqueEmail('ghost');
      for (let i = 0; i < 10; i++) await post('/api/v1/auth/login', { email: ghost, password: `wrong-password-${i}` }, newAddress());
      const res = await post('/api/v1/auth/login', { email: ghost, password: 'anything-at-all-1' }, newAddress());
      assert.equal(res.status, 429);
    });
  });
}
