// Image uploads through HTTP: JPEG, PNG and WebP accepted by content (multipart or raw), re-encoded
// to WebP and JPEG widths with metadata stripped, served from /media with immutable caching;
// anything else 415, over 10 MiB 413.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createMovie } from './catalog.fixtures.ts';

function multipart(
  bytes: Buffer,
  filename: string,
  type: string,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----marquee${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const picture = (format: 'png' | 'jpeg' | 'webp', width = 900, height = 1350) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .withExif({ IFD0: { Copyright: 'Secret Studio', Artist: 'Someone Private' } })
    [format]()
    .toBuffer();

for (const backend of backends()) {
  describe(`image uploads on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    const upload = (url: string, body: { payload: Buffer; headers: Record<string, string> }, token = admin.token) =>
      t.request({ method: 'PUT', url, token, payload: body.payload, headers: body.headers });

    test('JPEG, PNG and WebP posters become WebP and JPEG variants served from /media, cached forever', async () => {
      for (const format of ['png', 'jpeg', 'webp'] as const) {
        const movie = await createMovie(t, admin);
        const res = await upload(
          `/api/v1/movies/${movie.id}/poster`,
          multipart(await picture(format), `poster.${format}`, `image/${format}`),
        );
        assert.equal(res.status, 200, res.text);
        const poster = res.body.poster;
        assert.deepEqual([poster.width, poster.height], [800, 1200]);
        assert.deepEqual(poster.variants.map((v: any) => `${v.format}${v.width}`).sort(), [
          'jpeg200',
          'jpeg400',
          'jpeg800',
          'webp200',
          'webp400',
          'webp800',
        ]);
        assert.match(res.body.posterUrl, /^\/media\/img\/[0-9a-f]{24}-400\.webp$/);
        const served = await t.request({ method: 'GET', url: res.body.posterUrl });
        assert.equal(served.status, 200);
        assert.equal(served.headers['content-type'], 'image/webp');
        assert.equal(served.headers['cache-control'], 'public, max-age=31536000, immutable');
        const bytes = Buffer.from(served.text, 'latin1');
        const jpeg = poster.variants.find((v: any) => v.format === 'jpeg' && v.width === 200);
        const jpegRes = await t.app.http.inject({ method: 'GET', url: jpeg.url });
        assert.equal(jpegRes.headers['content-type'], 'image/jpeg');
        const meta = await sharp(jpegRes.rawPayload).metadata();
        assert.equal(meta.width, 200);
        assert.equal(meta.exif, undefined, 'metadata is stripped');
        assert.ok(bytes.length > 0);
        // The public movie shows the poster at once.
        assert.equal(
          (await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` })).body.posterUrl,
          res.body.posterUrl,
        );
      }
    });

    test('a raw image body works too; backdrops and person photos likewise; small images are not enlarged', async () => {
      const movie = await createMovie(t, admin);
      const res = await upload(`/api/v1/movies/${movie.id}/backdrop`, {
        payload: await picture('webp', 700, 300),
        headers: { 'content-type': 'image/webp' },
      });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body.backdrop.variants.map((v: any) => v.width).sort(), [640, 640, 700, 700]);
      assert.match(res.body.backdropUrl, /-700\.webp$/);
      const person = (
        await t.request({ method: 'POST', url: '/api/v1/people', token: admin.token, payload: { name: 'Pic Person' } })
      ).body;
      const photo = await upload(`/api/v1/people/${person.id}/photo`, {
        payload: await picture('jpeg', 500, 500),
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(photo.status, 200, photo.text);
      assert.match(photo.body.photoUrl, /^\/media\/img\/[0-9a-f]{24}-320\.webp$/);
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/people/${person.id}` })).body.photoUrl,
        photo.body.photoUrl,
      );
    });

    test('anything but a real image is 415: a text file named .png, a PNG header with garbage, a GIF, an SVG', async () => {
      const movie = await createMovie(t, admin);
      const png = await picture('png', 50, 50);
      const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
      const cases: [string, Buffer, string][] = [
        ['notes.png', Buffer.from('just some text, honestly'), 'image/png'],
        [
          'broken.png',
          Buffer.concat([png.subarray(0, 16), Buffer.from('garbage garbage garbage garbage')]),
          'image/png',
        ],
        ['truncated.png', png.subarray(0, png.length - 30), 'image/png'],
        ['anim.gif', gif, 'image/gif'],
        ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
        ['empty.jpg', Buffer.alloc(0), 'image/jpeg'],
      ];
      for (const [name, bytes, type] of cases) {
        const res = await upload(`/api/v1/movies/${movie.id}/poster`, multipart(bytes, name, type));
        assert.equal(res.status, 415, `${name}: ${res.text}`);
        assert.equal(res.body.code, 'unsupported_media_type');
      }
      const raw = await upload(`/api/v1/movies/${movie.id}/poster`, {
        payload: Buffer.from('hello'),
        headers: { 'content-type': 'text/plain' },
      });
      assert.equal(raw.status, 415);
      const json = await t.request({
        method: 'PUT',
        url: `/api/v1/movies/${movie.id}/poster`,
        token: admin.token,
        payload: { url: 'http://example.com/x.png' },
      });
      assert.equal(json.status, 415);
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` })).body.posterUrl, null);
    });

    test('over 10 MiB is 413, multipart or raw', async () => {
      const movie = await createMovie(t, admin);
      const big = Buffer.concat([await picture('png', 10, 10), Buffer.alloc(10 * 1024 * 1024)]);
      const res = await upload(`/api/v1/movies/${movie.id}/poster`, multipart(big, 'big.png', 'image/png'));
      assert.equal(res.status, 413, res.text);
      assert.equal(res.body.code, 'payload_too_large');
      const raw = await upload(`/api/v1/movies/${movie.id}/poster`, {
        payload: big,
        headers: { 'content-type': 'image/png' },
      });
      assert.equal(raw.status, 413);
    });

    test('uploads need an admin and an existing movie or person; /media serves only stored keys', async () => {
      const movie = await createMovie(t, admin);
      const body = multipart(await picture('png', 40, 60), 'p.png', 'image/png');
      const customer = await makeUser(t);
      assert.equal((await upload(`/api/v1/movies/${movie.id}/poster`, body, customer.token)).status, 403);
      assert.equal(
        (
          await t.request({
            method: 'PUT',
            url: `/api/v1/movies/${movie.id}/poster`,
            payload: body.payload,
            headers: body.headers,
          })
        ).status,
        401,
      );
      assert.equal((await upload('/api/v1/movies/00000000-0000-4000-8000-000000000000/poster', body)).status, 404);
      assert.equal((await upload('/api/v1/people/00000000-0000-4000-8000-000000000000/photo', body)).status, 404);
      for (const url of [
        '/media/img/0000-400.webp',
        '/media/img/..%2f..%2fpackage.json',
        '/media/img/%2e%2e/%2e%2e/package.json',
        '/media/',
      ]) {
        const res = await t.request({ method: 'GET', url });
        assert.equal(res.status, 404, url);
      }
    });
  });
}
