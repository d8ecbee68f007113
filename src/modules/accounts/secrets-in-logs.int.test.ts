// Passwords and tokens never reach the logs: every accounts flow is run with pino at trace level and
// its whole output searched for each secret used.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as OTPAuth from 'otpauth';
import { uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { type LoggedApp, startLoggedApp } from '../../../test/support/captured-logs.ts';
import { deliverMail, receivedToken } from '../../../test/support/mail.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/support/smtp-receiver.ts';

for (const backend of backends()) {
  describe(`secrets in logs on ${backend.name}`, () => {
    let t: LoggedApp;
    let receiver: SmtpReceiver;
    before(async () => {
      receiver = await startSmtpReceiver();
      t = await startLoggedApp(backend, { SMTP_URL: receiver.url, RATE_LIMIT_PER_MINUTE: '100000' });
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    test('no password, session token, verification or reset token appears in any log line', async () => {
      const secrets: string[] = [];
      const email = uniqueEmail('secretive');
      const password = 'Secret-Passphrase-1-zebra';
      const newPassword = 'Other-Passphrase-2-yak';
      const finalPassword = 'Final-Passphrase-3-gnu';
      secrets.push(password, newPassword, finalPassword);
      const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
        t.request({ method: 'POST', url, payload, headers });

      assert.equal((await post('/api/v1/auth/register', { email, password, name: 'Quiet' })).status, 201);
      await post('/api/v1/auth/register', { email, password, name: 'Quiet' });
      await post('/api/v1/auth/register', { email: uniqueEmail(), password: 'short', name: 'Weak' });
      await post('/api/v1/auth/login', { email, password: `${password}-wrong` });
      const signedIn = await post('/api/v1/auth/login', { email, password }, { 'user-agent': 'LogTest' });
      const token: string = signedIn.body.token;
      secrets.push(token);
      await t.request({ method: 'GET', url: '/api/v1/me', token });
      await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie: `session=${token}` } });
      await t.request({
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { name: 'x' },
        headers: { cookie: `session=${token}` },
      });
      await post('/api/v1/auth/register', { email, password, name: 'x' }, { authorization: `Bearer ${token}` });
      await t.request({
        method: 'POST',
        url: '/api/v1/me/password',
        payload: { currentPassword: password, newPassword },
        token,
      });
      await t.request({
        method: 'POST',
        url: '/api/v1/me/password',
        payload: { currentPassword: 'nope-nope-nope', newPassword },
        token,
      });
      await deliverMail(t);
      const verifyToken = receivedToken(receiver, email, '/verify-email');
      secrets.push(verifyToken);
      await post('/api/v1/auth/verify-email', { token: verifyToken });
      await post('/api/v1/auth/verify-email', { token: verifyToken });
      await post('/api/v1/auth/password-reset', { email });
      await deliverMail(t);
      const resetToken = receivedToken(receiver, email, '/reset-password');
      secrets.push(resetToken);
      await post('/api/v1/auth/password-reset/confirm', { token: resetToken, password: 'weak' });
      await post('/api/v1/auth/password-reset/confirm', { token: resetToken, password: finalPassword });
      await post('/api/v1/auth/password-reset/confirm', { token: resetToken, password: finalPassword });
      await t.request({ method: 'GET', url: '/api/v1/me', token });
      await post('/api/v1/auth/login', { email, password: finalPassword }, { 'content-type': 'application/json' });
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: `{"email":"${email}","password":"${finalPassword}"`,
        headers: { 'content-type': 'application/json' },
      });
      // Two-factor sign-in (issue 19): the TOTP secret, its codes, recovery codes and the challenge.
      const { token: twoFactorToken } = (await post('/api/v1/auth/login', { email, password: finalPassword })).body;
      const enrol = await t.request({ method: 'POST', url: '/api/v1/me/2fa/totp', token: twoFactorToken });
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrol.body.secret) });
      const confirmCode = totp.generate({ timestamp: t.clock.now().getTime() });
      const confirmed = await t.request({
        method: 'POST',
        url: '/api/v1/me/2fa/totp/confirm',
        payload: { code: confirmCode },
        token: twoFactorToken,
      });
      t.clock.advance(30_000);
      const challenged = await post('/api/v1/auth/login', { email, password: finalPassword });
      const code = totp.generate({ timestamp: t.clock.now().getTime() });
      const finished = await post('/api/v1/auth/login/second-factor', { challenge: challenged.body.challenge, code });
      assert.equal(finished.status, 200, 'the second step signed in');
      const recoveryCodes: string[] = confirmed.body.recoveryCodes;
      secrets.push(twoFactorToken, enrol.body.secret, challenged.body.challenge, finished.body.token, ...recoveryCodes);
      secrets.push(...recoveryCodes.map((c) => c.replace('-', '')));

      // The pages the mailed links open (served by the web app) carry the tokens in their URL.
      await t.request({ method: 'GET', url: `/verify-email?token=${verifyToken}` });
      await t.request({ method: 'GET', url: `/reset-password?x=1&token=${resetToken}&y=2` });
      // A name spelt with percent-encoding or in capitals is the same parameter.
      await t.request({ method: 'GET', url: `/verify-email?%74oken=${verifyToken}` });
      await t.request({ method: 'GET', url: `/verify-email?TOKEN=${verifyToken}` });
      await t.app.runJobsOnce();

      const logs = t.logs();
      assert.ok(logs.length > 1000, 'the app did log');
      assert.ok(receiver.messages.length >= 2, 'the mails went out');
      for (const secret of secrets)
        assert.equal(logs.includes(secret), false, `a secret leaked into the logs: ${secret.slice(0, 6)}…`);
      assert.match(logs, /"url":"\/reset-password\?x=1&token=\[redacted\]&y=2"/);
      assert.match(logs, /"url":"\/verify-email\?%74oken=\[redacted\]"/);
    });
  });
}
