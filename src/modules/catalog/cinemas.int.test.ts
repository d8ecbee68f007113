// Cities, cinemas and halls through HTTP: time zones, layout validation, stable seat ids, capacity,
// and layout changes refused while coming showtimes have sales.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { backends } from '../../../test/support/backends.ts';
import { makeUser, type TestUser } from '../../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { claimSeats, createCinema, createHall, createMovie, createShowtime, grid, tag } from './catalog.fixtures.ts';

for (const backend of backends()) {
  describe(`cinemas and halls on ${backend.name}`, () => {
    let t: TestApp;
    let admin: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await makeUser(t, { role: 'admin' });
    });
    after(() => t.close());

    test('cinemas by city, cities with their counts', async () => {
      const city = `Porto ${tag()}`;
      const a = await createCinema(t, admin, { name: 'B side', city, timezone: 'Europe/Lisbon', address: 'Rua 1' });
      const b = await createCinema(t, admin, { name: 'A side', city, timezone: 'Europe/Lisbon' });
      await createCinema(t, admin, { city: 'Elsewhere', timezone: 'America/New_York' });
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/cinemas?city=${encodeURIComponent(city.toLowerCase())}`,
      });
      assert.equal(list.status, 200);
      assert.deepEqual(
        list.body.items.map((c: any) => c.id),
        [b.id, a.id],
      );
      assert.deepEqual(list.body.items[1], {
        id: a.id,
        name: 'B side',
        city,
        address: 'Rua 1',
        timezone: 'Europe/Lisbon',
      });
      const cities = await t.request({ method: 'GET', url: '/api/v1/cities' });
      assert.ok(Array.isArray(cities.body), 'a plain array, as API.md shows it');
      assert.deepEqual(
        cities.body.find((c: any) => c.city === city),
        { city, cinemaCount: 2 },
      );
      assert.equal((await t.request({ method: 'GET', url: `/api/v1/cinemas/${a.id}` })).body.name, 'B side');
      const moved = await t.request({
        method: 'PATCH',
        url: `/api/v1/cinemas/${a.id}`,
        token: admin.token,
        payload: { timezone: 'Atlantic/Azores' },
      });
      assert.equal(moved.status, 200);
      assert.equal(moved.body.timezone, 'Atlantic/Azores');
    });

    test('a cinema needs a real IANA time zone', async () => {
      for (const timezone of ['Mars/Olympus_Mons', '+01:00', 'CEST', 'Europe/Berlinn', 'europe berlin']) {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/cinemas',
          token: admin.token,
          payload: { name: 'X', city: 'Y', timezone },
        });
        assert.equal(res.status, 422, timezone);
        assert.equal(res.body.errors[0].path, '/timezone');
      }
      assert.equal(
        (
          await t.request({
            method: 'POST',
            url: '/api/v1/cinemas',
            token: admin.token,
            payload: { name: 'U', city: 'Y', timezone: 'UTC' },
          })
        ).status,
        201,
      );
    });

    test('a hall: capacity counts seats that are not blocked; the layout keeps positions and gives seat ids', async () => {
      const cinema = await createCinema(t, admin);
      const layout = {
        rows: [
          {
            label: 'A',
            y: 0,
            seats: [
              { number: 1, type: 'accessible', x: 0 },
              { number: 2, type: 'companion', x: 1 },
              { number: 3, type: 'blocked', x: 3 },
            ],
          },
          { label: 'B', seats: [{ number: 1, type: 'vip', x: 0.5, y: 1.2 }] },
        ],
      };
      const hall = await createHall(t, admin, cinema.id, { name: 'Studio', layout, cleaningMinutes: 30 });
      assert.equal(hall.capacity, 3);
      assert.equal(hall.cleaningMinutes, 30);
      assert.equal(hall.cinemaId, cinema.id);
      const seatsOf = (h: any) => h.layout.rows.flatMap((r: any) => r.seats.map((s: any) => ({ ...s, row: r.label })));
      const seats = seatsOf(hall);
      assert.equal(seats.length, 4);
      assert.ok(seats.every((s: any) => /^[0-9a-f-]{36}$/.test(s.id)));
      assert.deepEqual(
        seats.find((s: any) => s.row === 'B'),
        { id: seats[3].id, number: 1, type: 'vip', x: 0.5, y: 1.2, row: 'B' },
      );
      assert.equal(seats[2].x, 3, 'the gap before A3 is an aisle');
      const listed = await t.request({ method: 'GET', url: `/api/v1/cinemas/${cinema.id}/halls` });
      assert.deepEqual(
        listed.body.items.map((h: any) => h.id),
        [hall.id],
      );
      assert.deepEqual((await t.request({ method: 'GET', url: `/api/v1/halls/${hall.id}` })).body, hall);
    });

    test('layouts are validated: unique row labels, unique numbers per row, 1–1000 seats, known types', async () => {
      const cinema = await createCinema(t, admin);
      const post = (layout: unknown) =>
        t.request({
          method: 'POST',
          url: `/api/v1/cinemas/${cinema.id}/halls`,
          token: admin.token,
          payload: { name: `H ${tag()}`, layout },
        });
      const cases: [unknown, string][] = [
        [
          {
            rows: [
              { label: 'A', seats: [{ number: 1, type: 'standard', x: 0 }] },
              { label: 'A', seats: [{ number: 1, type: 'standard', x: 0 }] },
            ],
          },
          '/layout/rows/1/label',
        ],
        [
          {
            rows: [
              {
                label: 'A',
                seats: [
                  { number: 1, type: 'standard', x: 0 },
                  { number: 1, type: 'vip', x: 1 },
                ],
              },
            ],
          },
          '/layout/rows/0/seats/1/number',
        ],
        [{ rows: [{ label: 'A', seats: [] }] }, '/layout/rows'],
        [{ rows: [] }, '/layout/rows'],
        [grid(11, 91), '/layout/rows'],
        [{ rows: [{ label: 'A', seats: [{ number: 1, type: 'sofa', x: 0 }] }] }, '/layout/rows/0/seats/0/type'],
        [{ rows: [{ label: 'A', seats: [{ number: 0, type: 'standard', x: 0 }] }] }, '/layout/rows/0/seats/0/number'],
        [{ rows: [{ label: 'A', seats: [{ number: 1, type: 'standard' }] }] }, '/layout/rows/0/seats/0/x'],
      ];
      for (const [layout, path] of cases) {
        const res = await post(layout);
        assert.equal(res.status, 422, JSON.stringify(layout).slice(0, 80));
        assert.equal(res.body.code, 'validation_failed');
        assert.equal(res.body.errors[0].path, path);
      }
      assert.equal((await post(grid(10, 100))).status, 201, 'exactly 1000 seats is fine');
      const name = `Same ${tag()}`;
      await createHall(t, admin, cinema.id, { name });
      const dup = await t.request({
        method: 'POST',
        url: `/api/v1/cinemas/${cinema.id}/halls`,
        token: admin.token,
        payload: { name, layout: grid(1, 1) },
      });
      assert.equal(dup.status, 409);
      assert.equal(dup.body.code, 'hall_name_taken');
      const nowhere = await t.request({
        method: 'POST',
        url: '/api/v1/cinemas/00000000-0000-4000-8000-000000000000/halls',
        token: admin.token,
        payload: { name: 'X', layout: grid(1, 1) },
      });
      assert.equal(nowhere.status, 404);
    });

    test('seats keep their ids by row and number across layout edits; removed seats come back with theirs', async () => {
      const cinema = await createCinema(t, admin);
      const hall = await createHall(t, admin, cinema.id, { layout: grid(2, 3) });
      const idOf = (h: any, row: string, n: number) =>
        h.layout.rows.find((r: any) => r.label === row)?.seats.find((s: any) => s.number === n)?.id;
      const a1 = idOf(hall, 'A', 1);
      const b3 = idOf(hall, 'B', 3);
      const edit = (layout: unknown) =>
        t.request({ method: 'PATCH', url: `/api/v1/halls/${hall.id}`, token: admin.token, payload: { layout } });
      const smaller = await edit({
        rows: [
          {
            label: 'A',
            seats: [
              { number: 1, type: 'vip', x: 5 },
              { number: 4, type: 'standard', x: 6 },
            ],
          },
        ],
      });
      assert.equal(smaller.status, 200);
      assert.equal(idOf(smaller.body, 'A', 1), a1);
      assert.equal(smaller.body.layout.rows[0].seats[0].type, 'vip');
      assert.equal(smaller.body.capacity, 2);
      const back = await edit(grid(2, 3));
      assert.equal(idOf(back.body, 'B', 3), b3);
      assert.equal(back.body.capacity, 6);
    });

    test('a layout change is refused with 409 hall_has_sales while a coming showtime has sold or held seats', async () => {
      const cinema = await createCinema(t, admin);
      const hall = await createHall(t, admin, cinema.id, { layout: grid(2, 3) });
      const movie = await createMovie(t, admin);
      const showtime = await createShowtime(t, admin, movie.id, hall.id, 48);
      const seat = hall.layout.rows[0].seats[0].id;
      const edit = () =>
        t.request({
          method: 'PATCH',
          url: `/api/v1/halls/${hall.id}`,
          token: admin.token,
          payload: { layout: grid(3, 3) },
        });
      // An expired hold does not count.
      await claimSeats(t, showtime.id, [seat], 'held', new Date(t.clock.now().getTime() - 1000));
      assert.equal((await edit()).status, 200);
      await t.app.platform.database.db.deleteFrom('seat_claims').where('showtime_id', '=', showtime.id).execute();
      await claimSeats(t, showtime.id, [seat], 'held', new Date(t.clock.now().getTime() + 600_000));
      const held = await edit();
      assert.equal(held.status, 409);
      assert.equal(held.body.code, 'hall_has_sales');
      // Renaming is still fine.
      assert.equal(
        (
          await t.request({
            method: 'PATCH',
            url: `/api/v1/halls/${hall.id}`,
            token: admin.token,
            payload: { name: `Renamed ${tag()}` },
          })
        ).status,
        200,
      );
      await t.app.platform.database.db.deleteFrom('seat_claims').where('showtime_id', '=', showtime.id).execute();
      await claimSeats(t, showtime.id, [seat], 'sold');
      assert.equal((await edit()).body.code, 'hall_has_sales');
      // Once the showtime is over, the hall may change again.
      t.clock.advance(72 * 3_600_000);
      assert.equal((await edit()).status, 200);
    });

    test('a layout may not add a seat type that coming showtimes have no price for', async () => {
      const cinema = await createCinema(t, admin);
      const hall = await createHall(t, admin, cinema.id, { layout: grid(1, 3) });
      const movie = await createMovie(t, admin);
      const showtime = await createShowtime(t, admin, movie.id, hall.id, 10);
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/halls/${hall.id}`,
        token: admin.token,
        payload: { layout: grid(1, 3, { A1: 'vip' }) },
      });
      assert.equal(res.status, 409);
      assert.equal(res.body.code, 'prices_missing');
      assert.deepEqual(res.body.showtimeIds, [showtime.id]);
    });
  });
}
