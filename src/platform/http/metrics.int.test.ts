// /metrics through HTTP: Prometheus text with process metrics and request count/latency labelled by
// route pattern and status, one registry per app.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { oneBackend } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const [backend] = oneBackend();

describe('metrics', () => {
  let t: TestApp;
  let other: TestApp;
  before(async () => {
    t = await startTestApp(backend!, { useServices: false });
    t.app.http.get('/test/items/:id', async () => ({ ok: true }));
    other = await startTestApp(backend!, { useServices: false });
  });
  after(async () => {
    await t.close();
    await other.close();
  });

  test('counts requests by method, route pattern and status, with a latency histogram', async () => {
    await t.request({ method: 'GET', url: '/test/items/123' });
    await t.request({ method: 'GET', url: '/test/items/456?x=1' });
    // GET of any path may be the web app's; no route takes this POST.
    await t.request({ method: 'POST', url: '/no/such/route/789', payload: {} });
    const res = await t.request({ method: 'GET', url: '/metrics' });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    assert.match(res.text, /^process_cpu_user_seconds_total \d/m);
    assert.match(res.text, /^nodejs_eventloop_lag_seconds /m);
    assert.match(res.text, /^http_requests_total\{method="GET",route="\/test\/items\/:id",status="200"\} 2$/m);
    assert.match(res.text, /^http_requests_total\{method="POST",route="unmatched",status="404"\} 1$/m);
    assert.match(
      res.text,
      /^http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/test\/items\/:id",status="200"\} 2$/m,
    );
    assert.match(
      res.text,
      /^http_request_duration_seconds_count\{method="GET",route="\/test\/items\/:id",status="200"\} 2$/m,
    );
    const httpLines = res.text.split('\n').filter((l) => l.startsWith('http_'));
    assert.ok(
      httpLines.every((l) => !/123|456|789|\/no\/such/.test(l.split('}')[0]!)),
      'no raw URLs or ids in labels',
    );
  });

  test('each app has its own registry', async () => {
    const res = await other.request({ method: 'GET', url: '/metrics' });
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, /\/test\/items/);
  });
});
