// Sign-up and sign-in through HTTP: normalised emails, the password policy, the verification mail,
// the session cookie, uniform failures (also in timing) and bcrypt hashes upgraded on sign-in.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import bcrypt from 'bcryptjs';
import {
  GOOD_PASSWORD,
  login,
  mailedToken,
  mailsTo,
  registerUser,
  uniqueEmail,
} from '../../../test/support/accounts.ts';
import { backends, oneBackend } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const USER_KEYS = ['avatarUrl', 'createdAt', 'email', 'emailVerified', 'id', 'language', 'name', 'phone', 'role'];

for (const backend of backends()) {
  describe(`registration and sign-in on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    });
    after(() => t.close());

    test('register answers 201 {user} with exactly the public fields, email normalised', async () => {
      const local = uniqueEmail('Mixed.Case');
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: `  ${local.toUpperCase()} `, password: GOOD_PASSWORD, name: ' Grace Hopper ' },
      });
      assert.equal(res.status, 201);
      assert.deepEqual(Object.keys(res.body), ['user']);
      assert.deepEqual(Object.keys(res.body.user).sort(), USER_KEYS);
      assert.equal(res.body.user.email, local.toLowerCase());
      assert.equal(res.body.user.name, 'Grace Hopper');
      assert.equal(res.body.user.role, 'customer');
      assert.equal(res.body.user.emailVerified, false);
      assert.equal(res.body.user.phone, null);
      assert.match(res.body.user.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      assert.equal(res.text.includes(GOOD_PASSWORD), false);
    });

    test('the same email in another case is 409 email_taken', async () => {
      const user = await registerUser(t);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: ` ${user.email.toUpperCase()}`, password: GOOD_PASSWORD, name: 'Twin' },
      });
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'email_taken');
    });

    test('two registrations of one email at once: one 201, one 409', async () => {
      const email = uniqueEmail('race');
      const answers = await Promise.all(
        [email, email.toUpperCase()].map((e) =>
          t.request({
            method: 'POST',
            url: '/api/v1/auth/register',
            payload: { email: e, password: GOOD_PASSWORD, name: 'Racer' },
          }),
        ),
      );
      assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409]);
    });

    for (const [why, password] of [
      ['under 10 characters', 'Zq9!xk2#'],
      ['10 characters but commonly used', 'qwertyuiop'],
      ['commonly used in another case', 'PASSWORD123'],
      ['nine characters of astral plane', '😀😀😀😀😀😀😀😀😀'],
    ] as const) {
      test(`a weak password (${why}) is 422 validation_failed (reason weak_password)`, async () => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/register',
          payload: { email: uniqueEmail(), password, name: 'Weak' },
        });
        assert.equal(res.status, 422);
        assert.equal(res.body.code, 'validation_failed');
        assert.equal(res.body.reason, 'weak_password');
        assert.equal(res.body.errors[0].path, '/password');
      });
    }

    test('registration queues a verification mail with a PUBLIC_URL link, text and HTML', async () => {
      const user = await registerUser(t, { name: 'Mail <Tester>' });
      const [mail] = await mailsTo(t, user.email);
      assert.ok(mail);
      assert.match(mail.text_body, /http:\/\/box\.test\/verify-email\?token=[A-Za-z0-9_-]{43}\b/);
      assert.match(mail.html_body, /href="http:\/\/box\.test\/verify-email\?token=[A-Za-z0-9_-]{43}"/);
      assert.match(mail.html_body, /Mail &lt;Tester&gt;/);
    });

    test('verify-email makes the user verified; a token works once; unknown tokens are 422 invalid_token', async () => {
      const user = await registerUser(t);
      const token = await mailedToken(t, user.email, '/verify-email');
      const ok = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
      assert.equal(ok.status, 204);
      const signedIn = await login(t, user.email, user.password);
      assert.equal(signedIn.body.user.emailVerified, true);
      const again = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
      assert.equal(again.status, 422);
      assert.equal(again.body.code, 'invalid_token');
      const forged = await t.request({
        method: 'POST',
        url: '/api/v1/auth/verify-email',
        payload: { token: 'x'.repeat(43) },
      });
      assert.equal(forged.body.code, 'invalid_token');
    });

    test('a signed-in user can ask for a new verification link; the older one stops working', async () => {
      const user = await registerUser(t);
      const older = await mailedToken(t, user.email, '/verify-email');
      const token = (await login(t, user.email, user.password)).body.token;
      t.clock.advance(1000);
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email/resend', token });
      assert.equal(res.status, 202);
      const newer = await mailedToken(t, user.email, '/verify-email');
      assert.notEqual(newer, older);
      assert.equal(
        (await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: older } })).body.code,
        'invalid_token',
      );
      assert.equal(
        (await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token: newer } })).status,
        204,
      );
      const count = (await mailsTo(t, user.email)).length;
      assert.equal((await t.request({ method: 'POST', url: '/api/v1/auth/verify-email/resend', token })).status, 202);
      assert.equal((await mailsTo(t, user.email)).length, count, 'no mail once verified');
      assert.equal((await t.request({ method: 'POST', url: '/api/v1/auth/verify-email/resend' })).status, 401);
    });

    test('a verification token expires after a week', async () => {
      const user = await registerUser(t);
      const token = await mailedToken(t, user.email, '/verify-email');
      t.clock.advance(7 * 24 * 3600_000 + 1000);
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
      assert.equal(res.body.code, 'invalid_token');
    });

    test('login answers {token, expiresAt, user} and sets the session cookie', async () => {
      const user = await registerUser(t);
      const res = await login(t, ` ${user.email.toUpperCase()} `, user.password, { 'user-agent': 'TestBrowser/1.0' });
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.body).sort(), ['expiresAt', 'token', 'user']);
      assert.ok(res.body.token.length >= 43);
      assert.ok(new Date(res.body.expiresAt).getTime() > t.clock.now().getTime());
      assert.deepEqual(Object.keys(res.body.user).sort(), USER_KEYS);
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, new RegExp(`^session=${res.body.token};`));
      assert.match(cookie, /HttpOnly/);
      assert.match(cookie, /SameSite=Lax/);
      assert.match(cookie, /Path=\//);
      assert.doesNotMatch(cookie, /Secure/);
      const viaBearer = await t.request({ method: 'GET', url: '/api/v1/me', token: res.body.token });
      assert.equal(viaBearer.status, 200);
      assert.equal(viaBearer.body.id, user.id);
      const viaCookie = await t.request({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: `session=${res.body.token}` },
      });
      assert.equal(viaCookie.status, 200);
    });

    test('unknown email and wrong password are the same 401 invalid_credentials', async () => {
      const user = await registerUser(t);
      const unknown = await login(t, uniqueEmail('nobody'), user.password);
      const wrong = await login(t, user.email, `${user.password}x`);
      for (const res of [unknown, wrong]) {
        assert.equal(res.status, 401);
        assert.equal(res.body.code, 'invalid_credentials');
        assert.equal(res.headers['set-cookie'], undefined);
      }
      assert.equal(unknown.body.detail, wrong.body.detail);
    });

    for (const prefix of ['$2a$', '$2b$', '$2y$']) {
      test(`a ${prefix} bcrypt hash signs in and is re-hashed to argon2id`, async () => {
        const email = uniqueEmail('legacy');
        const hash = prefix + bcrypt.hashSync(GOOD_PASSWORD, 4).slice(4);
        const db = t.app.platform.database.db;
        await db.insertInto('users').values({ email, name: 'Legacy', password_hash: hash }).execute();
        assert.equal((await login(t, email, 'not-the-password-1')).status, 401);
        const res = await login(t, email, GOOD_PASSWORD);
        assert.equal(res.status, 200);
        const row = await db
          .selectFrom('users')
          .select('password_hash')
          .where('email', '=', email)
          .executeTakeFirstOrThrow();
        assert.match(String(row.password_hash), /^\$argon2id\$/);
        assert.equal((await login(t, email, GOOD_PASSWORD)).status, 200);
      });
    }

    test('odd Unicode in names and emails: NFC-normalised, case-folded, never a 5xx', async () => {
      const decomposed = `zoe\u0308-${Date.now()}@exa\u0308mple.test`;
      const first = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: decomposed.toUpperCase(), password: GOOD_PASSWORD, name: 'Zoë 🎬 عربى  ‮rtl' },
      });
      assert.equal(first.status, 201);
      assert.equal(first.body.user.email, decomposed.normalize('NFC'));
      const twin = await t.request({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { email: decomposed.normalize('NFC'), password: GOOD_PASSWORD, name: 'Twin' },
      });
      assert.equal(twin.status, 409);
      assert.equal((await login(t, decomposed, GOOD_PASSWORD)).status, 200);
      for (const name of ['nul\u0000byte', 'bell\u0007', 'lone\ud800surrogate', '', ' '.repeat(3), 'x'.repeat(101)]) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/register',
          payload: { email: uniqueEmail(), password: GOOD_PASSWORD, name },
        });
        assert.equal(res.status, 422, JSON.stringify(name));
      }
      for (const email of [
        'no-at-sign',
        'a@b',
        'two@@example.test',
        'sp ace@example.test',
        'nul\u0000@example.test',
        `${'x'.repeat(250)}@example.test`,
      ]) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/register',
          payload: { email, password: GOOD_PASSWORD, name: 'Bad email' },
        });
        assert.equal(res.status, 422, email);
        assert.equal(res.body.code, 'validation_failed');
      }
      const weird = await login(t, '\u0000\ud800@\u202e', 'whatever');
      assert.equal(weird.status, 422);
      const rtl = await login(t, '\u202egro.elpmaxe@eve', 'whatever-else');
      assert.equal(rtl.status, 401);
    });

    test('malformed JSON is 400, unknown fields and wrong types 422, a 2 MiB body 413', async () => {
      const url = '/api/v1/auth/register';
      const headers = { 'content-type': 'application/json' };
      const malformed = await t.request({ method: 'POST', url, payload: '{"email": "a@b.test", ', headers });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.code, 'bad_request');
      const unknown = await t.request({
        method: 'POST',
        url,
        payload: { email: uniqueEmail(), password: GOOD_PASSWORD, name: 'X', role: 'admin' },
      });
      assert.equal(unknown.status, 422);
      assert.equal(unknown.body.code, 'validation_failed');
      assert.equal(unknown.body.errors[0].path, '/role');
      const wrongType = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 42, password: ['x'] },
      });
      assert.equal(wrongType.status, 422);
      const huge = await t.request({
        method: 'POST',
        url,
        payload: JSON.stringify({ email: uniqueEmail(), password: GOOD_PASSWORD, name: 'x'.repeat(2 * 1024 * 1024) }),
        headers,
      });
      assert.equal(huge.status, 413);
      const noBody = await t.request({ method: 'POST', url: '/api/v1/auth/login', headers });
      assert.ok(noBody.status >= 400 && noBody.status < 500, String(noBody.status));
    });
  });

  // Hash cost and cookie flags live above the database: one backend is enough (the faster one).
  if (backend.name !== oneBackend()[0]!.name) continue;
  describe(`sign-in cost and HTTPS cookies on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend, {
        env: {
          PUBLIC_URL: 'https://box.test',
          ARGON2_MEMORY_KIB: '32768',
          ARGON2_TIME_COST: '2',
          RATE_LIMIT_PER_MINUTE: '100000',
        },
      });
    });
    after(() => t.close());

    test('the session cookie is Secure when PUBLIC_URL is https', async () => {
      const user = await registerUser(t);
      const res = await login(t, user.email, user.password);
      assert.match(String(res.headers['set-cookie']), /; Secure/);
    });

    test('an unknown email costs as much time as a wrong password (a hash is checked either way)', async () => {
      const user = await registerUser(t);
      const timed = async (email: string, i: number) => {
        const start = performance.now();
        // Each guess from its own address: wrong passwords from one address are slowed after three.
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: `wrong-password-${i}` },
          remoteAddress: `10.6.0.${i + 1}`,
        });
        assert.equal(res.status, 401);
        return performance.now() - start;
      };
      await timed(uniqueEmail('warm-up'), 0);
      // Alternating, so a busy machine slows both sides alike; medians of 7.
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 7; i++) {
        unknown.push(await timed(uniqueEmail('ghost'), i));
        wrong.push(await timed(user.email, i));
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[3] as number;
      const [u, w] = [median(unknown), median(wrong)];
      // Without the dummy hash an unknown email answers in a few milliseconds, many times faster.
      assert.ok(u > w * 0.5 && u < w * 2.5, `unknown ${u.toFixed(1)} ms vs wrong ${w.toFixed(1)} ms`);
    });
  });
}
