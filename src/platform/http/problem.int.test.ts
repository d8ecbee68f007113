// Bad input of every kind gets a 4xx problem+json, never a 5xx.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

for (const backend of backends()) {
  describe(`HTTP platform on ${backend.name}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend);
    });
    after(() => t.close());

    test('unknown routes are 404 not_found problems with a request id', async () => {
      const res = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
      assert.equal(res.status, 404);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal(res.body.code, 'not_found');
      assert.equal(res.body.status, 404);
      assert.ok(res.headers['x-request-id']);
    });

    test('security headers are set and x-powered-by is absent', async () => {
      const res = await t.request({ method: 'GET', url: '/healthz' });
      assert.equal(res.status, 200);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(res.headers['x-powered-by'], undefined);
    });

    test('a given request id is echoed back', async () => {
      const res = await t.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
      assert.equal(res.headers['x-request-id'], 'abc-123');
    });

    test('readiness reports the database', async () => {
      const res = await t.request({ method: 'GET', url: '/readyz' });
      assert.equal(res.status, 200);
      assert.equal(res.body.checks.database, 'ok');
    });

    test('the OpenAPI document is 3.1', async () => {
      const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(res.status, 200);
      assert.equal(res.body.openapi, '3.1.0');
      const docs = await t.request({ method: 'GET', url: '/api/docs/' });
      assert.equal(docs.status, 200);
    });
  });
}
