// Abuse limits through HTTP: RATE_LIMIT_PER_MINUTE per client address on sign-in, sign-up and
// password reset. Wrong passwords are throttled per account and address: wrong-passwords.int.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GOOD_PASSWORD, uniqueEmail } from '../../../test/support/accounts.ts';
import { oneBackend } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const PER_MINUTE = 3;
let address = 0;
/** A fresh client address, so per-address limits of one test do not touch another. */
const newAddress = () => `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

for (const backend of oneBackend()) {
  describe(`rate limits on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) } });
    });
    after(() => t.close());

    const post = (url: string, payload: object, remoteAddress: string) =>
      t.request({ method: 'POST', url, payload, remoteAddress });

    const endpoints: [string, string, () => object][] = [
      ['sign-in', '/api/v1/auth/login', () => ({ email: uniqueEmail(), password: 'whatever-it-is-1' })],
      ['sign-up', '/api/v1/auth/register', () => ({ email: uniqueEmail(), password: GOOD_PASSWORD, name: 'Limited' })],
      ['password reset', '/api/v1/auth/password-reset', () => ({ email: uniqueEmail() })],
    ];
    for (const [what, url, body] of endpoints) {
      test(`${what}: RATE_LIMIT_PER_MINUTE per address, then 429 rate_limited with Retry-After until the minute ends`, async () => {
        const ip = newAddress();
        t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / 60_000) * 60_000 + 15_000));
        for (let i = 0; i < PER_MINUTE; i++)
          assert.notEqual((await post(url, body(), ip)).status, 429, `request ${i + 1}`);
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
  });
}
