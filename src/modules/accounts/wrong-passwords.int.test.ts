// Wrong passwords are throttled per account and source (login-throttle.ts), so guessing is slowed
// but nobody can lock the owner out: not from ten addresses, not for staff or admin accounts, not
// from the guesser's own address when the owner's browser has signed in before. The owner is told
// once; an unknown email behaves the same (a 429 reveals nothing).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, mailsTo, registerUser, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp, type TestResponse } from '../../../test/support/test-app.ts';
import { THROTTLE_WINDOW_MS } from './login-throttle.ts';

let address = 0;
/** A fresh client address, so one test's sources never touch another's. */
const newAddress = () => `10.7.${Math.floor(++address / 250)}.${(address % 250) + 1}`;
const NOTICE = 'Wrong passwords were tried on your account';

for (const backend of backends()) {
  describe(`wrong passwords on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(() => t.close());

    const signIn = (email: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
      t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress, headers });
    const notices = async (email: string) => (await mailsTo(t, email)).filter((m) => m.subject === NOTICE).length;
    /** Starts the test a minute into a fresh throttle window, so its sums do not straddle two. */
    const freshWindow = () =>
      t.clock.set(
        new Date((Math.floor(t.clock.now().getTime() / THROTTLE_WINDOW_MS) + 1) * THROTTLE_WINDOW_MS + 60_000),
      );
    const deviceCookie = (res: TestResponse) => {
      const header = res.headers['set-cookie'];
      const found = (Array.isArray(header) ? header : [String(header)]).find((c) => c.startsWith('device='));
      return found?.split(';')[0];
    };

    for (const role of ['customer', 'staff', 'admin'] as const) {
      test(`${role}: ten wrong passwords from ten addresses, then the right one from a fresh address signs in; the owner is told once`, async () => {
        const user = await registerUser(t, { remoteAddress: newAddress() });
        await t.app.platform.database.db.updateTable('users').set({ role }).where('id', '=', user.id).execute();
        freshWindow();
        const guessers = Array.from({ length: 10 }, newAddress);
        for (const [i, ip] of guessers.entries())
          assert.equal((await signIn(user.email, `wrong-password-${i}`, ip)).status, 401, `guess ${i + 1}`);
        const owner = await signIn(user.email.toUpperCase(), user.password, newAddress());
        assert.equal(owner.status, 200, 'the owner is not locked out');
        assert.equal(owner.body.user.role, role);
        const slowed = await signIn(user.email, 'wrong-password-again', guessers[9] as string);
        assert.equal(slowed.status, 429, 'a guesser of an account under attack waits from its first failure');
        assert.equal(slowed.body.code, 'rate_limited');
        assert.equal(slowed.headers['retry-after'], '5');
        assert.equal(await notices(user.email), 1);
        for (let i = 0; i < 10; i++) await signIn(user.email, `more-guessing-${i}`, newAddress());
        t.clock.advance(THROTTLE_WINDOW_MS);
        for (let i = 0; i < 10; i++) await signIn(user.email, `next-window-${i}`, newAddress());
        assert.equal(await notices(user.email), 1, 'one notice, not one per attempt or per window');
        assert.equal((await signIn(user.email, user.password, newAddress())).status, 200);
      });
    }

    /** Guesses from one address, waiting out every Retry-After, until it is shut out; the waits it was told. */
    async function guessUntilShutOut(email: string, ip: string): Promise<string[]> {
      const waits: string[] = [];
      for (let guess = 0; guess < 20; guess++) {
        const res = await signIn(email, `wrong-password-${guess}`, ip);
        if (res.status === 401) continue;
        assert.equal(res.status, 429);
        const wait = String(res.headers['retry-after']);
        waits.push(wait);
        if (waits.length > 6) return waits;
        t.clock.advance(Number(wait) * 1000);
      }
      return waits;
    }

    test('one address guessing waits longer after each wrong password past the third, and after the 10th until the window ends', async () => {
      const user = await registerUser(t, { remoteAddress: newAddress() });
      freshWindow();
      const ip = newAddress();
      const waits = await guessUntilShutOut(user.email, ip);
      // 3 free, then 5 s doubling; the 10th failure (at 1 min + 315 s into the window) closes it.
      assert.deepEqual(waits, ['5', '10', '20', '40', '80', '160', String(15 * 60 - 60 - 315)]);
      assert.equal((await signIn(user.email, user.password, ip)).status, 429, 'the right password too, from there');
      assert.equal((await signIn(user.email, user.password, newAddress())).status, 200, 'from anywhere else it works');
    });

    test('a browser that signed in before is never held back by guesses, even from its own address', async () => {
      const user = await registerUser(t, { remoteAddress: newAddress() });
      const home = newAddress();
      const first = await signIn(user.email, user.password, home);
      const cookie = deviceCookie(first);
      assert.match(cookie ?? '', /^device=[A-Za-z0-9_-]{43}$/);
      const attributes = String((first.headers['set-cookie'] as string[]).find((c) => c.startsWith('device=')));
      for (const attribute of [/Max-Age=15552000\b/, /Path=\/api\/v1\/auth\/login\b/, /HttpOnly/, /SameSite=Lax/])
        assert.match(attributes, attribute);
      freshWindow();
      await guessUntilShutOut(user.email, home);
      assert.equal((await signIn(user.email, user.password, home)).status, 429, 'the shared address is shut out');
      const known = await signIn(user.email, user.password, home, { cookie: cookie as string });
      assert.equal(known.status, 200, 'the known browser signs in');
      assert.equal(deviceCookie(known), cookie, 'and keeps its device cookie');
      const other = await registerUser(t, { remoteAddress: newAddress() });
      freshWindow();
      await guessUntilShutOut(other.email, home);
      const stranger = await signIn(other.email, other.password, home, { cookie: cookie as string });
      assert.equal(stranger.status, 429, 'a device cookie counts only for the accounts it signed in to');
    });

    test('an account remembers its 20 most recent browsers at most (clients without cookies make a new one each time)', async () => {
      const user = await registerUser(t, { remoteAddress: newAddress() });
      const first = deviceCookie(await signIn(user.email, user.password, newAddress())) as string;
      for (let i = 0; i < 24; i++) {
        t.clock.advance(1000);
        assert.equal((await signIn(user.email, user.password, newAddress())).status, 200);
      }
      const kept = await t.app.platform.database.db
        .selectFrom('login_devices')
        .select('device_hash')
        .where('user_id', '=', user.id)
        .execute();
      assert.equal(kept.length, 20);
      t.clock.advance(1000);
      const again = await signIn(user.email, user.password, newAddress(), { cookie: first });
      assert.equal(deviceCookie(again), first, 'a forgotten browser keeps its cookie and is known again from now on');
    });

    test('an unknown email is throttled exactly like a real one (the 429 reveals nothing)', async () => {
      const user = await registerUser(t, { remoteAddress: newAddress() });
      freshWindow();
      const real = await guessUntilShutOut(user.email, newAddress());
      freshWindow();
      const ghost = await guessUntilShutOut(uniqueEmail('ghost'), newAddress());
      assert.deepEqual(ghost, real);
    });

    test('a signed-in password check is throttled per session; signing in elsewhere is not held back', async () => {
      const user = await registerUser(t, { remoteAddress: newAddress() });
      const session = await login(t, user.email, user.password);
      freshWindow();
      const change = () =>
        t.request({
          method: 'POST',
          url: '/api/v1/me/password',
          payload: { currentPassword: 'not-my-password-1', newPassword: 'amber-Lantern-58-river' },
          token: session.body.token,
        });
      for (let i = 0; i < 3; i++) assert.equal((await change()).status, 403);
      assert.equal((await change()).status, 403);
      const waiting = await change();
      assert.equal(waiting.status, 429);
      assert.equal(waiting.headers['retry-after'], '5');
      assert.equal(
        (await signIn(user.email, user.password, newAddress())).status,
        200,
        'sign-in elsewhere is not held back',
      );
    });
  });
}
