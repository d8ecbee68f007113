// X-Request-Id: a client's id is kept only when it is a short plain token; anything else (too long,
// markup, control characters) is replaced by a new id, so it is neither echoed nor logged.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { oneBackend } from '../../../test/support/backends.ts';
import { type LoggedApp, startLoggedApp } from '../../../test/support/captured-logs.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

for (const backend of oneBackend()) {
  describe(`X-Request-Id on ${backend.name}`, () => {
    let t: LoggedApp;
    before(async () => {
      t = await startLoggedApp(backend);
    });
    after(() => t.close());

    test('a plain id of up to 64 characters is echoed and names the log lines', async () => {
      const id = `trace.abc:DEF-${'x'.repeat(50)}`;
      assert.equal(id.length, 64);
      const res = await t.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': id } });
      assert.equal(res.headers['x-request-id'], id);
      const lines = t
        .logs()
        .split('\n')
        .filter((l) => l.includes(`"reqId":"${id}"`));
      assert.ok(lines.length > 0, 'the request is logged under the given id');
    });

    test('an 8 KB id with markup is neither echoed nor logged: the request gets a new id', async () => {
      const hostile = `<script>alert(1)</script>${'A'.repeat(8192)}`;
      const before = t.logs().length;
      const res = await t.request({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'x-request-id': hostile } });
      assert.equal(res.status, 404);
      const echoed = String(res.headers['x-request-id']);
      assert.match(echoed, UUID);
      const logged = t.logs().slice(before);
      assert.ok(logged.includes(`"reqId":"${echoed}"`), 'the new id names the log lines');
      assert.ok(!logged.includes('<script>'), 'the markup is not logged');
      assert.ok(!logged.includes('A'.repeat(100)), 'the long value is not logged');
    });

    test('ids that are too long, empty-looking, or hold spaces or line breaks are replaced', async () => {
      for (const given of ['y'.repeat(65), ' ', 'two words', 'a\tb', 'quote"d', 'ünïcode']) {
        const res = await t.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': given } });
        assert.equal(res.status, 200);
        assert.match(String(res.headers['x-request-id']), UUID, JSON.stringify(given));
      }
    });
  });
}
