// Issue 20: cinemas near a point through HTTP: great-circle order against known city distances,
// the (distance, id) cursor across ties, the antimeridian and the poles, and refused coordinates.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createCinema, tag } from './catalog.fixtures.ts';

// City centres and their published great-circle distances from Berlin (km, ±1 %).
const CITIES = [
  { name: 'Munich', latitude: 48.1351, longitude: 11.582, fromBerlinKm: 504 },
  { name: 'Paris', latitude: 48.8566, longitude: 2.3522, fromBerlinKm: 878 },
  { name: 'London', latitude: 51.5074, longitude: -0.1278, fromBerlinKm: 932 },
  { name: 'Madrid', latitude: 40.4168, longitude: -3.7038, fromBerlinKm: 1869 },
  { name: 'New York', latitude: 40.7128, longitude: -74.006, fromBerlinKm: 6385 },
  { name: 'Sydney', latitude: -33.8688, longitude: 151.2093, fromBerlinKm: 16_000 },
];

for (const backend of backends()) {
  describe(`cinemas near a point on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    const near = async (query: string) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/cinemas?${query}` });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body as { items: any[]; nextCursor: string | null };
    };

    test('nearest first with the distance, pages by (distance, id) through ties', async () => {
      const city = `Atlas ${tag()}`;
      // Shuffled on purpose: insertion order must not be the answer.
      for (const { fromBerlinKm: _, ...c } of [...CITIES].reverse()) await createCinema(t, admin, { ...c, city });
      const twin = await createCinema(t, admin, { name: 'Paris bis', city, latitude: 48.8566, longitude: 2.3522 });
      await createCinema(t, admin, { name: 'Nowhere', city }); // no coordinates: not in a near answer

      const all = await near(`near=52.52,13.405&city=${encodeURIComponent(city)}&limit=100`);
      assert.deepEqual(
        all.items.map((c) => c.name).filter((n) => n !== 'Paris bis'),
        CITIES.map((c) => c.name),
      );
      for (const c of CITIES) {
        const got = all.items.find((i) => i.name === c.name);
        assert.ok(Math.abs(got.distanceKm - c.fromBerlinKm) / c.fromBerlinKm < 0.01, `${c.name}: ${got.distanceKm}`);
        assert.deepEqual([got.latitude, got.longitude], [c.latitude, c.longitude]);
      }
      const paris = all.items.filter((i) => i.distanceKm === all.items.find((x) => x.name === 'Paris').distanceKm);
      assert.deepEqual(
        paris.map((p) => p.id).sort(),
        paris.map((p) => p.id),
        'a tie is ordered by id',
      );
      assert.ok(paris.some((p) => p.id === twin.id));

      // One at a time: the same order, each item once, and the tie split across pages.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await near(
          `near=52.52,13.405&city=${encodeURIComponent(city)}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor && seen.length < 20);
      assert.deepEqual(
        seen,
        all.items.map((i) => i.id),
      );

      const other = await near(`city=${encodeURIComponent(city)}&limit=1`);
      const wrong = await t.request({
        method: 'GET',
        url: `/api/v1/cinemas?near=52.52,13.405&cursor=${other.nextCursor}`,
      });
      assert.equal(wrong.status, 422, 'a cursor of the by-name list is not one of the near list');
    });

    test('across the antimeridian and over a pole', async () => {
      const city = `Edges ${tag()}`;
      const east = await createCinema(t, admin, { name: 'Fiji east', city, latitude: -17, longitude: 179.9 });
      const west = await createCinema(t, admin, { name: 'Fiji west', city, latitude: -17, longitude: -179.7 });
      const far = await createCinema(t, admin, { name: 'Fiji far', city, latitude: -17, longitude: 178 });
      const dateline = await near(`near=-17,-179.95&city=${encodeURIComponent(city)}`);
      assert.deepEqual(
        dateline.items.map((c) => c.id),
        [east.id, west.id, far.id],
      );
      assert.ok(dateline.items[0].distanceKm < 20, 'some 16 km over the line, not 38,000 km round the world');

      const pole = `Pole ${tag()}`;
      const across = await createCinema(t, admin, { name: 'Across', city: pole, latitude: 89.8, longitude: 180 });
      const sameSide = await createCinema(t, admin, { name: 'Same side', city: pole, latitude: 89, longitude: 0 });
      const south = await createCinema(t, admin, { name: 'South', city: pole, latitude: -90, longitude: 0 });
      const north = await near(`near=89.8,0&city=${encodeURIComponent(pole)}`);
      assert.deepEqual(
        north.items.map((c) => c.id),
        [across.id, sameSide.id, south.id],
      );
      assert.ok(Math.abs(north.items[2].distanceKm - 19_993) < 30, `pole to pole: ${north.items[2].distanceKm}`);
    });

    test('coordinates are checked: in range, both or neither; near is "lat,lng"', async () => {
      for (const bad of ['abc', '52.5', '91,0', '-90.5,0', '0,181', '0,-180.01', '1,2,3', '0x1,2', 'NaN,1', '']) {
        const res = await t.request({ method: 'GET', url: `/api/v1/cinemas?near=${encodeURIComponent(bad)}` });
        assert.equal(res.status, 422, bad);
        assert.match(res.headers['content-type'] as string, /problem\+json/);
      }
      const post = (payload: object) =>
        t.request({
          method: 'POST',
          url: '/api/v1/cinemas',
          token: admin.token,
          payload: { name: 'X', city: 'Y', timezone: 'Europe/Berlin', ...payload },
        });
      for (const payload of [
        { latitude: 52 },
        { longitude: 13 },
        { latitude: 91, longitude: 0 },
        { latitude: 0, longitude: 180.5 },
        { latitude: '52', longitude: 13 },
        { latitude: 52, longitude: null },
      ]) {
        assert.equal((await post(payload)).status, 422, JSON.stringify(payload));
      }
      const c = await createCinema(t, admin, { latitude: 52.5, longitude: 13.4 });
      const patch = (payload: object) =>
        t.request({ method: 'PATCH', url: `/api/v1/cinemas/${c.id}`, token: admin.token, payload });
      assert.equal((await patch({ latitude: 10 })).status, 422, 'one without the other');
      const moved = await patch({ latitude: -33.9, longitude: 18.4 });
      assert.deepEqual([moved.body.latitude, moved.body.longitude], [-33.9, 18.4]);
      const cleared = await patch({ latitude: null, longitude: null });
      assert.deepEqual([cleared.body.latitude, cleared.body.longitude], [null, null]);
    });
  });
}
