// Two-factor sign-in through HTTP (issue 19): TOTP enrolment and sign-in, replays, recovery codes,
// throttled wrong codes, turning it off, passkeys with a software authenticator, and the admin's
// requirement that staff and admin have a second factor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import { login, registerUser } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { SoftAuthenticator } from '../../../test/support/soft-authenticator.ts';
import { startOnDatabase, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Role } from './accounts.tables.ts';
import { THROTTLE_WINDOW_MS } from './login-throttle.ts';

let address = 0;
/** A fresh client address per sign-in source, so tests never share a throttle. */
const newAddress = () => `10.19.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

for (const backend of backends()) {
  describe(`two-factor sign-in on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(() => t.close());

    const post = (url: string, payload: object, token?: string, remoteAddress?: string) =>
      t.request({
        method: 'POST',
        url,
        payload,
        ...(token ? { token } : {}),
        ...(remoteAddress ? { remoteAddress } : {}),
      });
    const codeAt = (secret: string, at: Date) =>
      new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
    const codeNow = (secret: string) => codeAt(secret, t.clock.now());
    /** Moves the clock to the start of the next 30-second step, so each code is new. */
    const nextStep = () => t.clock.set(new Date((Math.floor(t.clock.now().getTime() / 30_000) + 1) * 30_000 + 1_000));

    /** A user who signs in with a password, of the given role, with a full session token. */
    async function account(role: Role = 'customer') {
      const user = await registerUser(t, { remoteAddress: newAddress() });
      if (role !== 'customer')
        await t.app.platform.database.db.updateTable('users').set({ role }).where('id', '=', user.id).execute();
      const res = await login(t, user.email, user.password);
      assert.equal(res.status, 200);
      return { ...user, token: res.body.token as string };
    }

    async function withTotp(role: Role = 'customer') {
      const user = await account(role);
      const enrol = await post('/api/v1/me/2fa/totp', {}, user.token);
      assert.equal(enrol.status, 200, enrol.text);
      const secret: string = enrol.body.secret;
      nextStep();
      const confirmed = await post('/api/v1/me/2fa/totp/confirm', { code: codeNow(secret) }, user.token);
      assert.equal(confirmed.status, 200, confirmed.text);
      return { ...user, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
    }

    async function challenge(email: string, password: string, ip = newAddress()) {
      const res = await post('/api/v1/auth/login', { email, password }, undefined, ip);
      assert.equal(res.status, 401, res.text);
      assert.equal(res.body.code, 'second_factor_required');
      assert.equal(res.headers['set-cookie'], undefined, 'no session before the second factor');
      return res.body;
    }

    test('TOTP: enrol with a QR code, confirm with a code, then sign-in needs a code; a code works once', async () => {
      const user = await account();
      const enrol = await post('/api/v1/me/2fa/totp', {}, user.token);
      assert.equal(enrol.status, 200);
      assert.match(enrol.body.uri, /^otpauth:\/\/totp\/Marquee:.+secret=/);
      assert.match(enrol.body.qrCode, /^data:image\/png;base64,/);
      // Not confirmed yet: it does not count, and the password alone still signs in.
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/me/2fa', token: user.token })).body.totp, 'pending');
      assert.equal((await login(t, user.email, user.password)).status, 200);

      nextStep();
      const wrong = await post(
        '/api/v1/me/2fa/totp/confirm',
        { code: '000000' === codeNow(enrol.body.secret) ? '111111' : '000000' },
        user.token,
      );
      assert.equal(wrong.status, 422);
      assert.equal(wrong.body.code, 'invalid_code');
      const confirmed = await post('/api/v1/me/2fa/totp/confirm', { code: codeNow(enrol.body.secret) }, user.token);
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.body.recoveryCodes.length, 10);
      assert.equal(new Set(confirmed.body.recoveryCodes).size, 10);
      const status = await t.request({ method: 'GET', url: '/api/v1/me/2fa', token: user.token });
      assert.deepEqual(status.body, {
        totp: 'enabled',
        recoveryCodesLeft: 10,
        passkeys: 0,
        required: false,
        enrolmentOnly: false,
      });

      // The confirming code was used: it cannot finish a sign-in in its window.
      const first = await challenge(user.email, user.password);
      assert.deepEqual(first.methods, ['totp', 'recovery_code']);
      const replayed = await post('/api/v1/auth/login/second-factor', {
        challenge: first.challenge,
        code: codeNow(enrol.body.secret),
      });
      assert.equal(replayed.status, 401);
      assert.equal(replayed.body.code, 'invalid_second_factor');

      // The previous step's code is still accepted (a slow clock), once.
      nextStep();
      nextStep();
      const previous = codeAt(enrol.body.secret, new Date(t.clock.now().getTime() - 30_000));
      const done = await post('/api/v1/auth/login/second-factor', { challenge: first.challenge, code: previous });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.body.user.id, user.id);
      assert.match(String(done.headers['set-cookie']), /session=/);
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/me', token: done.body.token })).status, 200);
      // The challenge is spent, and the code too.
      const again = await post('/api/v1/auth/login/second-factor', { challenge: first.challenge, code: previous });
      assert.equal(again.body.code, 'challenge_expired');
      const second = await challenge(user.email, user.password);
      const reused = await post('/api/v1/auth/login/second-factor', { challenge: second.challenge, code: previous });
      assert.equal(reused.body.code, 'invalid_second_factor');
      // Two steps away is refused.
      const stale = codeAt(enrol.body.secret, new Date(t.clock.now().getTime() - 60_000));
      const tooOld = await post('/api/v1/auth/login/second-factor', { challenge: second.challenge, code: stale });
      assert.equal(tooOld.status, 401);
    });

    test('recovery codes: each signs in once; new ones replace the old; the challenge expires', async () => {
      const user = await withTotp();
      const [code, other] = user.recoveryCodes as [string, string];
      const c1 = await challenge(user.email, user.password);
      const used = await post('/api/v1/auth/login/second-factor', {
        challenge: c1.challenge,
        recoveryCode: code.toUpperCase(),
      });
      assert.equal(used.status, 200, used.text);
      const c2 = await challenge(user.email, user.password);
      const twice = await post('/api/v1/auth/login/second-factor', { challenge: c2.challenge, recoveryCode: code });
      assert.equal(twice.body.code, 'invalid_second_factor');
      const left = await t.request({ method: 'GET', url: '/api/v1/me/2fa', token: user.token });
      assert.equal(left.body.recoveryCodesLeft, 9);

      const refused = await post('/api/v1/me/2fa/recovery-codes', { password: 'not-the-password' }, user.token);
      assert.equal(refused.status, 403);
      const fresh = await post('/api/v1/me/2fa/recovery-codes', { password: user.password }, user.token);
      assert.equal(fresh.status, 200);
      assert.equal(fresh.body.recoveryCodes.length, 10);
      const oldOne = await post('/api/v1/auth/login/second-factor', { challenge: c2.challenge, recoveryCode: other });
      assert.equal(oldOne.body.code, 'invalid_second_factor', 'the old codes stopped working');

      const both = await post('/api/v1/auth/login/second-factor', {
        challenge: c2.challenge,
        code: '123456',
        recoveryCode: other,
      });
      assert.equal(both.status, 422);
      t.clock.advance(5 * 60_000 + 1_000);
      const late = await post('/api/v1/auth/login/second-factor', {
        challenge: c2.challenge,
        recoveryCode: fresh.body.recoveryCodes[0],
      });
      assert.equal(late.body.code, 'challenge_expired');
      const unknown = await post('/api/v1/auth/login/second-factor', { challenge: 'made-up', code: '123456' });
      assert.equal(unknown.status, 401);
    });

    test('wrong codes are throttled like wrong passwords: three pass, then the source waits', async () => {
      const user = await withTotp();
      t.clock.set(
        new Date((Math.floor(t.clock.now().getTime() / THROTTLE_WINDOW_MS) + 1) * THROTTLE_WINDOW_MS + 60_000),
      );
      const ip = newAddress();
      const c = await challenge(user.email, user.password, ip);
      const right = codeNow(user.secret);
      const wrongCode = right === '000000' ? '111111' : '000000';
      const tryCode = (code: string) =>
        post('/api/v1/auth/login/second-factor', { challenge: c.challenge, code }, undefined, ip);
      for (let i = 1; i <= 4; i++) assert.equal((await tryCode(wrongCode)).status, 401, `wrong code ${i}`);
      const waiting = await tryCode(right);
      assert.equal(waiting.status, 429, 'even the right code waits');
      assert.equal(waiting.headers['retry-after'], '5');
      t.clock.advance(5_000);
      assert.equal((await tryCode(codeNow(user.secret))).status, 200);
    });

    test('wrong codes from many sources: a challenge goes after 5, the account closes after 10 in the window', async () => {
      const user = await withTotp();
      t.clock.set(
        new Date((Math.floor(t.clock.now().getTime() / THROTTLE_WINDOW_MS) + 1) * THROTTLE_WINDOW_MS + 60_000),
      );
      const wrongCode = codeNow(user.secret) === '000000' ? '111111' : '000000';
      // Each try from a new address: no source ever has to wait, only the account-wide rules apply.
      const tryCode = (challengeToken: string, code: string) =>
        post('/api/v1/auth/login/second-factor', { challenge: challengeToken, code }, undefined, newAddress());
      const first = await challenge(user.email, user.password);
      for (let i = 1; i <= 5; i++) assert.equal((await tryCode(first.challenge, wrongCode)).status, 401);
      const gone = await tryCode(first.challenge, codeNow(user.secret));
      assert.equal(gone.body.code, 'challenge_expired', 'the 5th wrong try deleted the challenge');

      const second = await challenge(user.email, user.password);
      for (let i = 1; i <= 4; i++) assert.equal((await tryCode(second.challenge, wrongCode)).status, 401);
      const third = await challenge(user.email, user.password);
      assert.equal((await tryCode(third.challenge, wrongCode)).status, 401, 'the 10th failure');
      const closed = await tryCode(third.challenge, codeNow(user.secret));
      assert.equal(closed.status, 429, 'even the right code from a new address waits for the window to end');
      t.clock.advance(THROTTLE_WINDOW_MS);
      const later = await challenge(user.email, user.password);
      assert.equal((await tryCode(later.challenge, codeNow(user.secret))).status, 200);
    });

    test('a restarted app (no key in memory) signs in with a code: the key is not read inside a transaction', async () => {
      const user = await withTotp();
      const fresh = await startOnDatabase(t.app.platform.database, t.databaseUrl, {
        clock: t.clock,
        env: { RATE_LIMIT_PER_MINUTE: '100000' },
      });
      try {
        const c = await challenge(user.email, user.password);
        nextStep();
        const res = await fresh.request({
          method: 'POST',
          url: '/api/v1/auth/login/second-factor',
          payload: { challenge: c.challenge, code: codeNow(user.secret) },
        });
        assert.equal(res.status, 200, res.text);
      } finally {
        await fresh.close();
      }
    });

    test('turning TOTP off needs the password or a current code; then the password alone signs in', async () => {
      const user = await withTotp();
      const del = (payload: object) =>
        t.request({ method: 'DELETE', url: '/api/v1/me/2fa/totp', payload, token: user.token });
      assert.equal((await del({})).status, 403);
      assert.equal((await del({ code: '12' })).status, 403);
      nextStep();
      assert.equal((await del({ code: codeNow(user.secret) })).status, 204);
      const status = await t.request({ method: 'GET', url: '/api/v1/me/2fa', token: user.token });
      assert.equal(status.body.totp, 'off');
      assert.equal(status.body.recoveryCodesLeft, 0, 'no factor left: no recovery codes');
      assert.equal((await login(t, user.email, user.password)).status, 200);
      assert.equal((await del({ password: user.password })).status, 404);
    });

    test('a code given to re-authenticate is throttled per session: after 4 wrong ones even the right one waits', async () => {
      const user = await withTotp();
      nextStep();
      const right = codeNow(user.secret);
      const wrongCode = right === '000000' ? '111111' : '000000';
      const del = (code: string) =>
        t.request({ method: 'DELETE', url: '/api/v1/me/2fa/totp', payload: { code }, token: user.token });
      for (let i = 1; i <= 4; i++) assert.equal((await del(wrongCode)).status, 403, `wrong code ${i}`);
      const waiting = await t.request({
        method: 'POST',
        url: '/api/v1/me/2fa/recovery-codes',
        payload: { code: right },
        token: user.token,
      });
      assert.equal(waiting.status, 429);
      assert.equal(waiting.headers['retry-after'], '5');
      t.clock.advance(5_000);
      assert.equal((await del(right)).status, 204);
    });

    test('passkeys: a staff member registers one, signs in with it as the second factor, renames and deletes it', async () => {
      const user = await account('staff');
      const authenticator = new SoftAuthenticator(t.config.publicUrl);
      const begun = await post('/api/v1/me/passkeys/options', {}, user.token);
      assert.equal(begun.status, 200, begun.text);
      assert.equal(begun.body.options.rp.id, new URL(t.config.publicUrl).hostname);
      const registered = await post(
        '/api/v1/me/passkeys',
        { ceremony: begun.body.ceremony, response: authenticator.create(begun.body.options), name: 'Desk key' },
        user.token,
      );
      assert.equal(registered.status, 201, registered.text);
      assert.equal(registered.body.passkey.name, 'Desk key');
      assert.equal(registered.body.recoveryCodes.length, 10, 'its first factor brings recovery codes');
      // A ceremony works once.
      const replay = await post(
        '/api/v1/me/passkeys',
        { ceremony: begun.body.ceremony, response: authenticator.create(begun.body.options), name: 'Again' },
        user.token,
      );
      assert.equal(replay.status, 422);
      assert.equal(replay.body.code, 'passkey_rejected');

      const c = await challenge(user.email, user.password);
      assert.deepEqual(c.methods, ['passkey', 'recovery_code']);
      // An assertion over another challenge, or by an unknown key, is refused.
      const forged = authenticator.get({ ...c.passkey, challenge: 'b3RoZXI' });
      const refused = await post('/api/v1/auth/login/second-factor', { challenge: c.challenge, passkey: forged });
      assert.equal(refused.body.code, 'invalid_second_factor');
      const stranger = new SoftAuthenticator(t.config.publicUrl).get(c.passkey);
      assert.equal(
        (await post('/api/v1/auth/login/second-factor', { challenge: c.challenge, passkey: stranger })).status,
        401,
      );
      const signedIn = await post('/api/v1/auth/login/second-factor', {
        challenge: c.challenge,
        passkey: authenticator.get(c.passkey),
      });
      assert.equal(signedIn.status, 200, signedIn.text);

      // The same authenticator (its credential id) cannot be registered to a second account.
      const colleague = await account('staff');
      const theirs = await post('/api/v1/me/passkeys/options', {}, colleague.token);
      const taken = await post(
        '/api/v1/me/passkeys',
        { ceremony: theirs.body.ceremony, response: authenticator.create(theirs.body.options), name: 'Borrowed' },
        colleague.token,
      );
      assert.equal(taken.status, 422, taken.text);
      assert.equal(taken.body.code, 'passkey_rejected');

      const list = await t.request({ method: 'GET', url: '/api/v1/me/passkeys', token: user.token });
      assert.equal(list.body.items.length, 1);
      const id = list.body.items[0].id;
      assert.ok(list.body.items[0].lastUsedAt);
      const renamed = await t.request({
        method: 'PATCH',
        url: `/api/v1/me/passkeys/${id}`,
        payload: { name: 'Till key' },
        token: user.token,
      });
      assert.equal(renamed.body.name, 'Till key');
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/me/passkeys/${id}`, token: user.token })).status,
        204,
      );
      assert.equal((await login(t, user.email, user.password)).status, 200, 'no factor left');

      const customer = await account();
      assert.equal(
        (await post('/api/v1/me/passkeys/options', {}, customer.token)).status,
        403,
        'passkeys are for staff and admin',
      );
    });

    test('the admin requirement: staff without a second factor sign in only to enrol; customers are not affected', async () => {
      const admin = await makeUser(t, { role: 'admin' });
      const staffToken = (await makeUser(t, { role: 'staff' })).token;
      const put = (value: boolean, token: string) =>
        t.request({
          method: 'PUT',
          url: '/api/v1/admin/security',
          payload: { requireSecondFactorForStaff: value },
          token,
        });
      assert.equal((await put(true, staffToken)).status, 403);
      assert.equal((await put(true, admin.token)).status, 200);
      try {
        assert.deepEqual((await t.request({ method: 'GET', url: '/api/v1/admin/security', token: admin.token })).body, {
          requireSecondFactorForStaff: true,
        });
        const customer = await registerUser(t);
        const asCustomer = await login(t, customer.email, customer.password);
        assert.equal(asCustomer.status, 200);
        assert.equal(asCustomer.body.secondFactorEnrolmentRequired, undefined);

        const other = await registerUser(t);
        await t.app.platform.database.db
          .updateTable('users')
          .set({ role: 'admin' })
          .where('id', '=', other.id)
          .execute();
        const limited = await login(t, other.email, other.password);
        assert.equal(limited.status, 200);
        assert.equal(limited.body.secondFactorEnrolmentRequired, true);
        const token: string = limited.body.token;
        const otherSession: string = (await login(t, other.email, other.password)).body.token;
        assert.equal((await t.request({ method: 'GET', url: '/api/v1/me', token: otherSession })).status, 200);
        const users = await t.request({ method: 'GET', url: '/api/v1/users', token });
        assert.equal(users.status, 403);
        assert.equal(users.body.code, 'second_factor_enrolment_required');
        assert.equal((await t.request({ method: 'GET', url: '/api/v1/me', token })).status, 200);
        const status = await t.request({ method: 'GET', url: '/api/v1/me/2fa', token });
        assert.equal(status.body.required, true);
        assert.equal(status.body.enrolmentOnly, true);

        const enrol = await post('/api/v1/me/2fa/totp', {}, token);
        nextStep();
        const confirmed = await post('/api/v1/me/2fa/totp/confirm', { code: codeNow(enrol.body.secret) }, token);
        assert.equal(confirmed.status, 200);
        assert.equal(
          (await t.request({ method: 'GET', url: '/api/v1/users', token })).status,
          200,
          'enrolled: the session opens',
        );
        // Another enrolment-only session (someone else who knew only the password) ends.
        assert.equal(
          (await t.request({ method: 'GET', url: '/api/v1/me', token: otherSession })).status,
          401,
          'the other enrolment-only session was revoked',
        );
        const removeLast = await t.request({
          method: 'DELETE',
          url: '/api/v1/me/2fa/totp',
          payload: { password: other.password },
          token,
        });
        assert.equal(removeLast.status, 409, 'the required last factor stays');
        assert.equal(removeLast.body.code, 'last_second_factor');
      } finally {
        assert.equal((await put(false, admin.token)).status, 200);
      }
    });
  });
}
