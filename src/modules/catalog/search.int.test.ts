// Movie search through HTTP: typos, accents, case, cast and director, partial words, and strings
// shaped like SQL injection or LIKE wildcards, which must be answered 200 and matched literally.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createMovie } from './catalog.fixtures.ts';

for (const backend of backends()) {
  describe(`movie search on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    const ids: Record<string, string> = {};
    const search = async (q: string, extra = '') => {
      const res = await t.request({ method: 'GET', url: `/api/v1/movies?q=${encodeURIComponent(q)}${extra}` });
      assert.equal(res.status, 200, `${q}: ${res.text}`);
      return res.body as { items: { id: string; title: string }[]; nextCursor: string | null };
    };
    const titles = async (q: string) => (await search(q)).items.map((m) => m.title);

    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
      const movies = [
        {
          title: 'The Godfather',
          cast: ['Marlon Brando', 'Al Pacino'],
          director: 'Francis Ford Coppola',
          genres: ['Crime'],
        },
        {
          title: 'Amélie',
          originalTitle: "Le Fabuleux Destin d'Amélie Poulain",
          cast: ['Audrey Tautou'],
          director: 'Jean-Pierre Jeunet',
        },
        { title: 'Spirited Away', cast: ['Rumi Hiiragi'], director: 'Hayao Miyazaki' },
        { title: '100% Wolf', cast: ['Ilai Swindells'], director: 'Alexs Stadermann' },
        { title: 'snake_case Stories', cast: [], director: 'Ada Lovelace' },
        { title: 'Back\\Slash', cast: [], director: null },
        { title: 'Quiet Harbour', cast: ['Zoë Kravitz-Müller'], director: 'Søren Kierkegaard' },
      ];
      for (const m of movies) ids[m.title] = (await createMovie(t, admin, m)).id;
    });
    after(() => t.close());

    test('small typos still find the movie, best match first', async () => {
      assert.equal((await titles('godfathr'))[0], 'The Godfather');
      assert.equal((await titles('godfahter'))[0], 'The Godfather');
      assert.equal((await titles('spirted away'))[0], 'Spirited Away');
    });

    test('case and accents are ignored both ways', async () => {
      assert.deepEqual(await titles('amelie'), ['Amélie']);
      assert.deepEqual(await titles('AMÉLIE'), ['Amélie']);
      assert.deepEqual(await titles('zoe kravitz'), ['Quiet Harbour']);
      assert.deepEqual(await titles('kravitz-muller'), ['Quiet Harbour']);
    });

    test('cast and director are searched, and several words may come in any order', async () => {
      assert.deepEqual(await titles('pacino'), ['The Godfather']);
      assert.deepEqual(await titles('coppola'), ['The Godfather']);
      assert.deepEqual(await titles('brando godfather'), ['The Godfather']);
      assert.deepEqual(await titles('miyazaki'), ['Spirited Away']);
    });

    test('a last word being typed matches as a prefix; a misspelt name is forgiven', async () => {
      assert.deepEqual(await titles('godfa'), ['The Godfather']);
      assert.deepEqual(await titles('spirited aw'), ['Spirited Away']);
      assert.deepEqual(await titles('coppo'), ['The Godfather']);
      assert.deepEqual(await titles('tautuo'), ['Amélie']);
      assert.deepEqual(await titles('kierkegard'), ['Quiet Harbour']);
    });

    test('wildcards and injection-shaped strings are answered 200 and matched literally', async () => {
      assert.deepEqual(await titles('%'), ['100% Wolf']);
      assert.deepEqual(await titles('_'), ['snake_case Stories']);
      assert.deepEqual(await titles('\\'), ['Back\\Slash']);
      for (const q of [
        "'; drop table movies; --",
        "' or 1=1 --",
        '"; select pg_sleep(5); --',
        '%%%%',
        '_%_',
        '\\\\%',
        '$1',
        'ʼ',
        '\u0000x'.slice(1),
        '🎬',
        ')(*&^',
        '  ',
      ]) {
        const res = await t.request({ method: 'GET', url: `/api/v1/movies?q=${encodeURIComponent(q)}` });
        assert.equal(res.status, 200, q);
      }
      const all = await t.request({ method: 'GET', url: '/api/v1/movies?limit=100' });
      assert.equal(all.status, 200);
      assert.equal(all.body.items.length, 7, 'the movies table is still there, untouched');
    });

    test('nothing similar finds nothing; search results page with a stable cursor', async () => {
      assert.deepEqual(await titles('xylophone'), []);
      assert.deepEqual(await titles('xylophone godfather'), []);
      assert.deepEqual(await titles('godfather xylophone'), []);
      assert.deepEqual(await titles('godfather bran'), ['The Godfather'], 'the last word typed is the prefix');
      for (let i = 0; i < 5; i++) await createMovie(t, admin, { title: `Harbour Tale ${i}` });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await search('harbour', `&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        seen.push(...page.items.map((m) => m.title));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, new Set(seen).size);
      assert.ok(seen.includes('Quiet Harbour'));
      assert.equal(seen.filter((s) => s.startsWith('Harbour Tale')).length, 5);
      // A cursor of a search is not a cursor of the plain list.
      const page = await search('harbour', '&limit=2');
      const mixed = await t.request({
        method: 'GET',
        url: `/api/v1/movies?limit=2&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
      });
      assert.equal(mixed.status, 422);
    });
  });
}
