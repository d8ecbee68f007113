// The web app is served at `/`: deep links get the app, assets are cached for good, API paths are
// never swallowed by it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { oneBackend } from '../../../test/support/backends.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const INDEX = '<!doctype html><title>Marquee</title><div id="root"></div>';
const SCRIPT = `globalThis.marquee = ${JSON.stringify('x'.repeat(2000))};`;

describe('web app serving', () => {
  let t: TestApp;
  let dist: string;
  before(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'marquee-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), INDEX);
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(path.join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
    writeFileSync(path.join(dist, '.build-stamp'), 'now');
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp(oneBackend()[0]!, { env: { WEB_DIST: dist } });
  });
  after(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('the home page and deep links answer index.html, never cached, with a strict CSP', async () => {
    for (const url of ['/', '/movies/7f1c', '/reset-password?token=abc_-', '/account/sessions', '/staff/halls/1']) {
      const res = await t.request({ method: 'GET', url });
      assert.equal(res.status, 200, url);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.equal(res.text, INDEX);
      assert.equal(res.headers['cache-control'], 'no-cache');
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /img-src 'self' data:/);
      assert.match(csp, /connect-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    }
  });

  test('guest pages (opened with a token in the link) send no Referer', async () => {
    const guest = await t.request({ method: 'GET', url: '/guest/bookings/7f1c?token=abc_-' });
    assert.equal(guest.status, 200);
    assert.equal(guest.headers['referrer-policy'], 'no-referrer');
    const home = await t.request({ method: 'GET', url: '/' });
    assert.equal(home.headers['referrer-policy'], 'strict-origin-when-cross-origin');
  });

  test('hashed assets are cached for a year and sent pre-compressed', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['cache-control']), /max-age=31536000/);
    assert.match(String(res.headers['cache-control']), /immutable/);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(String(res.headers['content-type']), /javascript/);
    const plain = await t.request({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(plain.text, SCRIPT);
    const icon = await t.request({ method: 'GET', url: '/favicon.svg' });
    assert.equal(icon.status, 200);
    assert.doesNotMatch(String(icon.headers['cache-control']), /immutable/);
  });

  test('missing assets and files are 404, not the app page', async () => {
    for (const url of [
      '/assets/gone-123.js',
      '/robots.txt',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e/package.json',
      '/.build-stamp',
    ]) {
      const res = await t.request({ method: 'GET', url });
      assert.ok(res.status === 404 || res.status === 403, `${url} → ${res.status}`);
      assert.notEqual(res.text, INDEX);
    }
  });

  test('API, media and operations paths keep their problem+json 404', async () => {
    for (const url of ['/api/v1/nothing-here', '/api', '/media/nope.webp', '/metrics/x', '/healthz/x']) {
      const res = await t.request({ method: 'GET', url });
      assert.equal(res.status, 404, url);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal(res.body.code, 'not_found');
    }
    const post = await t.request({ method: 'POST', url: '/movies/1', payload: {} });
    assert.equal(post.status, 404);
    assert.equal(post.body.code, 'not_found');
  });

  test('without a build, pages explain how to make one', async () => {
    const empty = await startTestApp(oneBackend()[0]!, { env: { WEB_DIST: path.join(dist, 'missing') } });
    try {
      const res = await empty.request({ method: 'GET', url: '/movies/1' });
      assert.equal(res.status, 503);
      assert.match(res.text, /npm start/);
      const api = await empty.request({ method: 'GET', url: '/api/v1/nothing-here' });
      assert.equal(api.status, 404);
    } finally {
      await empty.close();
    }
  });
});
