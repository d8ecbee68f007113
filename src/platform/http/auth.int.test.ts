// Credentials: a stale session cookie leaves public routes working and protected ones 401;
// a malformed or unknown bearer token is always refused.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { oneBackend } from '../../../test/support/backends.ts';
import { makeUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of oneBackend()) {
  describe(`authentication on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
    });
    after(() => t.close());

    test('a stale cookie: public reads answer, protected routes 401 unauthorized', async () => {
      const cookie = 'session=this-session-ended-long-ago';
      const pub = await t.request({ method: 'GET', url: '/api/v1/movies', headers: { cookie } });
      assert.equal(pub.status, 200);
      const me = await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      assert.equal(me.status, 401);
      assert.equal(me.body.code, 'unauthorized');
    });

    test('an unknown or malformed bearer token is 401', async () => {
      const unknown = await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer nope' } });
      assert.equal(unknown.status, 401);
      const malformed = await t.request({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: 'Basic Zm9vOmJhcg==' },
      });
      assert.equal(malformed.status, 401);
      assert.equal(malformed.body.code, 'unauthorized');
    });

    test('a role too low is 403 forbidden', async () => {
      const customer = await makeUser(t);
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/showtimes/00000000-0000-4000-8000-000000000000/report`,
        token: customer.token,
      });
      assert.equal(res.status, 403);
      assert.equal(res.body.code, 'forbidden');
    });
  });
}
