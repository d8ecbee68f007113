// Password reset through HTTP: 202 whatever the email, a mailed single-use link that expires after an
// hour, a reset that ends every session, and at most 3 reset mails per account and hour.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { login, mailedToken, mailsTo, signedInUser, uniqueEmail } from '../../../test/support/accounts.ts';
import { backends } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const NEW_PASSWORD = 'violet-Harbour-77-comet';

for (const backend of backends()) {
  describe(`password reset on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(() => t.close());

    const requestReset = (email: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email } });
    const confirm = (token: string, password = NEW_PASSWORD) =>
      t.request({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password } });

    test('202 whether or not the email exists; only a real account gets a mail', async () => {
      const user = await signedInUser(t);
      const ghost = uniqueEmail('ghost');
      const known = await requestReset(user.email.toUpperCase());
      const unknown = await requestReset(ghost);
      assert.equal(known.status, 202);
      assert.equal(unknown.status, 202);
      assert.equal(known.text, unknown.text);
      assert.equal((await mailsTo(t, ghost)).length, 0);
      const mail = (await mailsTo(t, user.email)).find((m) => m.subject === 'Reset your password');
      assert.match(mail?.text_body ?? '', /http:\/\/box\.test\/reset-password\?token=[A-Za-z0-9_-]{43}\b/);
      assert.match(mail?.html_body ?? '', /href="http:\/\/box\.test\/reset-password\?token=/);
    });

    test('confirm sets the password, ends every session, and the token works once', async () => {
      const user = await signedInUser(t);
      const second = await login(t, user.email, user.password);
      await requestReset(user.email);
      const token = await mailedToken(t, user.email, '/reset-password');
      const res = await confirm(token);
      assert.equal(res.status, 204);
      for (const session of [user.token, second.body.token]) {
        assert.equal((await t.request({ method: 'GET', url: '/api/v1/me', token: session })).status, 401);
      }
      assert.equal((await login(t, user.email, user.password)).status, 401);
      assert.equal((await login(t, user.email, NEW_PASSWORD)).status, 200);
      const again = await confirm(token, 'another-Fine-password-9');
      assert.equal(again.status, 422);
      assert.equal(again.body.code, 'invalid_token');
      assert.equal((await login(t, user.email, NEW_PASSWORD)).status, 200);
    });

    test('a reset link expires after one hour', async () => {
      const user = await signedInUser(t);
      await requestReset(user.email);
      const token = await mailedToken(t, user.email, '/reset-password');
      t.clock.advance(60 * 60_000 + 1000);
      const res = await confirm(token);
      assert.equal(res.body.code, 'invalid_token');
      assert.equal((await login(t, user.email, user.password)).status, 200);
    });

    test('a link still works just before the hour ends', async () => {
      const user = await signedInUser(t);
      await requestReset(user.email);
      const token = await mailedToken(t, user.email, '/reset-password');
      t.clock.advance(59 * 60_000);
      assert.equal((await confirm(token)).status, 204);
    });

    test('a weak new password is 422 and does not use up the link', async () => {
      const user = await signedInUser(t);
      await requestReset(user.email);
      const token = await mailedToken(t, user.email, '/reset-password');
      const weak = await confirm(token, 'short');
      assert.equal(weak.status, 422);
      assert.equal(weak.body.code, 'validation_failed');
      assert.equal(weak.body.reason, 'weak_password');
      assert.equal((await confirm(token)).status, 204);
    });

    test('a newer request retires the older link', async () => {
      const user = await signedInUser(t);
      await requestReset(user.email);
      const older = await mailedToken(t, user.email, '/reset-password');
      t.clock.advance(1000);
      await requestReset(user.email);
      const newer = await mailedToken(t, user.email, '/reset-password');
      assert.notEqual(older, newer);
      assert.equal((await confirm(older)).body.code, 'invalid_token');
      assert.equal((await confirm(newer)).status, 204);
    });

    test('two confirmations of one link at once: exactly one succeeds', async () => {
      const user = await signedInUser(t);
      await requestReset(user.email);
      const token = await mailedToken(t, user.email, '/reset-password');
      const answers = await Promise.all([
        confirm(token, 'first-Racer-password-1'),
        confirm(token, 'second-Racer-password-2'),
      ]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [204, 422]);
    });

    test('at most 3 reset mails per account and hour however many requests, each answered like an unknown email', async () => {
      const user = await signedInUser(t);
      const resetMails = async () =>
        (await mailsTo(t, user.email)).filter((m) => m.subject === 'Reset your password').length;
      const ghost = await requestReset(uniqueEmail('ghost'));
      const answers = await Promise.all(Array.from({ length: 29 }, () => requestReset(user.email)));
      for (const a of answers) {
        assert.equal(a.status, 202);
        assert.equal(a.text, ghost.text);
      }
      assert.equal(await resetMails(), 3);
      const newest = await mailedToken(t, user.email, '/reset-password');
      t.clock.advance(30 * 60_000);
      await requestReset(user.email);
      assert.equal(await resetMails(), 3, 'still within the hour');
      t.clock.advance(30 * 60_000 + 1000);
      assert.equal((await requestReset(user.email)).status, 202);
      assert.equal(await resetMails(), 4, 'an hour after the first ones');
      assert.notEqual(await mailedToken(t, user.email, '/reset-password'), newest);
    });

    test('a verification token is not a reset token', async () => {
      const user = await signedInUser(t);
      const verify = await mailedToken(t, user.email, '/verify-email');
      assert.equal((await confirm(verify)).body.code, 'invalid_token');
    });
  });
}
