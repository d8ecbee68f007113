// Image files are deleted once nothing points at them (a replaced poster, a deleted movie) and they
// have gone unused for the grace period; everything in use, and anything younger, stays served.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import sharp from 'sharp';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createMovie } from './catalog.fixtures.ts';
import { createMediaGcJob } from './media-gc.job.ts';

// Colours far apart: lossy encodings of two near colours can be the same bytes, hence the same file.
const picture = (r: number) =>
  sharp({ create: { width: 420, height: 630, channels: 3, background: { r, g: 255 - r, b: (r * 5) % 256 } } })
    .png()
    .toBuffer();

for (const backend of backends()) {
  describe(`unused image files on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    const upload = async (url: string, r: number) => {
      const res = await t.request({
        method: 'PUT',
        url,
        token: admin.token,
        payload: await picture(r),
        headers: { 'content-type': 'image/png' },
      });
      assert.equal(res.status, 200, res.text);
      return res.body;
    };
    const variantUrls = (image: { variants: { url: string }[] }) => image.variants.map((v) => v.url);
    const served = async (urls: string[]) =>
      Promise.all(urls.map(async (url) => (await t.request({ method: 'GET', url })).status));
    const sweep = (graceMs: number) =>
      createMediaGcJob({
        database: t.app.platform.database,
        storage: t.app.modules.catalog.media,
        logger: pino({ level: 'silent' }),
        graceMs,
      }).runOnce();

    test('a replaced poster and a deleted movie lose their files; posters and photos in use keep theirs', async () => {
      const kept = await createMovie(t, admin);
      const replaced = variantUrls((await upload(`/api/v1/movies/${kept.id}/poster`, 10)).poster);
      const current = variantUrls((await upload(`/api/v1/movies/${kept.id}/poster`, 90)).poster);
      const gone = await createMovie(t, admin);
      const ofDeleted = variantUrls((await upload(`/api/v1/movies/${gone.id}/backdrop`, 170)).backdrop);
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/movies/${gone.id}`, token: admin.token })).status,
        204,
      );
      const person = (
        await t.request({ method: 'POST', url: '/api/v1/people', token: admin.token, payload: { name: 'Photo Kept' } })
      ).body;
      const photo = variantUrls((await upload(`/api/v1/people/${person.id}/photo`, 250)).photo);

      // The default grace (a day): nothing this young goes, used or not.
      await t.app.modules.catalog.parts.jobs?.find((j) => j.name === 'catalog.media-gc')?.runOnce();
      assert.deepEqual(
        await served([...replaced, ...ofDeleted]),
        [...replaced, ...ofDeleted].map(() => 200),
      );

      // No grace: every unused file goes, every used one stays.
      await sweep(0);
      assert.deepEqual(
        await served([...replaced, ...ofDeleted]),
        [...replaced, ...ofDeleted].map(() => 404),
      );
      assert.deepEqual(
        await served([...current, ...photo]),
        [...current, ...photo].map(() => 200),
      );
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/movies/${kept.id}` })).body.posterUrl,
        current.find((u) => u.endsWith('-400.webp')),
      );
    });

    test('the same picture uploaded again after its files were swept is stored again and served', async () => {
      const movie = await createMovie(t, admin);
      const first = variantUrls((await upload(`/api/v1/movies/${movie.id}/poster`, 50)).poster);
      await upload(`/api/v1/movies/${movie.id}/poster`, 130);
      await sweep(0);
      assert.deepEqual(
        await served(first),
        first.map(() => 404),
      );
      const again = variantUrls((await upload(`/api/v1/movies/${movie.id}/poster`, 50)).poster);
      assert.deepEqual(again, first, 'content-addressed: the same keys');
      assert.deepEqual(
        await served(again),
        again.map(() => 200),
      );
    });
  });
}
