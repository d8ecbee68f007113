// The catalog cache: reads are served from it (the database is not asked again), every write is
// visible to the next read, also on another server instance sharing PostgreSQL and Redis.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends, realPostgres, services } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { newNamespace, startOnDatabase, startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { claimSeats, createMovie, createShowtime, venue } from './catalog.fixtures.ts';

for (const backend of backends()) {
  describe(`catalog cache on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    test('a second read comes from the cache; an API write invalidates it at once', async () => {
      const movie = await createMovie(t, admin, { title: 'Cached' });
      const url = `/api/v1/movies/${movie.id}`;
      assert.equal((await t.request({ method: 'GET', url })).body.title, 'Cached');
      // Behind the service's back: the cache does not notice, which shows it is being used.
      await t.app.platform.database.db
        .updateTable('movies')
        .set({ title: 'Sneaky' })
        .where('id', '=', movie.id)
        .execute();
      assert.equal((await t.request({ method: 'GET', url })).body.title, 'Cached');
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/movies?limit=100' })).body.items.find(
          (m: any) => m.id === movie.id,
        ).title,
        'Sneaky',
        'a list read for the first time sees the database',
      );
      await t.request({ method: 'PATCH', url, token: admin.token, payload: { synopsis: 'changed' } });
      const fresh = (await t.request({ method: 'GET', url })).body;
      assert.deepEqual([fresh.title, fresh.synopsis], ['Sneaky', 'changed']);
    });
  });
}

const shared = services.redisUrl ? realPostgres() : [];
describe(
  'catalog cache across two instances on one PostgreSQL and one Redis',
  { skip: shared.length === 0 ? 'needs DATABASE_URL and REDIS_URL' : false },
  () => {
    let a: TestApp;
    let b: TestApp;
    let drop: () => Promise<void>;
    let admin: TestUser;
    before(async () => {
      const created = await (shared[0] as NonNullable<(typeof shared)[0]>).create();
      drop = created.drop;
      const namespace = newNamespace();
      a = await startOnDatabase(created.database, created.url, { namespace });
      b = await startOnDatabase(created.database, created.url, { namespace });
      admin = await makeUser(a, { role: 'admin' });
    });
    after(async () => {
      await a?.close();
      await b?.close();
      await drop?.();
    });

    test('a write on one instance is seen by the next read on the other', async () => {
      const movie = await createMovie(a, admin, { title: 'Before' });
      const url = `/api/v1/movies/${movie.id}`;
      const warm = await b.request({ method: 'GET', url });
      assert.equal(warm.body.title, 'Before');
      assert.equal((await b.request({ method: 'GET', url })).body.title, 'Before');
      await a.request({ method: 'PATCH', url, token: admin.token, payload: { title: 'After' } });
      const next = await b.request({ method: 'GET', url, headers: { 'if-none-match': String(warm.headers.etag) } });
      assert.equal(next.status, 200);
      assert.equal(next.body.title, 'After');
    });

    test('lists, showtimes and availability follow writes and invalidations made elsewhere', async () => {
      const { cinema, hall, movie } = await venue(a, admin);
      const list = `/api/v1/showtimes?cinemaId=${cinema.id}`;
      assert.deepEqual((await b.request({ method: 'GET', url: list })).body.items, []);
      const show = await createShowtime(a, admin, movie.id, hall.id, 12);
      const listed = (await b.request({ method: 'GET', url: list })).body.items;
      assert.deepEqual(
        listed.map((s: any) => [s.id, s.seatsAvailable]),
        [[show.id, 10]],
      );
      const seats = await a.app.modules.catalog.service.getHallSeats(hall.id);
      await claimSeats(a, show.id, [seats[0]!.id, seats[1]!.id], 'sold');
      await a.app.modules.catalog.service.invalidateShowtime(show.id);
      assert.equal((await b.request({ method: 'GET', url: `/api/v1/showtimes/${show.id}` })).body.seatsAvailable, 8);
      assert.equal((await b.request({ method: 'GET', url: list })).body.items[0].seatsAvailable, 8);
      assert.equal((await b.app.modules.catalog.service.getShowtime(show.id))?.status, 'scheduled');
      await a.request({ method: 'POST', url: `/api/v1/showtimes/${show.id}/cancel`, token: admin.token });
      assert.equal((await b.app.modules.catalog.service.getShowtime(show.id))?.status, 'cancelled');
      assert.deepEqual((await b.request({ method: 'GET', url: list })).body.items, []);
    });
  },
);
