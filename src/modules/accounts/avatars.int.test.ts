// Issue 20: avatars through HTTP: checked by content, re-encoded without metadata, cut to centred
// squares; replaced, deleted and erased with the account, files and all; nobody touches another's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { backends } from '../../../test/support/backends.ts';
import { signedInUser } from '../../../test/support/accounts.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createMovie } from '../catalog/catalog.fixtures.ts';
import { AVATAR_MAX_BYTES, AVATAR_UPLOAD_LIMIT } from './avatars.routes.ts';

// A wide picture, left half red and right half blue, with EXIF that must not survive.
const picture = (format: 'png' | 'jpeg', width = 600, height = 300) =>
  sharp({ create: { width, height, channels: 3, background: '#d00' } })
    .composite([
      {
        input: { create: { width: width / 2, height, channels: 3, background: '#00d' } },
        left: width / 2,
        top: 0,
      },
    ])
    .withExif({ IFD0: { Copyright: 'Secret Studio', Artist: 'Someone Private' } })
    [format]()
    .toBuffer();

for (const backend of backends()) {
  describe(`avatars on ${backend.name}`, () => {
    let t: TestApp;
    let user: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      user = await makeUser(t);
    });
    after(() => t.close());

    const put = (token: string, payload: Buffer, type = 'image/png') =>
      t.request({ method: 'PUT', url: '/api/v1/me/avatar', token, payload, headers: { 'content-type': type } });
    const files = async () => new Set((await t.app.modules.catalog.media.list()).map((o) => o.key));
    const fetchMedia = (url: string) => t.app.http.inject({ method: 'GET', url });

    test('PNG and JPEG become square, re-encoded sizes; the header shows one; a new one replaces the old files', async () => {
      const before = await files();
      const png = await put(user.token, await picture('png'));
      assert.equal(png.status, 200, png.text);
      assert.match(png.body.avatarUrl, /^\/media\/img\/[0-9a-f]{24}-128\.webp$/);
      const added = [...(await files())].filter((k) => !before.has(k));
      const sizes = await Promise.all(
        added.map(async (key) => {
          const res = await fetchMedia(`/media/${key}`);
          const meta = await sharp(res.rawPayload).metadata();
          assert.equal(meta.exif, undefined, 'metadata is stripped');
          assert.equal(meta.width, meta.height, 'square');
          return `${meta.format}:${meta.width}`;
        }),
      );
      assert.deepEqual(sizes.sort(), ['jpeg:128', 'jpeg:256', 'jpeg:64', 'webp:128', 'webp:256', 'webp:64'].sort());
      // Centre crop of a red|blue picture: the middle column holds both colours, the edges are cut.
      const shown = await sharp((await fetchMedia(png.body.avatarUrl)).rawPayload)
        .raw()
        .toBuffer({ resolveWithObject: true });
      const at = (x: number) => shown.data.subarray((64 * 128 + x) * shown.info.channels);
      assert.ok(at(10)[0]! > 150 && at(10)[2]! < 100, 'left of the square is red');
      assert.ok(at(118)[2]! > 150 && at(118)[0]! < 100, 'right of the square is blue');

      const me = await t.request({ method: 'GET', url: '/api/v1/me', token: user.token });
      assert.equal(me.body.avatarUrl, png.body.avatarUrl);

      const jpeg = await put(user.token, await picture('jpeg', 200, 400), 'image/jpeg');
      assert.equal(jpeg.status, 200, jpeg.text);
      assert.notEqual(jpeg.body.avatarUrl, png.body.avatarUrl);
      assert.match(jpeg.body.avatarUrl, /-128\.webp$/);
      const now = await files();
      for (const key of added) assert.ok(!now.has(key), `the replaced avatar's ${key} is deleted`);
      assert.equal((await fetchMedia(png.body.avatarUrl)).statusCode, 404);
    });

    test('not an image, a broken one, a bomb or too many bytes: refused as problems', async () => {
      const png = await picture('png');
      const cases: [Buffer, string, number][] = [
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png', 415],
        [Buffer.concat([png.subarray(0, 8), Buffer.from('garbage after a PNG signature')]), 'image/png', 415],
        // 8,000 × 8,000 pixels of one colour: a small file that would decode to 192 MB.
        [
          await sharp({ create: { width: 8000, height: 8000, channels: 3, background: '#000' } })
            .png({ compressionLevel: 9 })
            .toBuffer(),
          'image/png',
          422,
        ],
        [Buffer.alloc(AVATAR_MAX_BYTES + 1, 0xff), 'image/jpeg', 413],
      ];
      for (const [bytes, type, status] of cases) {
        const res = await put(user.token, bytes, type);
        assert.equal(res.status, status, res.text);
        assert.match(String(res.headers['content-type']), /problem\+json/);
      }
      const json = await t.request({ method: 'PUT', url: '/api/v1/me/avatar', token: user.token, payload: {} });
      assert.equal(json.status, 415);
      assert.equal((await put('', png)).status, 401, 'signed-in users only');
    });

    test('delete removes the files; another user cannot touch mine; erasing the account removes them', async () => {
      const mine = await signedInUser(t);
      const other = await makeUser(t);
      const before = await files();
      const res = await put(mine.token, await picture('png', 320, 320));
      assert.equal(res.status, 200, res.text);
      const added = [...(await files())].filter((k) => !before.has(k));
      assert.equal(added.length, 6);

      // The other user's delete is about their own (absent) avatar: mine stays.
      const theirs = await t.request({ method: 'DELETE', url: '/api/v1/me/avatar', token: other.token });
      assert.equal(theirs.status, 200);
      assert.equal(theirs.body.avatarUrl, null);
      assert.equal((await fetchMedia(res.body.avatarUrl)).statusCode, 200);

      const gone = await t.request({ method: 'DELETE', url: '/api/v1/me/avatar', token: mine.token });
      assert.equal(gone.body.avatarUrl, null);
      const after = await files();
      for (const key of added) assert.ok(!after.has(key), key);

      await put(mine.token, await picture('jpeg', 300, 300), 'image/jpeg');
      const withAvatar = [...(await files())].filter((k) => !after.has(k));
      assert.equal(withAvatar.length, 6);
      const erased = await t.request({
        method: 'DELETE',
        url: '/api/v1/me',
        token: mine.token,
        payload: { password: mine.password },
      });
      assert.equal(erased.status, 204);
      const left = await files();
      for (const key of withAvatar) assert.ok(!left.has(key), `erasure deletes ${key}`);
    });

    test('a poster made from the same bytes keeps the files an avatar delete would remove', async () => {
      const admin = await makeUser(t, { role: 'admin' });
      const mine = await makeUser(t);
      // A 256 px square: the poster's full-width variant and the avatar's 256 px one are the same file.
      const square = await picture('png', 256, 256);
      const movie = await createMovie(t, admin);
      const poster = await t.request({
        method: 'PUT',
        url: `/api/v1/movies/${movie.id}/poster`,
        token: admin.token,
        payload: square,
        headers: { 'content-type': 'image/png' },
      });
      assert.equal(poster.status, 200, poster.text);
      const posterUrls: string[] = poster.body.poster.variants.map((v: { url: string }) => v.url);
      assert.equal((await put(mine.token, square)).status, 200);
      const avatarUrls = new Set([...(await files())].map((k) => `/media/${k}`));
      const shared = posterUrls.filter((u) => avatarUrls.has(u) && /-256\./.test(u));
      assert.ok(shared.length > 0, 'the avatar shares a file with the poster');

      assert.equal((await t.request({ method: 'DELETE', url: '/api/v1/me/avatar', token: mine.token })).status, 200);
      for (const url of posterUrls) assert.equal((await fetchMedia(url)).statusCode, 200, `${url} still served`);
    });

    test('the eleventh upload in an hour is 429 rate_limited with Retry-After', async () => {
      const mine = await makeUser(t);
      // The hour's budget spent without decoding ten pictures.
      for (let i = 0; i < AVATAR_UPLOAD_LIMIT.max; i++)
        await t.app.modules.accounts.limiter.hit(AVATAR_UPLOAD_LIMIT, mine.id);
      const res = await put(mine.token, await picture('png', 64, 64));
      assert.equal(res.status, 429, res.text);
      assert.equal(res.body.code, 'rate_limited');
      assert.ok(Number(res.headers['retry-after']) > 0);
      const other = await makeUser(t);
      assert.equal((await put(other.token, await picture('png', 64, 64))).status, 200, 'counted per user');
    });
  });
}
