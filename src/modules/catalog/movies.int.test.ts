// Movies and people through HTTP: admin writes and their validation, links with roles, filters,
// pagination with ties in the sort key, cache headers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createCinema, createHall, createMovie, createShowtime, tag, venue } from './catalog.fixtures.ts';

for (const backend of backends()) {
  describe(`movies and people on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    test('an admin creates, reads, changes and deletes a movie', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/movies',
        token: admin.token,
        payload: {
          title: 'Harbour Lights',
          durationMinutes: 104,
          genres: ['Drama'],
          cast: ['A. Actor'],
          director: 'D. Rector',
          releaseDate: '2026-01-15',
          countries: ['PT'],
        },
      });
      assert.equal(res.status, 201);
      const movie = res.body;
      assert.equal(movie.title, 'Harbour Lights');
      assert.equal(movie.releaseDate, '2026-01-15');
      assert.deepEqual(movie.cast, ['A. Actor']);
      assert.deepEqual(movie.people, []);
      assert.equal(movie.posterUrl, null);
      const got = await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` });
      assert.equal(got.status, 200);
      assert.deepEqual(got.body, movie);
      const patched = await t.request({
        method: 'PATCH',
        url: `/api/v1/movies/${movie.id}`,
        token: admin.token,
        payload: { synopsis: 'Lights.', director: null },
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.synopsis, 'Lights.');
      assert.equal(patched.body.director, null);
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` })).body.synopsis, 'Lights.');
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/movies/${movie.id}`, token: admin.token })).status,
        204,
      );
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` })).status, 404);
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/movies/${movie.id}`, token: admin.token })).status,
        404,
      );
    });

    test('writes need an admin: 401 without a session, 403 for staff and customers', async () => {
      const payload = { title: 'Nope', durationMinutes: 90 };
      assert.equal((await t.request({ method: 'POST', url: '/api/v1/movies', payload })).status, 401);
      for (const role of ['customer', 'staff'] as const) {
        const user = await makeUser(t, { role });
        const res = await t.request({ method: 'POST', url: '/api/v1/movies', payload, token: user.token });
        assert.equal(res.status, 403);
        assert.equal(res.body.code, 'forbidden');
      }
    });

    test('bad movies are 422 validation_failed with the field named', async () => {
      const bad: [object, string][] = [
        [{ title: '', durationMinutes: 90 }, '/title'],
        [{ title: '   ', durationMinutes: 90 }, '/title'],
        [{ title: 'X', durationMinutes: 0 }, '/durationMinutes'],
        [{ title: 'X', durationMinutes: 1001 }, '/durationMinutes'],
        [{ title: 'X', durationMinutes: 90.5 }, '/durationMinutes'],
        [{ title: 'X', durationMinutes: 90, releaseDate: '2026-02-30' }, '/releaseDate'],
        [{ title: 'X', durationMinutes: 90, nonsense: true }, '/nonsense'],
        [
          {
            title: 'X',
            durationMinutes: 90,
            people: [{ personId: '00000000-0000-4000-8000-000000000000', role: 'actor' }],
          },
          '/people/0/personId',
        ],
      ];
      for (const [payload, path] of bad) {
        const res = await t.request({ method: 'POST', url: '/api/v1/movies', payload, token: admin.token });
        assert.equal(res.status, 422, JSON.stringify(payload));
        assert.equal(res.body.code, 'validation_failed');
        assert.equal(res.body.errors[0].path, path, JSON.stringify(payload));
      }
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/movies/not-a-uuid' })).status, 404);
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/movies/00000000-0000-4000-8000-000000000000' })).status,
        404,
      );
    });

    test('people: linked to movies with roles, each with a page of their movies', async () => {
      const person = (
        await t.request({
          method: 'POST',
          url: '/api/v1/people',
          token: admin.token,
          payload: { name: 'Ines Okafor', bio: 'Actor.' },
        })
      ).body;
      const director = (
        await t.request({ method: 'POST', url: '/api/v1/people', token: admin.token, payload: { name: 'Bo Lind' } })
      ).body;
      assert.equal(person.photoUrl, null);
      const movie = await createMovie(t, admin, {
        title: 'Linked',
        cast: ['Ines Okafor', 'Unlinked Person'],
        people: [
          { personId: director.id, role: 'director' },
          { personId: person.id, role: 'actor' },
          { personId: person.id, role: 'producer' },
        ],
      });
      assert.deepEqual(movie.people, [
        { personId: director.id, name: 'Bo Lind', role: 'director' },
        { personId: person.id, name: 'Ines Okafor', role: 'actor' },
        { personId: person.id, name: 'Ines Okafor', role: 'producer' },
      ]);
      const page = await t.request({ method: 'GET', url: `/api/v1/people/${person.id}` });
      assert.equal(page.status, 200);
      assert.equal(page.body.name, 'Ines Okafor');
      assert.deepEqual(page.body.movies.map((m: any) => [m.movieId, m.role]).sort(), [
        [movie.id, 'actor'],
        [movie.id, 'producer'],
      ]);
      const renamed = await t.request({
        method: 'PATCH',
        url: `/api/v1/people/${person.id}`,
        token: admin.token,
        payload: { name: 'Ines Okafor-Lind' },
      });
      assert.equal(renamed.body.name, 'Ines Okafor-Lind');
      assert.equal(
        (await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` })).body.people[1].name,
        'Ines Okafor-Lind',
      );
      assert.equal(
        (await t.request({ method: 'DELETE', url: `/api/v1/people/${person.id}`, token: admin.token })).status,
        204,
      );
      const after = (await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` })).body;
      assert.deepEqual(
        after.people.map((p: any) => p.personId),
        [director.id],
      );
      assert.deepEqual(after.cast, ['Ines Okafor', 'Unlinked Person']);
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/people/${person.id}` })).status, 404);
      const found = await t.request({ method: 'GET', url: '/api/v1/people?q=bo%20lnd' });
      assert.ok(found.body.items.some((p: any) => p.id === director.id));
    });

    test('a movie with showtimes cannot be deleted: 409 movie_in_use', async () => {
      const { hall, movie } = await venue(t, admin);
      await createShowtime(t, admin, movie.id, hall.id, 24);
      const res = await t.request({ method: 'DELETE', url: `/api/v1/movies/${movie.id}`, token: admin.token });
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'movie_in_use');
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` })).status, 200);
    });

    test('pages cover movies with the same created_at exactly once, also when movies are added meanwhile', async () => {
      const genre = `tie-${tag()}`;
      // The test clock stands still: every movie gets the same created_at.
      const ids = new Set<string>();
      for (let i = 0; i < 7; i++) ids.add((await createMovie(t, admin, { genres: [genre] })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url = `/api/v1/movies?genre=${genre}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await t.request({ method: 'GET', url });
        assert.equal(res.status, 200);
        seen.push(...res.body.items.map((m: any) => m.id));
        cursor = res.body.nextCursor;
        // A newer movie appears between pages; it sorts before the cursor and must not disturb it.
        if (pages++ === 0) {
          t.clock.advance(1);
          await createMovie(t, admin, { genres: [genre] });
        }
      } while (cursor);
      assert.equal(pages, 3);
      assert.equal(seen.length, 7, 'no movie twice');
      assert.deepEqual(new Set(seen), ids);
      const bad = await t.request({ method: 'GET', url: '/api/v1/movies?cursor=bm9wZQ' });
      assert.equal(bad.status, 422);
      assert.equal(bad.body.code, 'validation_failed');
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/movies?limit=0' })).status, 422);
      assert.equal((await t.request({ method: 'GET', url: '/api/v1/movies?limit=101' })).status, 422);
    });

    test('status: now_showing has a showtime within 7 days; coming_soon is released later or first shown after that; never both', async () => {
      const { cinema, hall } = await venue(t, admin, { timezone: 'Europe/Lisbon' });
      const showing = await createMovie(t, admin, { title: `Showing ${tag()}` });
      const later = await createMovie(t, admin, { title: `Later ${tag()}` });
      const unreleased = await createMovie(t, admin, { title: `Unreleased ${tag()}`, releaseDate: '2999-01-01' });
      const old = await createMovie(t, admin, { title: `Old ${tag()}`, releaseDate: '2001-01-01' });
      await createShowtime(t, admin, showing.id, hall.id, 5);
      await createShowtime(t, admin, later.id, hall.id, 24 * 9);
      const ids = async (query: string) =>
        (await t.request({ method: 'GET', url: `/api/v1/movies?${query}&limit=100` })).body.items.map((m: any) => m.id);
      const now = await ids(`status=now_showing&cinemaId=${cinema.id}`);
      assert.deepEqual(now, [showing.id]);
      const soon = await ids('status=coming_soon');
      assert.ok(soon.includes(later.id) && soon.includes(unreleased.id));
      assert.ok(!soon.includes(showing.id) && !soon.includes(old.id));
      // A preview of a movie released later is showing now, and so not coming soon.
      const preview = await createMovie(t, admin, { title: `Preview ${tag()}`, releaseDate: '2999-01-01' });
      await createShowtime(t, admin, preview.id, hall.id, 30);
      assert.ok((await ids(`status=now_showing&cinemaId=${cinema.id}`)).includes(preview.id));
      assert.ok(!(await ids('status=coming_soon')).includes(preview.id));
      assert.deepEqual(
        (await ids(`city=${encodeURIComponent(cinema.city.toUpperCase())}&status=now_showing`)).includes(showing.id),
        true,
      );
      // Six hours on, the first showtime has started: the movie is no longer showing from now on.
      t.clock.advance(6 * 3_600_000);
      assert.ok(!(await ids(`status=now_showing&cinemaId=${cinema.id}`)).includes(showing.id));
      t.clock.advance(2 * 24 * 3_600_000);
      assert.ok(!(await ids('status=coming_soon')).includes(later.id));
      assert.ok((await ids(`status=now_showing&cinemaId=${cinema.id}`)).includes(later.id));
    });

    test('status at a chosen cinema or city counts only the showtimes there', async () => {
      const near = await venue(t, admin);
      const city = `Town ${tag()}`;
      const farCinema = await createCinema(t, admin, { city });
      const far = { cinema: farCinema, hall: await createHall(t, admin, farCinema.id) };
      // On in two days at the first cinema, in nine days at the second.
      const movie = await createMovie(t, admin, { title: `Split ${tag()}` });
      await createShowtime(t, admin, movie.id, near.hall.id, 48);
      await createShowtime(t, admin, movie.id, far.hall.id, 24 * 9);
      const has = async (query: string) =>
        (await t.request({ method: 'GET', url: `/api/v1/movies?${query}&limit=100` })).body.items.some(
          (m: any) => m.id === movie.id,
        );
      assert.equal(await has(`status=now_showing&cinemaId=${near.cinema.id}`), true);
      assert.equal(await has(`status=coming_soon&cinemaId=${near.cinema.id}`), false);
      assert.equal(await has(`status=now_showing&cinemaId=${far.cinema.id}`), false);
      assert.equal(await has(`status=coming_soon&cinemaId=${far.cinema.id}`), true);
      assert.equal(await has(`status=now_showing&city=${encodeURIComponent(city)}`), false);
      assert.equal(await has(`status=coming_soon&city=${encodeURIComponent(city.toLowerCase())}`), true);
      // Anywhere: showing within the week somewhere, so not coming soon.
      assert.equal(await has('status=now_showing'), true);
      assert.equal(await has('status=coming_soon'), false);
    });

    test('public reads carry an ETag and Cache-Control; If-None-Match gets 304; a write changes the ETag', async () => {
      const movie = await createMovie(t, admin);
      const first = await t.request({ method: 'GET', url: `/api/v1/movies/${movie.id}` });
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      assert.match(String(first.headers['cache-control']), /public/);
      const again = await t.request({
        method: 'GET',
        url: `/api/v1/movies/${movie.id}`,
        headers: { 'if-none-match': etag },
      });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      await t.request({
        method: 'PATCH',
        url: `/api/v1/movies/${movie.id}`,
        token: admin.token,
        payload: { title: 'Renamed' },
      });
      const changed = await t.request({
        method: 'GET',
        url: `/api/v1/movies/${movie.id}`,
        headers: { 'if-none-match': etag },
      });
      assert.equal(changed.status, 200);
      assert.equal(changed.body.title, 'Renamed');
      assert.notEqual(changed.headers.etag, etag);
    });
  });
}
